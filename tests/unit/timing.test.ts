import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chapterStarts, timingInput } from '@/lib/model/build-episode';
import { formatClock, parseClock, parseTimeFragment } from '@/lib/model/clock';
import type { ParsedItem } from '@/lib/model/episode';
import { estimateStarts, TIMING_MODEL, type TimedItem, Timeline } from '@/lib/model/timing';
import { parseChaptersJson } from '@/lib/site/chapters';
import { parseTranscriptMarkdown } from '@/pipeline/markdown/transcripts';
import { CORPUS_DIR, hasCorpus, hasSharedPages, needs, SHARED_PAGES_DIR } from '../support/shared';

describe('clock strings', () => {
  it.each([
    ['04:15', 255],
    ['4:15', 255],
    ['01:00:04.16', 3604.16],
    ['1:00:04', 3604],
    ['100:08', 6008],
    ['00:31:2.01', 1862.01],
    ['00:44:03:20', 2643.2],
    ['22:32', 1352],
  ])('%s is %d seconds', (clock, seconds) => {
    expect(parseClock(clock)).toBe(seconds);
  });

  it.each(['', '12', 'ab:cd', '1:2:3:4:5', '6:30AM'])('%s is not a clock', (clock) => {
    expect(parseClock(clock)).toBeNull();
  });

  it('formats like the site player', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(255.9)).toBe('4:15');
    expect(formatClock(3604.16)).toBe('1:00:04');
    expect(formatClock(Number.NaN)).toBe('0:00');
  });

  it('reads #t= values in seconds or as clocks', () => {
    expect(parseTimeFragment('591')).toBe(591);
    expect(parseTimeFragment('04:15')).toBe(255);
    expect(parseTimeFragment('x')).toBeNull();
  });
});

/** A turn `length` letters long by `speaker`, with timestamps at given offsets (in letters). */
const turn = (length: number, speaker: string | null = 'Ada Host', anchors: [number, number][] = []): TimedItem => ({
  length,
  speaker,
  anchors: anchors.map(([before, seconds]) => ({ before, seconds })),
});
const adBreak = (seconds?: number): TimedItem => ({
  length: 0,
  speaker: null,
  isBreak: true,
  anchors: seconds === undefined ? [] : [{ before: 0, seconds }],
});

