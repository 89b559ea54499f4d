/**
 * Finding the archive to build the bundle from (Node only): `$CHANGELOG_CORPUS`, else
 * `../shared/corpus/changelog`, else `./corpus/`; failing those, a clone of the two public
 * repositories at pinned commits into `./corpus/` when the network allows. Never an empty bundle.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { archivePath, type EpisodeRef, episodeFromArchivePath } from '../lib/site/urls';

/** The public repositories and the commits the bundle is pinned to (as in SOURCE.md). */
export const CORPUS_REPOSITORIES = {
  transcripts: { repository: 'thechangelog/transcripts', commit: '44a0e16c5919d332e05de481919fbfca90a2c90b' },
  'show-notes': { repository: 'thechangelog/show-notes', commit: '607ba1370adffc8cf9dd7dcf8f0e9b6256809a60' },
} as const;

export type CorpusFolder = keyof typeof CORPUS_REPOSITORIES;

export class CorpusNotFoundError extends Error {
  override name = 'CorpusNotFoundError';
}

function isCorpus(dir: string): boolean {
  return existsSync(join(dir, 'transcripts')) && statSync(join(dir, 'transcripts')).isDirectory();
}

function cloneCorpus(target: string, log: (line: string) => void): boolean {
  const git = spawnSync('git', ['--version'], { encoding: 'utf8' });
  if (git.status !== 0) return false;
  mkdirSync(target, { recursive: true });
  for (const [folder, { repository, commit }] of Object.entries(CORPUS_REPOSITORIES)) {
    const dir = join(target, folder);
    if (existsSync(join(dir, '.git'))) continue;
    log(`cloning https://github.com/${repository} @ ${commit.slice(0, 12)} into ${dir}`);
    const steps = [
      ['init', '-q', dir],
      ['-C', dir, 'fetch', '-q', '--depth', '1', `https://github.com/${repository}`, commit],
      ['-C', dir, 'checkout', '-q', 'FETCH_HEAD'],
    ];
    for (const args of steps) {
      const result = spawnSync('git', args, { encoding: 'utf8', timeout: 300_000, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
      if (result.status !== 0) {
        log(`git ${args.join(' ')} failed: ${(result.stderr || result.error?.message || '').trim()}`);
        return false;
      }
    }
  }
  return isCorpus(target);
}

/**
 * The corpus directory to build from. `projectRoot` anchors the default locations. Throws
 * {@link CorpusNotFoundError}, naming `CHANGELOG_CORPUS`, when there is none and none can be fetched.
 */
export function resolveCorpus(
  projectRoot: string,
  log: (line: string) => void = () => {},
  clone: (target: string, log: (line: string) => void) => boolean = cloneCorpus,
): string {
  const fromEnv = process.env.CHANGELOG_CORPUS;
  if (fromEnv) {
    const dir = resolve(fromEnv);
    if (isCorpus(dir)) return dir;
    throw new CorpusNotFoundError(`CHANGELOG_CORPUS=${fromEnv} has no transcripts/ folder.`);
  }
  for (const candidate of [resolve(projectRoot, '../shared/corpus/changelog'), resolve(projectRoot, 'corpus')]) {
    if (isCorpus(candidate)) return candidate;
  }
  const local = resolve(projectRoot, 'corpus');
  if (clone(local, log)) return local;
  throw new CorpusNotFoundError(
    'No Changelog corpus found and it could not be cloned (no network?). Set CHANGELOG_CORPUS to a folder holding ' +
      'transcripts/ and show-notes/ (clones of thechangelog/transcripts and thechangelog/show-notes), or put them in ./corpus/.',
  );
}

/** A repository the bundle was built from, at the commit used. */
export interface CorpusSource {
  repository: string;
  commit: string;
}

/** The commits the corpus is at: from SOURCE.md beside it, or from the clones' git, else the pins. */
export function corpusSources(corpus: string): CorpusSource[] {
  const sourceFile = join(corpus, 'SOURCE.md');
  const written = existsSync(sourceFile) ? readFileSync(sourceFile, 'utf8') : '';
  return Object.entries(CORPUS_REPOSITORIES).map(([folder, pinned]) => {
    const match = new RegExp(`${pinned.repository.replace('/', '\\/')}\\s*@\\s*([0-9a-f]{40})`).exec(written);
    if (match) return { repository: pinned.repository, commit: match[1] as string };
    const head = spawnSync('git', ['-C', join(corpus, folder), 'rev-parse', 'HEAD'], { encoding: 'utf8' });
    if (head.status === 0 && /^[0-9a-f]{40}\s*$/.test(head.stdout)) return { repository: pinned.repository, commit: head.stdout.trim() };
    return { repository: pinned.repository, commit: 'unknown' };
  });
}

/** One archive file with the episode it belongs to. */
export interface CorpusFile {
  ref: EpisodeRef;
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * Every Markdown file of a corpus folder that names an episode, optionally only some shows. When
 * two files name one episode (`the-changelog-534.md` and the older `changelog-interviews-534.md`),
 * the one under the site's canonical name wins, as the site reads that one.
 */
export function listCorpus(corpus: string, folder: CorpusFolder, shows?: ReadonlySet<string>): CorpusFile[] {
  const root = join(corpus, folder);
  if (!existsSync(root)) return [];
  const byKey = new Map<string, CorpusFile>();
  for (const show of readdirSync(root).sort()) {
    if (shows && !shows.has(show)) continue;
    const dir = join(root, show);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const ref = episodeFromArchivePath(relative(root, path));
      if (!ref) continue;
      const stat = statSync(path);
      const key = `${ref.podcast}/${ref.slug}`;
      const canonical = archivePath(ref).endsWith(`/${name}`);
      if (!byKey.has(key) || canonical) byKey.set(key, { ref, path, size: stat.size, mtimeMs: stat.mtimeMs });
    }
  }
  return [...byKey.values()];
}
