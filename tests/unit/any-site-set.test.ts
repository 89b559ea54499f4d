/**
 * The any-site reader over the whole fixture set (tests/fixtures/any-site/, see its README): every
 * page's turns against its truth, its title, show, chapters and media; and the seed page the issue
 * names (../shared/seeds/004_…, Kube Cuddle), laid out as paragraphs at run time, never copied.
 * Pages are parsed with linkedom, which loads nothing a page links (happy-dom tries its stylesheets
 * and frames); the forms' tests run in happy-dom, so the reader is held to both.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readTranscriptPage } from '@/lib/any-site/read-page';
import { buildEpisode } from '@/lib/model/build-episode';
import { spokenText } from '@/lib/model/episode';
import { anySiteFixtures, differences } from '../support/any-site';
import { needs, SHARED_DIR } from '../support/shared';

const fixtures = anySiteFixtures();

function read(html: string, url: string) {
  return readTranscriptPage(parseHTML(html).document as unknown as Document, url);
}

describe('the any-site fixture set', () => {
  it('has at least 15 transcript pages and 8 without one', () => {
    expect(fixtures.filter((f) => f.truth.hasTranscript).length).toBeGreaterThanOrEqual(15);
    expect(fixtures.filter((f) => !f.truth.hasTranscript).length).toBeGreaterThanOrEqual(8);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s yields what its truth says', (_name, fixture) => {
    const page = read(fixture.html, fixture.truth.url);
    expect(differences(page?.parts.items ?? null, fixture.truth)).toEqual([]);
    if (!page) return;
    if (fixture.truth.title) expect(page.facts.title).toBe(fixture.truth.title);
    if (fixture.truth.show) expect(page.facts.show).toBe(fixture.truth.show);
    expect((page.parts.chapters ?? []).map((c) => [c.title, c.start])).toEqual(fixture.truth.chapters ?? []);
    expect(page.media?.id ?? null).toBe(fixture.truth.media ?? null);
    expect(page.elements).toHaveLength(page.parts.items.length);
    // What the panel's model makes of it.
    const episode = buildEpisode(page.parts);
    expect(episode.items).toHaveLength(fixture.truth.count);
    expect(episode.transcriptStatus).toBe('available');
  });

  it('matches ≥ 95% of pages exactly and finds nothing on any page without a transcript', () => {
    let exact = 0;
    let falsePositives = 0;
    for (const fixture of fixtures) {
      const page = read(fixture.html, fixture.truth.url);
      if (differences(page?.parts.items ?? null, fixture.truth).length === 0) exact++;
      if (!fixture.truth.hasTranscript && page) falsePositives++;
    }
    expect(exact / fixtures.length).toBeGreaterThanOrEqual(0.95);
    expect(falsePositives).toBe(0);
  });

  it('gives each turn an element in page order, inside the transcript block', () => {
    for (const fixture of fixtures.filter((f) => f.truth.hasTranscript)) {
      const doc = parseHTML(fixture.html).document as unknown as Document;
      const page = readTranscriptPage(doc, fixture.truth.url);
      if (!page) throw new Error(`${fixture.name}: nothing found`);
      // Page order by position in a full element list (linkedom's compareDocumentPosition is unreliable).
      const order = new Map([...doc.querySelectorAll('*')].map((element, i) => [element, i]));
      page.elements.forEach((element, i) => {
        expect(page.block.contains(element), `${fixture.name} turn ${i}`).toBe(true);
        const next = page.elements[i + 1];
        if (next) expect(order.get(next) as number, `${fixture.name} turn ${i + 1}`).toBeGreaterThanOrEqual(order.get(element) as number);
      });
    }
  });
});

const SEED = join(SHARED_DIR, 'seeds/004_8bfc45394959275a.txt');
const hasSeed = existsSync(SEED);

describe(needs(hasSeed, 'the Kube Cuddle seed page, laid out as paragraphs'), () => {
  if (!hasSeed) {
    it.skip('needs ../shared/seeds', () => {});
    return;
  }
  it('reads every Name: turn of the seed, in order, with its continuation paragraphs', () => {
    const text = readFileSync(SEED, 'utf8');
    const blocks = text.split(/\n\s*\n/).map((block) => block.trim());
    const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const html = `<html><head><title>Kube Cuddle</title></head><body><nav><a href="/">Episodes</a></nav><main><div class="episode">${blocks
      .map((block) => `<p>${escapeHtml(block)}</p>`)
      .join('')}</div></main></body></html>`;
    // The seed's own turns, counted from its text: lines that open with `Name: `.
    const expected = blocks.flatMap((block) => {
      const match = /^([A-Z][a-z]+): (.*)/s.exec(block);
      return match ? [{ speaker: match[1], words: (match[2] as string).trim().split(/\s+/).slice(0, 5).join(' ') }] : [];
    });
    const page = read(html, 'https://kubecuddle.transistor.fm/episodes/liz-rice');
    expect(page?.form).toBe('named');
    // The first words of each turn's first paragraph (a turn of one word goes on in the next).
    const found = (page?.parts.items ?? []).map((item) => ({
      speaker: item.speaker,
      words: spokenText(item.paragraphs[0] ?? [])
        .trim()
        .split(/\s+/)
        .slice(0, 5)
        .join(' '),
    }));
    expect(found).toEqual(expected);
    expect(new Set(found.map((turn) => turn.speaker))).toEqual(new Set(['Rich', 'Liz']));
  });
});
