/**
 * Security rules that hold for the whole codebase: the lint rule against HTML sinks works (and
 * so the clean `npm run check` means there are none), nothing listens to the page's postMessage,
 * and permissions stay minimal.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorruptRecordError } from '@/lib/archive/package-file';
import { chunkPlace, decodeChunk, decodeHead, encodeRecord } from '@/lib/archive/record';
import { notesMarkdown } from '@/lib/model/notes-export';
import { seekUrl } from '@/lib/site/player';
import { quoteMarkdown } from '@/lib/site/quote';
import { SITE_MATCH } from '@/lib/site/urls';
import { parseTranscriptMarkdown } from '@/pipeline/markdown/transcripts';
import { PROJECT_ROOT } from '../support/shared';

function sources(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...sources(path));
    else if (/\.(ts|tsx)$/.test(name)) files.push(path);
  }
  return files;
}

const shipped = ['lib', 'components', 'entrypoints', 'modules'].flatMap((dir) => sources(join(PROJECT_ROOT, dir)));

describe('security', () => {
  it('the lint rule flags every HTML sink', () => {
    const probe = join(PROJECT_ROOT, 'tests/unit/lint-probe.ts');
    writeFileSync(
      probe,
      [
        'const el = document.body;',
        'el.innerHTML = location.hash;',
        'el.outerHTML = location.hash;',
        "el.insertAdjacentHTML('beforeend', location.hash);",
        'document.write(location.hash);',
        'el.textContent = location.hash;',
        '',
      ].join('\n'),
    );
    try {
      const result = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/biome'), ['lint', relative(PROJECT_ROOT, probe)], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
      });
      const output = `${result.stdout}${result.stderr}`;
      expect(result.status).not.toBe(0);
      expect(output.match(/HTML sink/g)?.length).toBe(4);
    } finally {
      rmSync(probe, { force: true });
    }
  });

  it('no shipped code listens to window messages or uses dangerouslySetInnerHTML', () => {
    const offenders = shipped.filter((file) =>
      /addEventListener\(\s*['"]message['"]|\bonmessage\s*=|dangerouslySetInnerHTML/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((file) => relative(PROJECT_ROOT, file))).toEqual([]);
  });

  it("never tells the page the extension's ID (WXT's start announcement by postMessage is off)", async () => {
    const { default: contentScript } = await import('@/entrypoints/transcript.content/index');
    expect(contentScript.noScriptStartedPostMessage).toBe(true);
    expect(contentScript.matches).toEqual(['https://changelog.com/*']);
  });

  it('asks for storage and changelog.com only', async () => {
    const config = readFileSync(join(PROJECT_ROOT, 'wxt.config.ts'), 'utf8');
    expect(config).toMatch(/permissions: \['storage'\]/);
    expect(config).toMatch(/host_permissions: \[SITE_MATCH\]/);
    expect(SITE_MATCH).toBe('https://changelog.com/*');
  });
});

describe('copied Markdown', () => {
  const hostile = 'Look [here](javascript:alert(1)) \u202Egnp.exe\u202C\u0007 \\ end';
  const item = {
    index: 3,
    label: 'Eve] [x](https://evil.example)',
    speaker: 'Eve] [x](https://evil.example)',
    kind: 'speech' as const,
    paragraphs: [[{ kind: 'text' as const, text: hostile }]],
    words: 6,
    estimatedStart: 61,
  };

  it('escapes brackets and strips bidi and control characters in quotes', () => {
    const quote = quoteMarkdown({ podcast: 'shipit', slug: '26', number: 26 }, item);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters.
    expect(quote).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0000-\u0008]/u);
    // The only link is the citation's: page text cannot make one.
    expect(quote.match(/(?<!\\)\]\(/g)).toHaveLength(1);
    expect(quote).toContain('\\[here\\](javascript:alert(1))');
    expect(quote).toMatch(
      /— Eve\\\] \\\[x\\\]\(https:\/\/evil\.example\), \[Ship It! #26 at 1:01\]\(https:\/\/changelog\.com\/shipit\/26#t=61\)$/,
    );
  });

  it('does the same in copied show-note links, headings and descriptions', () => {
    const section = {
      heading: 'Links [x](https://evil.example)\u202E',
      links: [{ text: hostile, url: 'https://example.com/a(b) c', domain: 'example.com', kind: 'website' as const, description: hostile }],
    };
    const markdown = notesMarkdown([section]);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters.
    expect(markdown).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0000-\u0008]/u);
    expect(markdown.match(/(?<!\\)\]\(/g)).toHaveLength(1);
    expect(markdown).toContain('(https://example.com/a%28b%29%20c)');
  });
});

describe('seeking', () => {
  it('stays on changelog.com whatever a pushState made of the path', () => {
    // `history.pushState(null, '', '/.//evil.example/x')` leaves the page at this URL; its path
    // read as a URL of its own is protocol-relative, and would leave the site.
    expect(seekUrl('https://changelog.com//evil.example/x?a=1#t=5', 255)).toBe('https://changelog.com//evil.example/x?a=1#t=255');
    expect(new URL(seekUrl('https://changelog.com//evil.example/x', 10) as string).host).toBe('changelog.com');
    expect(seekUrl('https://changelog.com/shipit/26', 0)).toBe('https://changelog.com/shipit/26#t=0.01');
    expect(seekUrl('https://evil.example/shipit/26', 10)).toBeNull();
    // Origins that start like the site's, or carry it as a user name, are not the site.
    expect(seekUrl('https://changelog.com.evil.example/shipit/26', 10)).toBeNull();
    expect(seekUrl('https://changelog.com@evil.example/shipit/26', 10)).toBeNull();
    expect(seekUrl('http://changelog.com/shipit/26', 10)).toBeNull();
    expect(seekUrl('not a url', 10)).toBeNull();
  });
});

describe('bundle records', () => {
  // A record is the package's own data, but a link in it is still only ever http(s).
  const parts = {
    podcast: 'shipit',
    slug: '1',
    items: parseTranscriptMarkdown('**Ada:** see [the docs](https://ok.example/docs) now'),
    notes: [{ heading: null, links: [{ text: 'site', url: 'https://ok.example/site', domain: 'ok.example', kind: 'website' as const }] }],
  };
  const forged = (from: string) => JSON.parse(JSON.stringify(encodeRecord(parts)).replace(from, 'javascript:alert(1)'));

  it('decode as written when every link is http(s)', () => {
    const { head, chunks } = encodeRecord(parts);
    const decodedHead = decodeHead(JSON.parse(JSON.stringify(head)));
    expect(decodedHead.notes[0]?.links[0]?.url).toBe('https://ok.example/site');
    const items = decodeChunk(JSON.parse(JSON.stringify(chunks[0])), chunkPlace(decodedHead.chunks, decodedHead.items, 0));
    expect(JSON.stringify(items)).toContain('https://ok.example/docs');
  });

  it('are refused when a link in a turn or in the notes is a script URL', () => {
    const inTurn = forged('https://ok.example/docs');
    const head = decodeHead(inTurn.head);
    expect(() => decodeChunk(inTurn.chunks[0], chunkPlace(head.chunks, head.items, 0))).toThrow(CorruptRecordError);
    expect(() => decodeHead(forged('https://ok.example/site').head)).toThrow(CorruptRecordError);
  });
});
