/**
 * `npm run timing-eval -- [--corpus DIR] [--fit]`: how far the start estimator lands from the
 * transcripts' own timestamps. Every explicit timestamp of every transcript is hidden in turn and
 * estimated from the others (leave-one-out), by the extension's estimator (lib/model/timing.ts) and by
 * plain word interpolation (the estimator before it), in the same run.
 *
 * Two more modes, for episodes whose transcript gives few timestamps or none: "all hidden" hides
 * every timestamp of an episode at once (as if it had none, like 187 transcripts of the archive)
 * and estimates each from nothing but the words, then again with the episode's duration as the end
 * (the page shows it, in whole minutes); and the episodes with a single timestamp, whose
 * leave-one-out is the same as all hidden. The archive has no durations: the stand-in is
 * {@link durationOf}'s, said there.
 *
 * The estimator's constants are fitted on the even-numbered episodes only (`--fit` searches them,
 * one at a time over a grid, and prints the best); the odd-numbered and unnumbered episodes are
 * the held-out check, so a figure on them is not tuned to itself. The last line is the whole
 * archive: `median X s, p90 Y s over N timestamps`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureItem, timingInput } from '../../lib/model/build-episode';
import { TIMING_MODEL, type TimeAnchor, type TimedItem, Timeline } from '../../lib/model/timing';
import { episodeNumber } from '../../lib/site/urls';
import { listCorpus, resolveCorpus } from '../../pipeline/corpus';
import { parseTranscriptMarkdown } from '../../pipeline/markdown/transcripts';
import { PROJECT_ROOT } from '../support/shared';

export interface EvalEpisode {
  key: string;
  /** Fitting set: even-numbered episodes. */
  even: boolean;
  /** The estimator's input, item by item. */
  items: TimedItem[];
  /** The same items in words, for the word-interpolation peer; anchors in the same order. */
  words: Words[];
}

interface Words {
  words: number;
  anchors: { seconds: number; words: number }[];
}

/** Where a hidden timestamp stood, for the breakdown. */
type Place = 'a break' | 'inside an item' | 'at an item';

interface Sample {
  error: number;
  even: boolean;
  place: Place;
  /** How many timestamps the episode has. */
  timestamps: number;
  episode: string;
}

export function loadEpisodes(corpus: string): EvalEpisode[] {
  return listCorpus(corpus, 'transcripts').map((file) => {
    const number = episodeNumber(file.ref.slug);
    return {
      key: `${file.ref.podcast}/${file.ref.slug}`,
      even: number !== undefined && number % 2 === 0,
      ...measured(parseTranscriptMarkdown(readFileSync(file.path, 'utf8'))),
    };
  });
}

function measured(parsed: ReturnType<typeof parseTranscriptMarkdown>): Pick<EvalEpisode, 'items' | 'words'> {
  const measures = parsed.map(measureItem);
  return { items: parsed.map((item, i) => timingInput(item, measures[i])), words: measures };
}

/**
 * The peer: word interpolation between the timestamps (0 at the start), as the extension had it;
 * given the episode's duration `end`, the last word ends there.
 */
function interpolateByWords(items: readonly Words[], end?: number): (item: number, word: number) => number {
  const first: number[] = [];
  const points: { word: number; seconds: number }[] = [{ word: 0, seconds: 0 }];
  let word = 0;
  for (const item of items) {
    first.push(word);
    for (const anchor of item.anchors) {
      const at = word + Math.min(anchor.words, item.words);
      const last = points[points.length - 1] as { word: number; seconds: number };
      if (anchor.seconds < last.seconds) continue;
      if (at === last.word) last.seconds = anchor.seconds;
      else points.push({ word: at, seconds: anchor.seconds });
    }
    word += item.words;
  }
  const lastKnown = points[points.length - 1] as { word: number; seconds: number };
  if (end !== undefined && end > lastKnown.seconds && word > lastKnown.word) points.push({ word, seconds: end });
  const last = points[points.length - 1] as { word: number; seconds: number };
  // The rate the extension used past the last timestamp without a measurement: 2.6 words a second.
  const rate = points.length > 1 && last.seconds >= 60 && last.word > 0 ? last.word / last.seconds : 2.6;
  return (item, words) => {
    const at = (first[item] ?? 0) + words;
    let k = 0;
    while (k + 1 < points.length && (points[k + 1] as { word: number }).word <= at) k++;
    const from = points[k] as { word: number; seconds: number };
    const to = points[k + 1];
    return to
      ? from.seconds + ((at - from.word) * (to.seconds - from.seconds)) / (to.word - from.word)
      : from.seconds + (at - from.word) / rate;
  };
}

