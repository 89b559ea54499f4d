/**
 * When each item of a transcript starts, estimated from the sparse timestamps a transcript has
 * (about one every four minutes; some transcripts have none). Clock strings are clock.ts's.
 */
import { partitionPoint } from './sorted-search';

/**
 * The constants of the start estimator, fitted on the even-numbered episodes of the archive by
 * `npm run timing-eval -- --fit` (leave-one-out over every explicit timestamp; the odd-numbered
 * episodes are the held-out check). Seconds unless said otherwise.
 */
export const TIMING_MODEL = {
  /** Speech rate, in letters and digits said a second, when the timestamps give too little to measure the episode's own. */
  lettersPerSecond: 12,
  /** Unspoken audio before the first words: pre-roll sponsor, theme music. */
  intro: 15,
  /** An ad break (a `Break` item): its timestamp is where it starts; talk resumes this much later. */
  adBreak: 60,
  /** The pause as the turn passes from one item to the next. */
  turnPause: 0.15,
  /**
   * How much of what a stretch between two timestamps runs over (or under) its expected length is
   * put on its breaks rather than on its speech (0 to 1): ad reads vary far more than speech does.
   */
  gapShare: 1,
  /**
   * The same share for the stretch that ends at the episode's end (its duration): from the last
   * timestamp, or from the start when there is none, so long that the pace is what is off. Fitted
   * on even-numbered episodes with every timestamp hidden and the duration known (leave-one-out
   * never has this stretch).
   */
  endGapShare: 0,
  /**
   * How strongly a speaker's rate is pulled toward the episode's: as many stretches of 3,000
   * letters (about 600 words) at the episode's rate, so a guest heard for a minute keeps it.
   */
  speakerPrior: 1,
};

/**
 * A timestamp inside an item, with how much of the item is said before it. Speech is measured in
 * letters and digits, not words: over the archive it times speech better (long words take longer).
 */
export interface TimeAnchor {
  seconds: number;
  /** Letters and digits said in the item before the timestamp. */
  before: number;
}

/** What the estimator needs of an item. */
export interface TimedItem {
  /** Letters and digits said in the item. */
  length: number;
  anchors: readonly TimeAnchor[];
  /** Who says it (null or absent: nobody, or unknown): speakers are timed at their own rate. */
  speaker?: string | null;
  /** A `Break` item: an ad break starts where it stands. */
  isBreak?: boolean;
  /**
   * Letters said in the item before each ad break that starts inside it, in order (a `**Break**:`
   * paragraph the site leaves in the turn before): a timestamp at that point is where the ad
   * starts, and the words after it come after the gap.
   */
  breaks?: readonly number[];
}

/** Where an item's ad breaks start, in letters said before each: a `Break` item's at 0. */
function breaksOf(item: TimedItem): number[] {
  const length = Math.max(0, item.length);
  const offsets = (item.breaks ?? []).map((b) => Math.max(0, Math.min(length, b)));
  if (item.isBreak) offsets.push(0);
  return [...new Set(offsets)].sort((a, b) => a - b);
}

/** Extra knowledge of an episode's timing beyond its transcript's own timestamps. */
export interface TimingHints {
  /** The episode's length in seconds: the last words end there. */
  duration?: number | undefined;
  /** Items known to start at a time, e.g. the items the site's chapters open. */
  itemStarts?: readonly { item: number; seconds: number }[] | undefined;
  /** Constants other than the fitted ones (the timing evaluation's fitting only). */
  model?: typeof TIMING_MODEL;
}

interface Point {
  /** Expected seconds from the start of the audio (see {@link Timeline}). */
  expected: number;
  seconds: number;
}

/** Expected durations of an episode's speech and its gaps (intro, ad breaks). */
interface Layout {
  /** Per item: expected time where it begins (after the intro, for the first item). */
  wordsAt: Float64Array;
  /** Per item: where its ad breaks start, in letters said before each ({@link breaksOf}). */
  breaks: number[][];
  /** Per item: expected seconds per letter said. */
  perLetter: Float64Array;
  /** Gap intervals [from, to) in expected time, in order. */
  gaps: [number, number][];
  total: number;
}

function finite(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value);
}

