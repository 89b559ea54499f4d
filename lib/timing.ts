/**
 * Times in a transcript: reading and writing the clock strings the transcripts and the site's
 * player use, and estimating when each item starts from the sparse timestamps a transcript has
 * (about one every four minutes; some transcripts have none).
 */

/**
 * A bracketed transcript timestamp as it reads once Markdown escapes are gone: `[04:15]`,
 * `[01:00:04.16]`, and the archive's irregular forms (`[100:08]` for 100 minutes, `[0:31:2.01]`,
 * `[00:44:03:20]` with a trailing frame count). Group 1 is the clock.
 */
export const BRACKETED_TIMESTAMP = /\[(\d{1,3}(?::\d{1,2}){1,3}(?:\.\d{1,3})?)\]/g;

/**
 * Seconds of a clock string, or null when it is not one: `MM:SS`, `H:MM:SS`, `HH:MM:SS.ms`,
 * `MMM:SS`, and `HH:MM:SS:FF` (the fourth part read as hundredths, as the archive means it).
 */
export function parseClock(clock: string): number | null {
  const match = /^(\d{1,3})(?::(\d{1,2}))(?::(\d{1,2}))?(?::(\d{1,2}))?(?:\.(\d{1,3}))?$/.exec(clock.trim());
  if (!match) return null;
  const [, a, b, c, d, fraction] = match;
  let seconds: number;
  let hundredths = 0;
  if (c === undefined) {
    seconds = Number(a) * 60 + Number(b);
  } else {
    seconds = Number(a) * 3600 + Number(b) * 60 + Number(c);
    if (d !== undefined) hundredths = Number(d) / 100;
  }
  const fractional = fraction === undefined ? hundredths : Number(`0.${fraction}`);
  return Math.round((seconds + fractional) * 100) / 100;
}

/** `M:SS` or `H:MM:SS`, whole seconds, as the site's player prints the play head. */
export function formatClock(totalSeconds: number): string {
  const whole = Math.max(0, Math.floor(Number.isFinite(totalSeconds) ? totalSeconds : 0));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const seconds = whole % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/**
 * Reads the player's `#t=` fragment value: plain seconds (`#t=255`) or a clock (`#t=04:15`).
 */
export function parseTimeFragment(value: string): number | null {
  const trimmed = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return parseClock(trimmed);
}

/** Speech rate used past the last timestamp when the transcript gives too little to measure one. */
export const DEFAULT_WORDS_PER_SECOND = 2.6;

/** A timestamp inside an item, with the words said in that item before it. */
export interface TimeAnchor {
  seconds: number;
  wordsBefore: number;
}

/** What {@link estimateStarts} needs of an item. */
export interface TimedWords {
  words: number;
  anchors: readonly TimeAnchor[];
}

interface Point {
  word: number;
  seconds: number;
}

/**
 * The start of every item in seconds, interpolated by word count between known points: 0 at the
 * first word, each bracketed timestamp at its word, the duration at the last word when known.
 * Timestamps that go backwards (typos in the archive) are ignored, so the result never decreases.
 * Past the last point, time advances at the speech rate measured between the timestamps.
 */
export function estimateStarts(items: readonly TimedWords[], duration?: number): number[] {
  const points: Point[] = [{ word: 0, seconds: 0 }];
  const itemFirstWord: number[] = [];
  let word = 0;
  for (const item of items) {
    itemFirstWord.push(word);
    for (const anchor of item.anchors) {
      const at = word + Math.min(anchor.wordsBefore, item.words);
      const last = points[points.length - 1] as Point;
      if (anchor.seconds < last.seconds) continue;
      if (at === last.word) last.seconds = anchor.seconds;
      else points.push({ word: at, seconds: anchor.seconds });
    }
    word += item.words;
  }
  const totalWords = word;
  const lastPoint = points[points.length - 1] as Point;
  if (duration !== undefined && Number.isFinite(duration) && duration > lastPoint.seconds && totalWords > lastPoint.word) {
    points.push({ word: totalWords, seconds: duration });
  }

  const measured = points.length > 1 ? (points[points.length - 1] as Point) : undefined;
  const rate = measured && measured.seconds >= 60 && measured.word > 0 ? measured.word / measured.seconds : DEFAULT_WORDS_PER_SECOND;

  const starts: number[] = [];
  let segment = 0;
  for (const first of itemFirstWord) {
    while (segment + 1 < points.length && (points[segment + 1] as Point).word <= first) segment++;
    const from = points[segment] as Point;
    const to = points[segment + 1];
    let seconds: number;
    if (to) {
      seconds = from.seconds + ((first - from.word) * (to.seconds - from.seconds)) / (to.word - from.word);
    } else {
      seconds = from.seconds + (first - from.word) / rate;
    }
    starts.push(Math.round(seconds * 100) / 100);
  }
  return starts;
}