/**
 * The episode's duration as its page would show it, for the "with the duration" mode. The archive
 * has no durations, so this is a stand-in built from the transcript alone: the time of its last
 * timestamp, plus what is said after it at the episode's average pace up to that timestamp
 * (seconds per letter, from the start of the audio, intro and ads included), rounded to the
 * whole minute as the page shows it ("52 minutes"). It knows what a real duration knows, the
 * episode's overall pace, and of the timestamps only the one it is built from (`from`, which is
 * then never scored: in an episode with a single timestamp there is nothing left to score).
 * Undefined when the last timestamp has no words before it.
 */
export function durationOf(items: readonly TimedItem[]): { seconds: number; from: TimeAnchor } | undefined {
  let before = 0;
  let last: { seconds: number; letters: number; anchor: TimeAnchor } | undefined;
  for (const item of items) {
    for (const anchor of item.anchors)
      if (!last || anchor.seconds >= last.seconds) last = { seconds: anchor.seconds, letters: before + anchor.before, anchor };
    before += Math.max(0, item.length);
  }
  if (!last || last.letters <= 0) return undefined;
  const seconds = last.seconds + ((before - last.letters) * last.seconds) / last.letters;
  return { seconds: Math.max(60, Math.round(seconds / 60) * 60), from: last.anchor };
}

const timestampCount = (items: readonly TimedItem[]) => items.reduce((sum, item) => sum + item.anchors.length, 0);

function placeOf(item: TimedItem, anchor: TimeAnchor): Place {
  const atBreak = item.isBreak || (item.breaks ?? []).includes(anchor.before);
  return atBreak ? 'a break' : anchor.before > 0 ? 'inside an item' : 'at an item';
}

/** One timestamp's error, with what the report groups it by. */
function sampleOf(episode: EvalEpisode, item: TimedItem, anchor: TimeAnchor, estimate: number, timestamps: number): Sample {
  return { error: Math.abs(estimate - anchor.seconds), even: episode.even, place: placeOf(item, anchor), timestamps, episode: episode.key };
}

/**
 * Every timestamp of each episode hidden at once and estimated from the words alone, or from the
 * words and the episode's duration ({@link durationOf}). Both lines score the same timestamps:
 * all but the last of each episode (which the stand-in duration is made from), in episodes with
 * at least two.
 */
export function allHidden(episodes: readonly EvalEpisode[], estimator: Estimator, withDuration: boolean, model = TIMING_MODEL): Sample[] {
  const samples: Sample[] = [];
  for (const episode of episodes) {
    const { items, words } = episode;
    const timestamps = timestampCount(items);
    const duration = durationOf(items);
    if (timestamps === 0 || duration === undefined) continue;
    const end = withDuration ? duration.seconds : undefined;
    const timeline =
      estimator === 'timeline'
        ? new Timeline(
            items.map((item) => ({ ...item, anchors: [] })),
            { model, duration: end },
          )
        : undefined;
    const byWords =
      estimator === 'words'
        ? interpolateByWords(
            words.map((item) => ({ ...item, anchors: [] })),
            end,
          )
        : undefined;
    items.forEach((item, i) => {
      item.anchors.forEach((anchor, a) => {
        // Left out of both lines, so they compare: the stand-in duration knows this one.
        if (anchor === duration.from) return;
        const estimate = timeline
          ? timeline.at(i, anchor.before)
          : (byWords as (item: number, word: number) => number)(
              i,
              Math.min((words[i] as Words).anchors[a]?.words ?? 0, (words[i] as Words).words),
            );
        samples.push(sampleOf(episode, item, anchor, estimate, timestamps));
      });
    });
  }
  return samples;
}

