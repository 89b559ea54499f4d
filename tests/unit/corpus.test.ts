/**
 * The whole archive through the Markdown parsers: every transcript and every show-notes file
 * parses, every bracketed timestamp is found, estimated starts never go backwards, every http(s)
 * link of the notes is found. Prints a one-line summary.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { decodeHTML } from 'entities';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { buildEpisode } from '@/lib/model/build-episode';
import { episodeFromArchivePath } from '@/lib/site/urls';
import { parseShowNotesMarkdown } from '@/pipeline/markdown/show-notes';
import { parseTranscriptMarkdown } from '@/pipeline/markdown/transcripts';
import { CORPUS_DIR, corpusFiles, hasCorpus, needs } from '../support/shared';

/** Bracketed timestamps as written in Markdown, escaped (`\[04:15\]`) or not. */
const RAW_TIMESTAMP = /\\?\[(\d{1,3}(?::\d{1,2}){1,3}(?:\.\d{1,3})?)\\?\]/g;
/** http(s) link targets in raw HTML. */
const HTML_HREF = /href\s*=\s*"(https?:\/\/[^"]+)"/g;

/** Every http(s) link target markdown-it itself sees, and every href of raw HTML. */
function linksAsWritten(markdown: string): string[] {
  const urls: string[] = [];
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === 'link_open') {
        const href = token.attrGet('href') ?? '';
        if (/^https?:\/\//i.test(href)) urls.push(href);
      }
      if (token.type === 'html_inline' || token.type === 'html_block') {
        for (const match of token.content.matchAll(HTML_HREF)) urls.push(decodeHTML(match[1] as string));
      }
      if (token.children) walk(token.children);
    }
  };
  walk(reference.parse(markdown, {}));
  return urls;
}

type Token = ReturnType<MarkdownIt['parse']>[number];
const KINDS = new Set(['episode', 'video', 'repository', 'post', 'profile', 'package', 'paper', 'book', 'article', 'website']);
const reference = new MarkdownIt('commonmark');

describe(needs(hasCorpus, 'the whole archive'), () => {
  if (!hasCorpus) it.skip('needs ../shared/corpus', () => {});
  const transcripts = corpusFiles('transcripts');
  const notes = corpusFiles('show-notes');

  it.runIf(hasCorpus)('parses all 2,084 transcripts: timestamps found, starts never decreasing', () => {
    expect(transcripts.length).toBe(2084);
    let items = 0;
    let timestamps = 0;
    let bytes = 0;
    const speakers = new Set<string>();
    const problems: string[] = [];
    const started = performance.now();
    for (const file of transcripts) {
      const name = relative(`${CORPUS_DIR}/transcripts`, file);
      const ref = episodeFromArchivePath(name);
      if (!ref) {
        problems.push(`${name}: file name maps to no episode URL`);
        continue;
      }
      const markdown = readFileSync(file, 'utf8');
      bytes += Buffer.byteLength(markdown);
      const episode = buildEpisode({ ...ref, items: parseTranscriptMarkdown(markdown) });
      items += episode.items.length;
      for (const speaker of episode.speakers) speakers.add(speaker.name);
      let found = 0;
      for (const item of episode.items) for (const p of item.paragraphs) for (const run of p) if (run.kind === 'timestamp') found++;
      const written = markdown.match(RAW_TIMESTAMP)?.length ?? 0;
      if (found !== written) problems.push(`${name}: ${written} timestamps written, ${found} found`);
      timestamps += found;
      for (let i = 1; i < episode.items.length; i++) {
        const before = episode.items[i - 1]?.estimatedStart ?? 0;
        if ((episode.items[i]?.estimatedStart ?? 0) < before) {
          problems.push(`${name}: estimated start decreases at item ${i}`);
          break;
        }
      }
      episode.items.forEach((item, i) => {
        if (item.index !== i) problems.push(`${name}: item ${i} has index ${item.index}`);
      });
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `archive: ${transcripts.length} transcripts, ${items} items, ${speakers.size} speakers, ${timestamps} timestamps, ` +
        `${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`,
    );
    expect(problems).toEqual([]);
  });

  it.runIf(hasCorpus)('parses every show-notes file, finds every http(s) link and gives each a kind', () => {
    expect(notes.length).toBeGreaterThan(2000);
    let links = 0;
    const kinds: Record<string, number> = {};
    const problems: string[] = [];
    for (const file of notes) {
      const name = relative(`${CORPUS_DIR}/show-notes`, file);
      const markdown = readFileSync(file, 'utf8');
      const sections = parseShowNotesMarkdown(markdown);
      for (const link of sections.flatMap((section) => section.links)) {
        kinds[link.kind] = (kinds[link.kind] ?? 0) + 1;
        if (!KINDS.has(link.kind) || link.domain === '' || link.text.trim() === '')
          problems.push(`${name}: ${link.url} has kind ${link.kind}, domain "${link.domain}"`);
        if (/^https?:\/\/(www\.)?changelog\.com\/(podcast|gotime|jsparty|shipit|friends)\/\d+$/.test(link.url) && !link.label)
          problems.push(`${name}: ${link.url} has no episode label`);
      }
      const found = new Set(sections.flatMap((section) => section.links.map((link) => link.url)));
      links += found.size;
      for (const url of linksAsWritten(markdown)) if (!found.has(url)) problems.push(`${name}: ${url} not found`);
    }
    console.log(`show notes: ${notes.length} files, ${links} distinct links per file summed, by kind: ${JSON.stringify(kinds)}`);
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