/**
 * Anchors that agree with each other: the longest run whose times never decrease as the words go
 * on. A typo in one timestamp (`[1:00:00]` for `[10:00]`) then loses one anchor, not all after it.
 */
function consistent<T extends { seconds: number }>(points: readonly T[]): T[] {
  const tails: number[] = [];
  const previous = new Int32Array(points.length).fill(-1);
  for (let i = 0; i < points.length; i++) {
    const seconds = (points[i] as T).seconds;
    const low = partitionPoint(tails.length, (at) => (points[tails[at] as number] as T).seconds <= seconds);
    if (low > 0) previous[i] = tails[low - 1] as number;
    tails[low] = i;
  }
  const kept: T[] = [];
  for (let at = tails[tails.length - 1] ?? -1; at >= 0; at = previous[at] as number) kept.push(points[at] as T);
  return kept.reverse();
}

/** Speaker rates fitted to the stretches between anchors that have no gap in them. */
function fitRates(
  items: readonly TimedItem[],
  breaks: readonly number[][],
  anchors: readonly { item: number; said: number; seconds: number }[],
  model: typeof TIMING_MODEL,
): { episode: number; bySpeaker: Map<string, number> } {
  const speakers = new Map<string, number>();
  for (const item of items) if (item.speaker && !speakers.has(item.speaker)) speakers.set(item.speaker, speakers.size);
  const n = speakers.size;
  const rows: { words: Float64Array; seconds: number }[] = [];
  let totalWords = 0;
  let totalSeconds = 0;
  for (let k = 1; k < anchors.length; k++) {
    const from = anchors[k - 1] as (typeof anchors)[number];
    const to = anchors[k] as (typeof anchors)[number];
    const words = new Float64Array(n);
    let gap = false;
    let turns = 0;
    let sum = 0;
    for (let i = from.item; i <= to.item && !gap; i++) {
      const item = items[i] as TimedItem;
      // A break's gap follows its timestamp: inside the stretch unless the stretch ends at that timestamp.
      for (const b of breaks[i] as number[]) if ((i > from.item || b >= from.said) && (i < to.item || b < to.said)) gap = true;
      const first = i === from.item ? from.said : 0;
      const last = i === to.item ? to.said : item.length;
      if (i > from.item) turns++;
      const said = Math.max(0, last - first);
      if (item.speaker) {
        const at = speakers.get(item.speaker) as number;
        words[at] = (words[at] as number) + said;
      }
      sum += said;
    }
    if (gap || sum === 0) continue;
    const seconds = to.seconds - from.seconds - turns * model.turnPause;
    if (seconds <= 0) continue;
    rows.push({ words, seconds });
    totalWords += sum;
    totalSeconds += seconds;
  }
  const fallback = 1 / model.lettersPerSecond;
  const measured = totalSeconds >= 60 && totalWords > 0 ? totalSeconds / totalWords : fallback;
  // Keep the measurement within what people can say: a bad timestamp must not stretch a whole episode.
  const episode = Math.min(fallback * 2.5, Math.max(fallback / 2.5, measured));
  const bySpeaker = new Map<string, number>();
  if (n === 0) return { episode, bySpeaker };
  // Ridge regression toward the episode's rate: (AᵀA + Λ) u = Aᵀb + Λ u₀.
  const prior = model.speakerPrior * 3000 * 3000;
  const matrix = Array.from({ length: n }, (_, r) => Float64Array.from({ length: n + 1 }, (_, c) => (c === r ? prior : 0)));
  for (let r = 0; r < n; r++) (matrix[r] as Float64Array)[n] = prior * episode;
  for (const row of rows) {
    for (let r = 0; r < n; r++) {
      const wr = row.words[r] as number;
      if (wr === 0) continue;
      const line = matrix[r] as Float64Array;
      for (let c = 0; c < n; c++) line[c] = (line[c] as number) + wr * (row.words[c] as number);
      line[n] = (line[n] as number) + wr * row.seconds;
    }
  }
  const solved = solve(matrix, n);
  for (const [name, at] of speakers) {
    const rate = solved[at];
    bySpeaker.set(name, finite(rate) ? Math.min(episode * 2, Math.max(episode / 2, rate)) : episode);
  }
  return { episode, bySpeaker };
}

