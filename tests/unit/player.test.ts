/**
 * How a seek and the play head relate (lib/site/player.ts): the site plays from whole seconds, so
 * a start is reached at the second a seek to it plays from, and the turn sought is the turn marked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Chapter, TranscriptItem } from '@/lib/model/episode';
import { chapterPlaying, itemAt, playedFrom, readPlayhead, seekFragment } from '@/lib/site/player';
import { fuzzParams } from '../support/fuzz';

const item = (index: number, estimatedStart: number): TranscriptItem => ({
  index,
  label: 'Ada Host',
  speaker: 'Ada Host',
  kind: 'speech',
  paragraphs: [],
  words: 1,
  estimatedStart,
});

/** What the site's player reads after a deep link: `parseTime`, then `parseInt` (assets/app/modules/audio.js). */
function siteLanding(fragment: string): number {
  const value = fragment.replace(/^#t=/, '');
  const colons = /^(?:(?:(\d+):)?(\d\d?):)?(\d\d?)(\.\d+)?$/.exec(value);
  const parsed = colons
    ? 3600 * (Number(colons[1]) || 0) + 60 * (Number(colons[2]) || 0) + Number(colons[3]) + (Number(colons[4]) || 0)
    : Number(value);
  return Math.trunc(parsed);
}

describe('the site player and the panel agree on seconds', () => {
  it('a seek plays from the whole second at or before the time asked for', () => {
    expect(playedFrom(202.91)).toBe(202);
    expect(playedFrom(202)).toBe(202);
    expect(playedFrom(-3)).toBe(0);
    expect(playedFrom(Number.NaN)).toBe(0);
    expect(seekFragment(202.91, '')).toBe('#t=202');
    expect(seekFragment(202.91, '#t=202')).toBe('#t=3:22');
    expect(seekFragment(0.4, '')).toBe('#t=0.01');
  });

  it('whatever form a seek is written in, the site lands where playedFrom says, and the play head reads it', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 20_000, noNaN: true }), fc.boolean(), (seconds, again) => {
        const first = seekFragment(seconds, '');
        const fragment = again ? seekFragment(seconds, first) : first;
        expect(siteLanding(fragment)).toBe(playedFrom(seconds));
        expect(readPlayhead(`${Math.floor(playedFrom(seconds) / 60)}:${String(playedFrom(seconds) % 60).padStart(2, '0')}`, null)).toBe(
          playedFrom(seconds),
        );
      }),
      fuzzParams,
    );
  });

  it('the item sought is the item marked, at fractional starts, the first item and a one-item list', () => {
    const items = [item(0, 25.06), item(1, 37.55), item(2, 38.2), item(3, 38.69), item(4, 41.15)];
    for (const sought of items) {
      const second = playedFrom(sought.estimatedStart);
      expect(itemAt(items, second, { item: sought.index, second })?.index).toBe(sought.index);
    }
    // Without knowing which was sought, the play head at 38 is in the later of the two starting then.
    expect(itemAt(items, 38)?.index).toBe(3);
    expect(itemAt(items, 24)).toBeUndefined();
    expect(itemAt(items, 25)?.index).toBe(0);
    expect(itemAt([item(0, 32.7)], 32)?.index).toBe(0);
    // Once the play head leaves the second the seek played from, the starts decide again.
    expect(itemAt(items, 41, { item: 2, second: 38 })?.index).toBe(4);
  });

  it('any item sought is marked, whatever the starts (never decreasing)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 5_000, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.nat(), (raw, pick) => {
        const starts = raw.map((s) => Math.round(s * 100) / 100).sort((a, b) => a - b);
        const items = starts.map((start, i) => item(i, start));
        const sought = pick % items.length;
        const second = playedFrom(starts[sought] as number);
        expect(itemAt(items, second, { item: sought, second })?.index).toBe(sought);
        // And without the hint the item marked starts in that second or before, never after it.
        const marked = itemAt(items, second);
        expect(marked && playedFrom(marked.estimatedStart) === second).toBe(true);
      }),
      fuzzParams,
    );
  });

  it('the chapter sought is the chapter marked', () => {
    const chapters: Chapter[] = [
      { number: 1, title: 'A', start: 0, source: 'derived' },
      { number: 2, title: 'B', start: 141.6, source: 'derived' },
      { number: 3, title: 'C', start: 600, source: 'site' },
    ];
    expect(chapterPlaying(chapters, 141)?.title).toBe('B');
    expect(chapterPlaying(chapters, 140)?.title).toBe('A');
    expect(chapterPlaying(chapters, 600)?.title).toBe('C');
    expect(chapterPlaying([], 10)).toBeUndefined();
  });
});