describe('estimated starts', () => {
  it('keeps every consistent timestamp exactly and never decreases', () => {
    const starts = estimateStarts([turn(100), turn(100), turn(100, 'Bob Guest', [[0, 100]]), turn(100), turn(100, 'Ada Host', [[0, 210]])]);
    expect(starts[2]).toBe(100);
    expect(starts[4]).toBe(210);
    for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThanOrEqual(starts[i - 1] as number);
  });

  it('puts the unspoken intro before the first words, within the first timestamp', () => {
    const starts = estimateStarts([turn(200), turn(200), turn(200, 'Ada Host', [[0, 240]])]);
    // 400 words in 240 s: talk at the episode's rate leaves the rest to the intro before word one.
    expect(starts[0]).toBeGreaterThan(0);
    expect(starts[1] as number).toBeGreaterThan(120);
    expect(starts[1] as number).toBeLessThan(240);
  });

  it('starts talk again after an ad break, not spread over the words after it', () => {
    // 12.5 letters (2.5 words) a second before the break; the break's timestamp is where the ad starts.
    const items = [
      turn(1250, 'Ada Host', [[0, 10]]),
      turn(1250, 'Bob Guest', [[0, 110]]),
      adBreak(210),
      turn(1250, 'Ada Host'),
      turn(1250, 'Bob Guest', [[0, 410]]),
    ];
    const starts = estimateStarts(items);
    expect(starts[2]).toBe(210);
    // Word interpolation would put the turn after the break at 310 s; the talk resumes after the ad.
    expect(starts[3] as number).toBeGreaterThan(300);
    expect(starts[3] as number).toBeCloseTo(310, -1);
    const withoutBreak = estimateStarts([items[0], items[1], turn(0, null), items[3], items[4]] as TimedItem[]);
    expect(withoutBreak[3] as number).toBeLessThan(starts[3] as number);
  });

  it('gives a break without a timestamp the length of an ad, past the last timestamp', () => {
    const starts = estimateStarts([turn(260, 'Ada Host', [[0, 0]]), turn(260, 'Ada Host', [[0, 100]]), adBreak(), turn(260)]);
    expect((starts[3] as number) - (starts[2] as number)).toBeCloseTo(TIMING_MODEL.adBreak + TIMING_MODEL.turnPause, 0);
  });

  it('times each speaker at their own measured rate', () => {
    // Ada says 2,000 letters (400 words) in 80 s, Bob as many in 240 s, turn after turn; then an untimed stretch.
    const items: TimedItem[] = [];
    let seconds = 0;
    for (let k = 0; k < 20; k++) {
      items.push(turn(2000, 'Ada', [[0, seconds]]));
      seconds += 80;
      items.push(turn(2000, 'Bob', [[0, seconds]]));
      seconds += 240;
    }
    items.push(turn(2000, 'Ada', [[0, seconds]]), turn(2000, 'Bob'), turn(2000, 'Ada'), turn(2000, 'Bob', [[0, seconds + 400]]));
    const starts = estimateStarts(items);
    const at = items.length - 3;
    // Word interpolation: 133 s and 267 s in. At the speakers' own rates: 80 s and 320 s.
    expect(Math.abs((starts[at] as number) - seconds - 80)).toBeLessThan(15);
    expect(Math.abs((starts[at + 1] as number) - seconds - 320)).toBeLessThan(15);
  });

  it('ends at the duration when known', () => {
    const starts = estimateStarts([turn(10, 'Ada Host', [[0, 0]]), turn(10)], { duration: 40 });
    expect(starts[0]).toBe(0);
    expect(starts[1] as number).toBeGreaterThan(15);
    expect(starts[1] as number).toBeLessThan(40);
    expect(new Timeline([turn(10, 'Ada Host', [[0, 0]]), turn(10)], { duration: 40 }).at(1, 10)).toBeCloseTo(40, 5);
  });

  it('stretches speech, not ads, to the duration when there is no timestamp', () => {
    // 120 letters, a break, 120 letters: 15 s intro + 10 s + 60 s ad + 10 s at 12 letters a second, ~95 s.
    const items = [turn(120), adBreak(), turn(120)];
    const timeline = new Timeline(items, { duration: 135 });
    expect(timeline.at(0)).toBeCloseTo(TIMING_MODEL.intro, 5);
    // The ad keeps its expected length; the 40 s the speech runs over is the speech's.
    expect(timeline.at(2) - timeline.at(1)).toBeGreaterThan(TIMING_MODEL.adBreak);
    expect(timeline.at(2) - timeline.at(1)).toBeLessThan(TIMING_MODEL.adBreak + 1);
    expect(timeline.at(2, 120)).toBeCloseTo(135, 5);
  });

  it('places a mid-item timestamp at its word', () => {
    const timeline = new Timeline([
      turn(2000, 'Ada Host', [
        [0, 0],
        [1000, 80],
      ]),
      turn(50),
    ]);
    expect(timeline.at(0, 1000)).toBe(80);
    expect(timeline.at(0, 500)).toBeCloseTo(40, 0);
    expect(timeline.at(1)).toBeCloseTo(160, -1);
  });

  it('drops a timestamp that goes backwards, and only that one', () => {
    const starts = estimateStarts([
      turn(100, 'Ada Host', [[0, 0]]),
      turn(100, 'Ada Host', [[0, 40]]),
      turn(100, 'Ada Host', [[0, 3600]]), // a typo: 1:00:00 for 1:20
      turn(100, 'Ada Host', [[0, 120]]),
      turn(100, 'Ada Host', [[0, 160]]),
    ]);
    expect([starts[0], starts[1], starts[3], starts[4]]).toEqual([0, 40, 120, 160]);
    expect(starts[2] as number).toBeCloseTo(80, -1);
  });

  it('times an episode with no timestamp at all at the default rate, after an intro', () => {
    const starts = estimateStarts([turn(260), turn(260), adBreak(), turn(26)]);
    expect(starts[0]).toBeCloseTo(TIMING_MODEL.intro, 0);
    expect((starts[1] as number) - (starts[0] as number)).toBeCloseTo(260 / TIMING_MODEL.lettersPerSecond + TIMING_MODEL.turnPause, 0);
    expect((starts[3] as number) - (starts[2] as number)).toBeGreaterThanOrEqual(TIMING_MODEL.adBreak);
  });

  it('treats items without timestamps, empty items and an empty episode calmly', () => {
    expect(estimateStarts([])).toEqual([]);
    const starts = estimateStarts([turn(0, null), turn(0), turn(5), turn(0, null)]);
    expect(starts).toHaveLength(4);
    for (const start of starts) expect(Number.isFinite(start)).toBe(true);
  });

  it('takes known item starts (the site chapters) as anchors', () => {
    const items = [turn(260), turn(260), turn(260), turn(260), turn(260, 'Ada Host', [[0, 700]])];
    const plain = estimateStarts(items);
    const hinted = estimateStarts(items, { itemStarts: [{ item: 2, seconds: 400 }] });
    expect(hinted[2]).toBe(400);
    expect(plain[2]).not.toBe(400);
  });
});

