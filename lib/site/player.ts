/**
 * The site's audio player, reached only the way the site itself offers: its `#t=` deep links.
 * There is no `<audio>` in the DOM (the player makes one with `new Audio()`), so the extension
 * seeks by changing the location's fragment, and reads the play head from the player's own UI.
 *
 * Two quirks shape this file: the site ignores `#t=0` (zero is "no time"), and setting the hash to
 * the value it already has fires no `hashchange`. So a seek to 0 asks for a hundredth of a second,
 * and a repeated seek writes the same moment in its other accepted form (`#t=255` ↔ `#t=4:15`).
 *
 * And one rule ties seeks to follow-along: the player plays from whole seconds only (see
 * {@link playedFrom}), so a start is compared with the play head as the player would reach it.
 */

import { formatClock, parseClock } from '../model/clock';
import type { Chapter, TranscriptItem } from '../model/episode';
import { partitionPoint } from '../model/sorted-search';
import { SITE_ORIGIN } from './urls';

/** The smallest time the site's player accepts from a deep link (it ignores 0). */
export const EARLIEST_SEEK = 0.01;

/**
 * The second the site's player plays from when a seek asks for `seconds`, and what its play head
 * then reads. Its deep-link handler takes fractions (`#t=202.91`, `#t=3:22.91`: `parseTime` in the
 * site's assets/shared/parseTime.js), but its audio seek takes `parseInt` of them
 * (assets/app/modules/audio.js), and its play head shows `Math.round(currentTime)`. So whatever a
 * deep link writes, playing starts at the whole second at or before the time asked for: a turn
 * estimated at 202.91 s plays from 202 s, and the listener hears its first words.
 */
export function playedFrom(seconds: number): number {
  return Number.isFinite(seconds) ? Math.floor(Math.max(0, seconds)) : 0;
}

/**
 * The URL a seek replaces the location with: the page's own URL (`location.href`, whatever a
 * `pushState` made of its path) with the seek's fragment; null when that is not a changelog.com
 * page, so a seek never leaves the site (a path of `//evil.example/` is not a host).
 */
export function seekUrl(href: string, seconds: number): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.origin !== SITE_ORIGIN) return null;
  url.hash = seekFragment(seconds, url.hash);
  return url.href;
}

/**
 * The fragment that makes the player seek to `seconds`, different from `currentHash` so that a
 * `hashchange` fires even when the reader asks for the same moment twice.
 */
export function seekFragment(seconds: number, currentHash: string): string {
  const target = playedFrom(seconds);
  const forms = target < 1 ? [`#t=${EARLIEST_SEEK}`, '#t=0.02'] : [`#t=${target}`, `#t=${formatClock(target)}`];
  return forms.find((form) => form !== currentHash) ?? (forms[0] as string);
}

/**
 * The play head from the player's UI: the scrubber's value (seconds) when it is a number, else
 * the clock text of `.js-player-current` (`M:SS` or `H:MM:SS`). Null when neither reads.
 */
export function readPlayhead(currentText: string | null | undefined, scrubberValue: string | null | undefined): number | null {
  const fromText = currentText ? parseClock(currentText.trim()) : null;
  const fromScrubber =
    scrubberValue !== null && scrubberValue !== undefined && scrubberValue.trim() !== '' ? Number(scrubberValue) : Number.NaN;
  // The text is what the listener sees; the scrubber lags a tick behind on the real site.
  if (fromText !== null) return fromText;
  return Number.isFinite(fromScrubber) ? fromScrubber : null;
}

/** The item a listener last sought, and the second the player played it from ({@link playedFrom}). */
export interface Sought {
  item: number;
  second: number;
}

/**
 * The item playing at play head `seconds`: the last one whose start the player has reached, a
 * start counting as reached at the second a seek to it plays from ({@link playedFrom}), so that
 * the item a listener seeks to is the one marked, paused or playing (binary search over the
 * never-decreasing estimated starts). Items whose starts fall in the same second are one moment to
 * the play head: while it is at the second the last seek played from, the item that seek asked
 * for (`sought`) is the one playing. Undefined before the first item or for an empty list.
 */
export function itemAt(items: readonly TranscriptItem[], seconds: number, sought?: Sought): TranscriptItem | undefined {
  const second = playedFrom(seconds);
  if (sought && sought.second === second) {
    const item = items[sought.item]?.index === sought.item ? items[sought.item] : items.find((it) => it.index === sought.item);
    if (item) return item;
  }
  const after = partitionPoint(items.length, (at) => playedFrom((items[at] as TranscriptItem).estimatedStart) <= second);
  return after > 0 ? items[after - 1] : undefined;
}

/** The chapter playing at play head `seconds`: the last one whose start the player has reached, as {@link itemAt} reads it. */
export function chapterPlaying(chapters: readonly Chapter[], seconds: number): Chapter | undefined {
  const second = playedFrom(seconds);
  const after = partitionPoint(chapters.length, (at) => playedFrom((chapters[at] as Chapter).start) <= second);
  return after > 0 ? chapters[after - 1] : undefined;
}

/** The first item at or after a chapter's start, where the panel scrolls for it. */
export function firstItemOfChapter(items: readonly TranscriptItem[], chapter: Chapter): TranscriptItem | undefined {
  if (chapter.firstItem !== undefined) return items.find((item) => item.index === chapter.firstItem);
  return items.find((item) => item.estimatedStart >= chapter.start - 0.5) ?? items[items.length - 1];
}

/** The panel's player interface lives in the model, beside the any-site layer's media player. */
export type { PlayerBridge } from '../model/player';