export type Estimator = 'timeline' | 'words';

/** Leave-one-out errors over every explicit timestamp of the episodes. */
export function leaveOneOut(episodes: readonly EvalEpisode[], estimator: Estimator, model = TIMING_MODEL): Sample[] {
  const samples: Sample[] = [];
  for (const episode of episodes) {
    const { items, words } = episode;
    const timestamps = timestampCount(items);
    items.forEach((item, i) => {
      item.anchors.forEach((anchor, a) => {
        let estimate: number;
        if (estimator === 'timeline') {
          const hidden = items.slice();
          hidden[i] = { ...item, anchors: item.anchors.filter((_, k) => k !== a) };
          estimate = new Timeline(hidden, { model }).at(i, anchor.before);
        } else {
          const hidden = words.slice();
          const counted = words[i] as Words;
          hidden[i] = { ...counted, anchors: counted.anchors.filter((_, k) => k !== a) };
          estimate = interpolateByWords(hidden)(i, Math.min(counted.anchors[a]?.words ?? 0, counted.words));
        }
        samples.push(sampleOf(episode, item, anchor, estimate, timestamps));
      });
    });
  }
  return samples;
}

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

export interface ErrorFigures {
  median: number;
  p90: number;
  count: number;
}

export function figures(samples: readonly Sample[]): ErrorFigures {
  const errors = samples.map((sample) => sample.error);
  return { median: quantile(errors, 0.5), p90: quantile(errors, 0.9), count: errors.length };
}

const show = (f: ErrorFigures) => `median ${f.median.toFixed(1)} s, p90 ${f.p90.toFixed(1)} s over ${f.count} timestamps`;

/** Constants that act only on the stretch to the episode's end: leave-one-out never has one. */
const END_CONSTANTS: ReadonlySet<keyof typeof TIMING_MODEL> = new Set(['endGapShare']);

/**
 * The score the fit minimizes: median plus p90 on the fitting set, both matter to a listener;
 * leave-one-out, or for the constants of the stretch to the end, every timestamp hidden with the
 * episode's duration known.
 */
function cost(episodes: readonly EvalEpisode[], model: typeof TIMING_MODEL, key?: keyof typeof TIMING_MODEL): number {
  const f = figures(
    key && END_CONSTANTS.has(key) ? allHidden(episodes, 'timeline', true, model) : leaveOneOut(episodes, 'timeline', model),
  );
  return f.median + f.p90 / 4;
}

/** One constant at a time over a grid around its value, a few rounds, on the fitting set. */
function fitModel(episodes: readonly EvalEpisode[]): typeof TIMING_MODEL {
  const grids: Record<keyof typeof TIMING_MODEL, number[]> = {
    lettersPerSecond: [11, 12, 13, 14, 15],
    intro: [0, 15, 30, 45, 60, 75, 90, 120],
    adBreak: [30, 45, 60, 75, 90, 105, 120],
    turnPause: [0, 0.15, 0.3, 0.5, 0.8, 1.2],
    gapShare: [0.5, 0.7, 0.85, 1],
    endGapShare: [0, 0.25, 0.5, 1],
    speakerPrior: [0.25, 0.5, 1, 2, 4, 8, 1000],
  };
  let model = { ...TIMING_MODEL };
  for (let round = 0; round < 2; round++) {
    for (const key of Object.keys(grids) as (keyof typeof TIMING_MODEL)[]) {
      let best = cost(episodes, model, key);
      for (const value of grids[key]) {
        if (value === model[key]) continue;
        const trial = { ...model, [key]: value };
        const score = cost(episodes, trial, key);
        if (score < best) {
          best = score;
          model = trial;
          console.log(`  ${key} = ${value}: ${score.toFixed(2)}`);
        }
      }
    }
  }
  return model;
}