describe('chapters as anchors', () => {
  const item = (index: number, text: string): ParsedItem => ({
    index,
    label: 'Ada Host',
    speaker: 'Ada Host',
    kind: 'speech',
    paragraphs: [[{ kind: 'text', text }]],
  });
  const items = [
    item(0, 'Welcome back to the show.'),
    item(1, 'Yeah. Well, the beans are plural, you see.'),
    item(2, 'Yeah. Well, the beans are plural again.'),
  ];

  it('finds the item a chapter title quotes, in order, and ignores titles that quote nothing', () => {
    const chapter = (number: number, title: string, start: number) => ({ number, title, start, source: 'site' as const });
    expect(
      chapterStarts(
        [
          chapter(1, 'Intro', 0),
          chapter(2, 'Yeah. Well, the beans are plural…', 591),
          chapter(3, 'Yeah. Well, the beans are plural…', 900),
          chapter(4, 'Sponsor: Fly', 950),
        ],
        items,
      ),
    ).toEqual([
      { item: 1, seconds: 591 },
      { item: 2, seconds: 900 },
    ]);
  });

  it('feeds the estimator words, speaker and breaks', () => {
    expect(timingInput(items[1] as ParsedItem)).toMatchObject({ length: 31, speaker: 'Ada Host', isBreak: false, anchors: [] });
  });
});

describe(needs(hasSharedPages && hasCorpus, 'the site chapters of Changelog & Friends #47 as anchors'), () => {
  it.skipIf(!(hasSharedPages && hasCorpus))('land seeks nearer the words when the transcript gives no timestamps', () => {
    const parsed = parseTranscriptMarkdown(readFileSync(join(CORPUS_DIR, 'transcripts/friends/changelog--friends-47.md'), 'utf8'));
    const chapters = parseChaptersJson(JSON.parse(readFileSync(join(SHARED_PAGES_DIR, 'friends-47.chapters.json'), 'utf8')));
    const truth = parsed.flatMap((item, i) =>
      timingInput(item)
        .anchors.filter((anchor) => anchor.before === 0)
        .map((anchor) => [i, anchor.seconds] as const),
    );
    // The transcript without its timestamps: only the chapters (and nothing else) say when.
    const bare = parsed.map((item) => ({ ...timingInput(item), anchors: [] }));
    const hints = chapterStarts(chapters, parsed);
    expect(hints.length).toBeGreaterThanOrEqual(5);
    const median = (starts: number[]) => {
      const errors = truth.map(([i, seconds]) => Math.abs((starts[i] as number) - seconds)).sort((a, b) => a - b);
      return errors[errors.length >> 1] as number;
    };
    const withChapters = estimateStarts(bare, { itemStarts: hints });
    const without = estimateStarts(bare);
    for (const hint of hints) expect(withChapters[hint.item]).toBe(hint.seconds);
    expect(median(withChapters)).toBeLessThan(median(without) / 2);
  });
});
