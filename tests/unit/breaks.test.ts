/**
 * Ad breaks, one rule for every source of items (lib/model/breaks.ts): a `Break` item, or a
 * paragraph inside a turn that opens with a bold `Break` and a colon (`**Break**: [18:45]`, the
 * colon outside the bold, which the site leaves in the turn before). The archive's Markdown and
 * the page the site renders from it read the same breaks; over the whole archive (read at run
 * time from ../shared) every break as written is found, and the page reader agrees item by item.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { breakMarkerRuns } from '@/lib/model/breaks';
import { buildEpisode, measureItem } from '@/lib/model/build-episode';
import { deriveChapters } from '@/lib/model/chapters';
import type { ParsedItem } from '@/lib/model/episode';
import { TIMING_MODEL } from '@/lib/model/timing';
import { parseEpisodePage } from '@/lib/site/page';
import { parseTranscriptMarkdown } from '@/pipeline/markdown/transcripts';
import { CORPUS_DIR, corpusFiles, hasCorpus, needs } from '../support/shared';
import { renderSitePage, siteTranscriptParts } from '../support/site-page';

/** Breaks as written in Markdown, told apart by eye: `**Break:**`, `**Break**:`, `**Break** :`, `**Break: [43:56]**`. */
const WRITTEN_BREAK = /\*\*\s*Break\s*(?::\*\*|\*\*\s*:|:[^*\n]*\*\*)/gi;

/** What a source says of an item's breaks: its kind and which of its paragraphs mark one. */
const breaksOf = (items: readonly ParsedItem[]) => items.map((item) => [item.index, item.kind, item.breaks ?? []]);

/** The items of the page the site renders for `markdown`, as the page reader reads them. */
function pageItems(markdown: string): ParsedItem[] {
  const html = renderSitePage({ podcast: 'shipit', slug: '1', showName: 'Ship It!', title: 'T', transcriptMarkdown: markdown });
  return parseEpisodePage(parseHTML(html).document as unknown as Document, { podcast: 'shipit', slug: '1' }).parts.items;
}

const FORMS = [
  '**Ada:** Time for a break.',
  '',
  '**Break**: \\[18:45\\]',
  '',
  '**Bob:** \\[20:00\\] We are back. Ada?',
  '',
  '**Break** : \\[30:00\\]',
  '',
  '**Ada:** Once more.',
  '',
  '**Break: \\[40:00\\]**',
  '',
  '**Break:** \\[50:00\\]',
  '',
  '**Bob:** **Break**the build, **Break** it. Breakfast? **Breakmaster Cylinder**: made the music.',
].join('\n');

describe('ad breaks, one rule', () => {
  it('reads every form of break, in the Markdown and in the page, alike', () => {
    const items = parseTranscriptMarkdown(FORMS);
    expect(breaksOf(items)).toEqual([
      [0, 'speech', [1]],
      [1, 'speech', [1]],
      [2, 'speech', [1]],
      [3, 'break', []],
      [4, 'speech', []],
    ]);
    expect(breaksOf(pageItems(FORMS))).toEqual(breaksOf(items));
    expect(items[2]?.paragraphs[1]?.map((run) => breakMarkerRuns([run]))).toEqual([1, 0]);
  });

  it('does not count a break marker as said, and times the words after it after the ad', () => {
    const [item] = parseTranscriptMarkdown('**Ada:** Time for a break.\n\n**Break**: \\[18:45\\] And we are back.');
    const measured = measureItem(item as ParsedItem);
    expect(measured.words).toBe(8);
    expect(measured.breaks).toEqual(['Timeforabreak'.length]);
    expect(measured.anchors).toEqual([{ seconds: 1125, words: 4, letters: 'Timeforabreak'.length }]);
    // The ad starts at the break's timestamp; the next turn starts after it, not a few words after [18:45].
    const items = parseTranscriptMarkdown('**Ada:** Time for a break.\n\n**Break**: \\[18:45\\] And we are back.\n\n**Bob:** Hi.');
    const next = buildEpisode({ podcast: 'shipit', slug: '1', items }).items[1]?.estimatedStart as number;
    expect(next - 1125).toBeGreaterThan(TIMING_MODEL.adBreak * 0.9);
  });

  it('splits derived chapters at a break inside a turn as at a Break item', () => {
    const episode = buildEpisode({ podcast: 'shipit', slug: '1', items: parseTranscriptMarkdown(FORMS) });
    expect(deriveChapters(episode.items, []).map((chapter) => chapter.firstItem)).toEqual([0, 1, 2, 4]);
  });
});

describe(needs(hasCorpus, 'ad breaks over the whole archive'), () => {
  if (!hasCorpus) it.skip('needs ../shared/corpus', () => {});

  it.runIf(hasCorpus)('finds every break as written, and the page reader finds the same ones', { timeout: 180_000 }, () => {
    let written = 0;
    let items = 0;
    let inTurn = 0;
    let pages = 0;
    const problems: string[] = [];
    for (const file of corpusFiles('transcripts')) {
      const name = relative(`${CORPUS_DIR}/transcripts`, file);
      const markdown = readFileSync(file, 'utf8');
      const parsed = parseTranscriptMarkdown(markdown);
      const here = markdown.match(WRITTEN_BREAK)?.length ?? 0;
      const asItems = parsed.filter((item) => item.kind === 'break').length;
      const insideTurns = parsed.reduce((sum, item) => sum + (item.breaks?.length ?? 0), 0);
      if (asItems + insideTurns !== here) problems.push(`${name}: ${here} breaks written, ${asItems} + ${insideTurns} found`);
      written += here;
      items += asItems;
      inTurn += insideTurns;
      if (insideTurns === 0) continue;
      // The page of the turns that hold a break, as the site renders them (a whole page each is slow to read).
      const turns = siteTranscriptParts(markdown).filter((_, index) => parsed[index]?.breaks);
      const fromPage = pageItems(turns.map((turn) => `**${turn.title}:** ${turn.body}`).join('\n\n')).map((item) => item.breaks ?? []);
      const fromMarkdown = parsed.filter((item) => item.breaks).map((item) => item.breaks);
      if (JSON.stringify(fromPage) !== JSON.stringify(fromMarkdown)) problems.push(`${name}: the page reads other breaks`);
      pages++;
    }
    console.log(
      `breaks: ${written} written, ${items} as items, ${inTurn} inside turns; the turns holding them read alike in ${pages} pages`,
    );
    expect(inTurn).toBeGreaterThan(790);
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
