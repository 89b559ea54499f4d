/**
 * The site's audio player, reached only the way the site itself offers: its `#t=` deep links.
 * There is no `<audio>` in the DOM (the player makes one with `new Audio()`), so the extension
 * seeks by changing the location's fragment, and reads the play head from the player's own UI.
 *
 * Two quirks shape this file: the site ignores `#t=0` (zero is "no time"), and setting the hash to
 * the value it already has fires no `hashchange`. So a seek to 0 asks for a hundredth of a second,
 * and a repeated seek writes the same moment in its other accepted form (`#t=255` ↔ `#t=4:15`).
 */

import { formatClock, parseClock } from '../model/clock';
import type { Chapter, TranscriptItem } from '../model/episode';
import { partitionPoint } from '../model/sorted-search';
import { SITE_ORIGIN } from './urls';

/** The smallest time the site's player accepts from a deep link (it ignores 0). */
export const EARLIEST_SEEK = 0.01;

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
  const target = Number.isFinite(seconds) ? Math.max(0, seconds) : 0;
  const forms = target < 1 ? [`#t=${EARLIEST_SEEK}`, '#t=0.02'] : [`#t=${Math.floor(target)}`, `#t=${formatClock(target)}`];
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

/**
 * The item playing at `seconds`: the last one starting at or before it (binary search over the
 * never-decreasing estimated starts). Undefined before the first item or for an empty list.
 */
export function itemAt(items: readonly TranscriptItem[], seconds: number): TranscriptItem | undefined {
  const after = partitionPoint(items.length, (at) => (items[at] as TranscriptItem).estimatedStart <= seconds + 0.5);
  return after > 0 ? items[after - 1] : undefined;
}

/** The first item at or after a chapter's start, where the panel scrolls for it. */
export function firstItemOfChapter(items: readonly TranscriptItem[], chapter: Chapter): TranscriptItem | undefined {
  if (chapter.firstItem !== undefined) return items.find((item) => item.index === chapter.firstItem);
  return items.find((item) => item.estimatedStart >= chapter.start - 0.5) ?? items[items.length - 1];
}

/** The panel's player interface lives in the model, beside the any-site layer's media player. */
export type { PlayerBridge } from '../model/player';