/** Gaussian elimination with partial pivoting on an n×(n+1) augmented matrix (symmetric, positive definite here). */
function solve(matrix: Float64Array[], n: number): number[] {
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs((matrix[r] as Float64Array)[col] as number) > Math.abs((matrix[pivot] as Float64Array)[col] as number)) pivot = r;
    [matrix[col], matrix[pivot]] = [matrix[pivot] as Float64Array, matrix[col] as Float64Array];
    const line = matrix[col] as Float64Array;
    const head = line[col] as number;
    if (Math.abs(head) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const other = matrix[r] as Float64Array;
      const factor = (other[col] as number) / head;
      if (factor === 0) continue;
      for (let c = col; c <= n; c++) other[c] = (other[c] as number) - factor * (line[c] as number);
    }
  }
  return matrix.map((line, r) => (line[n] as number) / (line[r] as number));
}

/** Where every item falls in expected time, from rates and the model's gaps. */
function layOut(items: readonly TimedItem[], breaks: number[][], rates: ReturnType<typeof fitRates>, model: typeof TIMING_MODEL): Layout {
  const count = items.length;
  const layout: Layout = { wordsAt: new Float64Array(count), breaks, perLetter: new Float64Array(count), gaps: [], total: 0 };
  let at = 0;
  for (let i = 0; i < count; i++) {
    const item = items[i] as TimedItem;
    const offsets = breaks[i] as number[];
    if (i > 0) at += model.turnPause;
    // Unless the audio opens on an ad, the first words follow the intro.
    if (i === 0 && offsets[0] !== 0) {
      layout.gaps.push([at, at + model.intro]);
      at += model.intro;
    }
    layout.wordsAt[i] = at;
    const perLetter = (item.speaker ? rates.bySpeaker.get(item.speaker) : undefined) ?? rates.episode;
    layout.perLetter[i] = perLetter;
    offsets.forEach((b, k) => {
      const start = at + b * perLetter + k * model.adBreak;
      layout.gaps.push([start, start + model.adBreak]);
    });
    at += Math.max(0, item.length) * perLetter + offsets.length * model.adBreak;
  }
  layout.total = at;
  return layout;
}

/**
 * An episode's clock: from a place in the transcript (an item, and letters into it) to seconds
 * into the audio. Built from the transcript's timestamps, the speakers' measured rates, the gaps
 * no one speaks in (the intro, ad breaks), and the hints a page gives (duration, chapters).
 * Between two known times, the stretch's gaps take what its speech does not explain; past the
 * last known time, everything runs at its expected length. Never decreases.
 */
export class Timeline {
  private readonly layout: Layout;
  private readonly points: Point[];
  /** Per segment (points[k] → points[k+1]): seconds per expected second of speech, and of gap. */
  private readonly speechScale: number[] = [];
  private readonly gapScale: number[] = [];
  /** Expected gap time before each gap's start, for the gap time between two expected times. */
  private readonly gapPrefix: number[] = [0];
  private readonly adBreak: number;
  /** Whether the last known point is the episode's end (its duration), not a timestamp. */
  private readonly endsAtDuration: boolean = false;

