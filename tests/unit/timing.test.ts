import { describe, expect, it } from 'vitest';
import { DEFAULT_WORDS_PER_SECOND, estimateStarts, formatClock, parseClock, parseTimeFragment } from '@/lib/timing';

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

describe('estimated starts', () => {
  it('interpolates by words between timestamps, from 0', () => {
    const starts = estimateStarts([
      { words: 10, anchors: [] },
      { words: 10, anchors: [] },
      { words: 10, anchors: [{ seconds: 100, wordsBefore: 0 }] },
      { words: 10, anchors: [] },
    ]);
    expect(starts.slice(0, 3)).toEqual([0, 50, 100]);
    expect(starts[3]).toBeGreaterThan(100);
  });

  it('ends at the duration when known', () => {
    const starts = estimateStarts(
      [
        { words: 10, anchors: [] },
        { words: 10, anchors: [] },
      ],
      40,
    );
    expect(starts).toEqual([0, 20]);
  });

  it('places a mid-item timestamp at its word', () => {
    const starts = estimateStarts([
      { words: 20, anchors: [{ seconds: 60, wordsBefore: 10 }] },
      { words: 10, anchors: [] },
    ]);
    // 10 words took 60 s, so the next item (10 words after the anchor) starts at 120 s.
    expect(starts).toEqual([0, 120]);
  });

  it('ignores timestamps that go backwards', () => {
    const starts = estimateStarts([
      { words: 10, anchors: [{ seconds: 300, wordsBefore: 0 }] },
      { words: 10, anchors: [{ seconds: 200, wordsBefore: 0 }] },
      { words: 10, anchors: [{ seconds: 400, wordsBefore: 0 }] },
    ]);
    expect(starts).toEqual([300, 350, 400]);
  });

  it('uses a default speech rate without enough timestamps', () => {
    const starts = estimateStarts([
      { words: 26, anchors: [] },
      { words: 1, anchors: [] },
    ]);
    expect(starts[1]).toBeCloseTo(26 / DEFAULT_WORDS_PER_SECOND, 1);
  });
});
