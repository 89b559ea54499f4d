/**
 * Hostile pages of each form through the any-site reader: scripts, event handlers, markup where
 * names belong, script URLs, huge attributes, deep nesting, 100,000 elements. What comes out is
 * text (and http(s) links), nothing throws, and the work is bounded: the walk stops at its limits.
 * Big pages are parsed with linkedom (happy-dom keeps every node alive and is slow at this size).
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { LINE_LIMITS, readLines } from '@/lib/any-site/lines';
import { readTranscriptPage } from '@/lib/any-site/read-page';
import { buildEpisode } from '@/lib/model/build-episode';
import type { Inline } from '@/lib/model/episode';
import { MARKUP, SCRIPT_URLS } from '../support/hostile';

const URL_ = 'https://evil.example/ep/1';

function parse(body: string, head = ''): Document {
  return parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document as unknown as Document;
}

const escaped = MARKUP.replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A turn's words with every kind of payload a page could carry. */
function payload(i: number): string {
  const url = SCRIPT_URLS[i % SCRIPT_URLS.length] as string;
  return `Words ${i} ${escaped} <a href="${url.replace(/"/g, '&quot;')}" onclick="window.__pwnedClick=1">a script link</a>
    <a href="https://example.com/ok">a fine link</a><script>window.__pwnedScript=1</script><img src=x onerror="window.__pwnedImg=1">
    <span onmouseover="window.__pwnedHover=1" class="${'x'.repeat(100_000)}">more words</span>`;
}

/** Each form's turn, carrying the payload. */
const FORMS: Record<string, (who: string, i: number) => string> = {
  'Name: text': (who, i) => `<p>${who}: ${payload(i)}</p>`,
  '<strong>Name</strong>': (who, i) => `<p><strong onclick="window.__pwned=1">${who}</strong> ${payload(i)}</p>`,
  'name alone on a line': (who, i) => `<div class="who">${who}</div><p>${payload(i)}</p>`,
  '[HH:MM:SS] Name:': (who, i) => `<p>[00:0${i}:00] ${who}: ${payload(i)}</p>`,
  'Starting point is': (_who, i) => `<div>Starting point is 00:0${i}:00</div><p>${payload(i)}</p>`,
  'M:SS alone': (_who, i) => `<p>0:0${i}</p><p>${payload(i)}</p>`,
};

function allRuns(items: { paragraphs: Inline[][] }[]): Inline[] {
  return items.flatMap((item) => item.paragraphs.flat());
}

function expectTextOnly(runs: Inline[]): void {
  for (const run of runs) {
    expect(['text', 'emphasis', 'strong', 'code', 'link', 'timestamp']).toContain(run.kind);
    if (run.kind === 'link') expect(run.url).toMatch(/^https?:\/\//);
    if (run.kind !== 'timestamp') expect(run.text).not.toMatch(/__pwnedScript|__pwnedImg/);
  }
}

describe('hostile pages of each form', () => {
  it.each(Object.entries(FORMS))('%s: text and http(s) links only', (_form, turn) => {
    const hugeId = 'i'.repeat(1_000_000);
    const body = `<main id="${hugeId}" class="${'transcript '.repeat(10_000)}">${Array.from({ length: 8 }, (_, i) => turn(i % 2 ? 'Ben' : 'Ana', i)).join('')}</main>`;
    const doc = parse(body, `<title>${escaped}</title><meta property="og:title" content="${MARKUP.replace(/"/g, '&quot;')}">`);
    const page = readTranscriptPage(doc, URL_);
    expect(page).not.toBeNull();
    const runs = allRuns(page?.parts.items ?? []);
    expectTextOnly(runs);
    expect(runs.some((run) => run.kind === 'link' && run.url === 'https://example.com/ok')).toBe(true);
    // Markup shown as text stays text, never an element.
    expect(runs.map((run) => run.text).join(' ')).toContain('<img src=x onerror=');
    expect(page?.facts.title?.length ?? 0).toBeLessThanOrEqual(300);
    for (let i = 0; i < (page?.parts.items.length ?? 0); i++) expect(page?.linkTo(i) ?? '').toMatch(/^https:\/\/evil\.example\/ep\/1#/);
    expect(() => buildEpisode(page?.parts ?? { podcast: '', slug: '', items: [] })).not.toThrow();
  });

  it('ignores transcript-like text in scripts, styles, templates and noscript', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `${i % 2 ? 'Ben' : 'Ana'}: line ${i}`).join('\n');
    const doc = parse(
      `<script>/*\n${lines}\n*/</script><style>/*\n${lines}\n*/</style><template><p>${lines}</p></template><noscript><p>${lines}</p></noscript>`,
    );
    expect(readTranscriptPage(doc, URL_)).toBeNull();
  });
});

describe('bounded work', () => {
  it('reads 100,000 turns of 100,000 elements without throwing', () => {
    const body = `<div>${Array.from({ length: 100_000 }, (_, i) => `<p>Speaker ${i % 12}: Turn ${i} moves on.</p>`).join('')}</div>`;
    const page = readTranscriptPage(parse(body), URL_);
    expect(page?.parts.items).toHaveLength(100_000);
  });

  it('stops walking at its node limit on a page beyond it, and says so', () => {
    const spans = Math.ceil(LINE_LIMITS.nodes / 2) + 10;
    const doc = parse(`<div>${'<span>x</span>'.repeat(spans)}</div>`);
    const lines = readLines(doc.body, URL_);
    expect(lines.complete).toBe(false);
    expect(readTranscriptPage(doc, URL_)).toBeNull();
  });

  it('walks a page nested 20,000 deep without recursion, and reads nothing below its depth limit', () => {
    const depth = 20_000;
    const turns = Array.from({ length: 8 }, (_, i) => `<p>${i % 2 ? 'Ben' : 'Ana'}: Turn ${i} said deep down.</p>`).join('');
    const deep = parse(`${'<div>'.repeat(depth)}${turns}${'</div>'.repeat(depth)}`);
    expect(() => readTranscriptPage(deep, URL_)).not.toThrow();
    expect(readTranscriptPage(deep, URL_)).toBeNull();
    const shallow = parse(`${'<div>'.repeat(LINE_LIMITS.depth - 10)}${turns}${'</div>'.repeat(LINE_LIMITS.depth - 10)}`);
    expect(readTranscriptPage(shallow, URL_)?.parts.items).toHaveLength(8);
  });

  it('cuts a line at its character limit', () => {
    const doc = parse(`<p>${'word '.repeat(LINE_LIMITS.lineChars)}</p>`);
    const [line] = readLines(doc.body, URL_).lines;
    expect(line?.text.length).toBeLessThanOrEqual(LINE_LIMITS.lineChars);
  });
});