  constructor(
    private readonly items: readonly TimedItem[],
    hints: TimingHints = {},
  ) {
    const model = hints.model ?? TIMING_MODEL;
    const raw: { item: number; said: number; seconds: number }[] = [];
    const known = new Map<number, number>();
    for (const hint of hints.itemStarts ?? []) {
      if (hint.item >= 0 && hint.item < items.length && finite(hint.seconds) && hint.seconds >= 0) known.set(hint.item, hint.seconds);
    }
    items.forEach((item, i) => {
      const fromHint = known.get(i);
      if (fromHint !== undefined && !item.anchors.some((anchor) => anchor.before <= 0)) raw.push({ item: i, said: 0, seconds: fromHint });
      for (const anchor of item.anchors) {
        if (!finite(anchor.seconds) || anchor.seconds < 0) continue;
        raw.push({ item: i, said: Math.max(0, Math.min(anchor.before, item.length)), seconds: anchor.seconds });
      }
    });
    const anchors = consistent(raw);
    const breaks = items.map(breaksOf);
    this.layout = layOut(items, breaks, fitRates(items, breaks, anchors, model), model);
    this.adBreak = model.adBreak;
    for (const [from, to] of this.layout.gaps) this.gapPrefix.push((this.gapPrefix[this.gapPrefix.length - 1] as number) + (to - from));

    const points: Point[] = [{ expected: 0, seconds: 0 }];
    for (const anchor of anchors) {
      const expected = this.expectedAt(anchor.item, anchor.said);
      const last = points[points.length - 1] as Point;
      if (anchor.seconds < last.seconds) continue;
      if (expected <= last.expected) last.seconds = Math.max(last.seconds, anchor.seconds);
      else points.push({ expected, seconds: anchor.seconds });
    }
    const last = points[points.length - 1] as Point;
    const duration = hints.duration;
    if (finite(duration) && duration > last.seconds && this.layout.total > last.expected) {
      points.push({ expected: this.layout.total, seconds: duration });
      this.endsAtDuration = true;
    }
    this.points = points;

    for (let k = 0; k + 1 < points.length; k++) {
      const from = points[k] as Point;
      const to = points[k + 1] as Point;
      const gap = this.gapBetween(from.expected, to.expected);
      const speech = to.expected - from.expected - gap;
      const seconds = to.seconds - from.seconds;
      if (gap <= 0) {
        this.speechScale.push(speech > 0 ? seconds / speech : 0);
        this.gapScale.push(1);
        continue;
      }
      const share = k + 2 === points.length && this.endsAtDuration ? model.endGapShare : model.gapShare;
      const gapSeconds = Math.min(seconds, Math.max(0, gap + share * (seconds - speech - gap)));
      this.speechScale.push(speech > 0 ? (seconds - gapSeconds) / speech : 0);
      this.gapScale.push(gapSeconds / gap);
    }
  }

  /** Expected time `said` letters into item `item`: at a break's start, where the ad begins; past it, after the ad. */
  private expectedAt(item: number, said: number): number {
    const layout = this.layout;
    const letters = Math.max(0, Math.min(said, (this.items[item] as TimedItem).length));
    let expected = (layout.wordsAt[item] as number) + letters * (layout.perLetter[item] as number);
    for (const b of layout.breaks[item] as number[]) if (b < letters) expected += this.adBreak;
    return expected;
  }

  /** Expected gap time in [from, to). */
  private gapBetween(from: number, to: number): number {
    return this.gapUpTo(to) - this.gapUpTo(from);
  }

  private gapUpTo(expected: number): number {
    const gaps = this.layout.gaps;
    const low = partitionPoint(gaps.length, (at) => (gaps[at] as [number, number])[0] < expected);
    if (low === 0) return 0;
    const [start, end] = gaps[low - 1] as [number, number];
    return (this.gapPrefix[low - 1] as number) + Math.min(end, expected) - start;
  }

  /** Seconds at an expected time. */
  private secondsAt(expected: number): number {
    const points = this.points;
    const low = Math.max(0, partitionPoint(points.length, (at) => (points[at] as Point).expected <= expected) - 1);
    const from = points[low] as Point;
    const gap = this.gapBetween(from.expected, expected);
    const speech = expected - from.expected - gap;
    if (low + 1 >= points.length) return from.seconds + speech + gap;
    return from.seconds + speech * (this.speechScale[low] as number) + gap * (this.gapScale[low] as number);
  }

  /** Seconds `said` letters into item `item`; 0 is the item's start. */
  at(item: number, said = 0): number {
    if (item < 0 || item >= this.items.length) return 0;
    return this.secondsAt(this.expectedAt(item, said));
  }

  /** When each item starts: a break where it begins, any other item where its words begin. */
  starts(): number[] {
    return this.items.map((_, i) => Math.round(this.at(i) * 100) / 100);
  }
}

/**
 * The start of every item in seconds (see {@link Timeline}). Items with a timestamp at their
 * start get that timestamp unless it contradicts the others; the result never decreases.
 */
export function estimateStarts(items: readonly TimedItem[], hints: TimingHints = {}): number[] {
  return new Timeline(items, hints).starts();
}
