/**
 * Where the shared, read-only material lives (../shared beside the project) and whether it is
 * there. Tests that need it skip, saying so in their name, on machines without it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = resolve(PROJECT_ROOT, '../shared');
export const CORPUS_DIR = process.env.CHANGELOG_CORPUS ?? join(SHARED_DIR, 'corpus/changelog');
export const SHARED_PAGES_DIR = join(SHARED_DIR, 'fixtures/pages/changelog');
export const OWN_FIXTURES_DIR = join(PROJECT_ROOT, 'tests/fixtures');

export const hasSharedPages = existsSync(SHARED_PAGES_DIR);
export const hasCorpus = existsSync(join(CORPUS_DIR, 'transcripts'));

/** A describe title that says why the block is skipped when `available` is false. */
export function needs(available: boolean, title: string, what = '../shared'): string {
  return available ? title : `${title} (skipped: ${what} not found beside the project)`;
}

/** The truth file of a shared page fixture, as the shared README documents it. */
export interface PageTruth {
  url: string;
  podcast: string;
  slug: string;
  title: string;
  segments: number;
  speakers: string[];
  turnsBySpeaker: Record<string, number>;
  breaks: number;
  timestamps: [number, number][];
  chapters: [string, number][];
  notesSections: string[];
  notesLinks: [string, string][];
  transcriptLinks: number;
  sponsors: string[];
  hasTranscript: boolean;
}

/** A fixture page (`name.html`) and its truth (`name.truth.json`). */
export interface FixturePage<Truth> {
  name: string;
  html: string;
  truth: Truth;
}

export type PageFixture = FixturePage<PageTruth>;

/** Every page in `dir` that has a truth file, by name (empty when `dir` is absent). */
export function fixturePagesIn<Truth>(dir: string): FixturePage<Truth>[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.truth.json'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.truth.json'.length);
      return {
        name,
        html: readFileSync(join(dir, `${name}.html`), 'utf8'),
        truth: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Truth,
      };
    });
}

/** Every shared episode fixture with its truth (empty without ../shared). */
export function sharedPageFixtures(): PageFixture[] {
  return fixturePagesIn<PageTruth>(SHARED_PAGES_DIR);
}

/** Shared pages that are not episode pages, with the URL each stands for. */
export const SHARED_NON_EPISODE_PAGES: { file: string; url: string }[] = [
  { file: 'shipit-index.html', url: 'https://changelog.com/shipit' },
  { file: 'news-index.html', url: 'https://changelog.com/news' },
  { file: 'person-gerhard.html', url: 'https://changelog.com/person/gerhard' },
];

/** Every Markdown file under a corpus folder (`transcripts` or `show-notes`), sorted. */
export function corpusFiles(folder: 'transcripts' | 'show-notes'): string[] {
  const root = join(CORPUS_DIR, folder);
  if (!existsSync(root)) return [];
  const files: string[] = [];
  for (const show of readdirSync(root).sort()) {
    const dir = join(root, show);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) if (file.endsWith('.md')) files.push(join(dir, file));
  }
  return files;
}