/** The figures the bench reports: both estimators on the whole archive and on the held-out half. */
export function timingReport(episodes: readonly EvalEpisode[]) {
  const timeline = leaveOneOut(episodes, 'timeline');
  const words = leaveOneOut(episodes, 'words');
  const heldOut = (samples: Sample[]) => samples.filter((sample) => !sample.even);
  const single = (samples: Sample[]) => samples.filter((sample) => sample.timestamps === 1);
  const hidden = {
    timeline: allHidden(episodes, 'timeline', false),
    words: allHidden(episodes, 'words', false),
    timelineWithDuration: allHidden(episodes, 'timeline', true),
    wordsWithDuration: allHidden(episodes, 'words', true),
  };
  return {
    timeline: figures(timeline),
    words: figures(words),
    timelineHeldOut: figures(heldOut(timeline)),
    wordsHeldOut: figures(heldOut(words)),
    timelineSingle: figures(single(timeline)),
    wordsSingle: figures(single(words)),
    singleEpisodes: episodes.filter((episode) => timestampCount(episode.items) === 1).length,
    allHidden: figures(hidden.timeline),
    allHiddenWords: figures(hidden.words),
    allHiddenWithDuration: figures(hidden.timelineWithDuration),
    allHiddenWithDurationWords: figures(hidden.wordsWithDuration),
    allHiddenHeldOut: figures(heldOut(hidden.timeline)),
    allHiddenWithDurationHeldOut: figures(heldOut(hidden.timelineWithDuration)),
    allHiddenEpisodes: new Set(hidden.timeline.map((sample) => sample.episode)).size,
    timelineSamples: timeline,
    wordsSamples: words,
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--corpus');
  const corpus = at >= 0 && args[at + 1] ? resolve(args[at + 1] as string) : resolveCorpus(PROJECT_ROOT, console.log);
  const episodes = loadEpisodes(corpus);
  console.log(`${episodes.length} transcripts from ${corpus}`);
  if (args.includes('--fit')) {
    const fitted = fitModel(episodes.filter((episode) => episode.even));
    console.log('fitted on even-numbered episodes:', JSON.stringify(fitted));
    Object.assign(TIMING_MODEL, fitted);
  }
  const report = timingReport(episodes);
  for (const [name, samples] of [
    ['word interpolation', report.wordsSamples],
    ['estimator', report.timelineSamples],
  ] as const) {
    console.log(`${name}:`);
    console.log(`  even-numbered (fitting set): ${show(figures(samples.filter((s) => s.even)))}`);
    console.log(`  odd and unnumbered (held out): ${show(figures(samples.filter((s) => !s.even)))}`);
    for (const place of ['at an item', 'a break', 'inside an item'] as const) {
      console.log(`  ${place}: ${show(figures(samples.filter((s) => s.place === place)))}`);
    }
  }
  console.log(
    `episodes with a single timestamp (${report.singleEpisodes}), it hidden: estimator ${show(report.timelineSingle)}; word interpolation ${show(report.wordsSingle)}`,
  );
  console.log(`all hidden, ${report.allHiddenEpisodes} episodes:`);
  console.log(
    `  without the duration: estimator ${show(report.allHidden)} (held out ${show(report.allHiddenHeldOut)}); word interpolation ${show(report.allHiddenWords)}`,
  );
  console.log(
    `  with the duration: estimator ${show(report.allHiddenWithDuration)} (held out ${show(report.allHiddenWithDurationHeldOut)}); word interpolation ${show(report.allHiddenWithDurationWords)}`,
  );
  console.log(show(report.timeline));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
