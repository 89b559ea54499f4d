/**
 * `npm run timing-eval -- [--corpus DIR] [--fit]`: how far the start estimator lands from the
 * transcripts' own timestamps. Every explicit timestamp of every transcript is hidden in turn and
 * estimated from the others (leave-one-out), by the extension's estimator (lib/model/timing.ts) and by
 * plain word interpolation (the estimator before it), in the same run.
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
import { TIMING_MODEL, type TimedItem, Timeline } from '../../lib/model/timing';
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

/** The peer: word interpolation between the timestamps (0 at the start), as the extension had it. */
function interpolateByWords(items: readonly Words[]): (item: number, word: number) => number {
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
  const end = points[points.length - 1] as { word: number; seconds: number };
  // The rate the extension used past the last timestamp without a measurement: 2.6 words a second.
  const rate = points.length > 1 && end.seconds >= 60 && end.word > 0 ? end.word / end.seconds : 2.6;
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

export type Estimator = 'timeline' | 'words';

/** Leave-one-out errors over every explicit timestamp of the episodes. */
export function leaveOneOut(episodes: readonly EvalEpisode[], estimator: Estimator, model = TIMING_MODEL): Sample[] {
  const samples: Sample[] = [];
  for (const episode of episodes) {
    const { items, words } = episode;
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
        const atBreak = item.isBreak || (item.breaks ?? []).includes(anchor.before);
        const place: Place = atBreak ? 'a break' : anchor.before > 0 ? 'inside an item' : 'at an item';
        samples.push({ error: Math.abs(estimate - anchor.seconds), even: episode.even, place });
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

/** The score the fit minimizes: median plus p90 on the fitting set, both matter to a listener. */
function cost(episodes: readonly EvalEpisode[], model: typeof TIMING_MODEL): number {
  const f = figures(leaveOneOut(episodes, 'timeline', model));
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
    speakerPrior: [0.25, 0.5, 1, 2, 4, 8, 1000],
  };
  let model = { ...TIMING_MODEL };
  let best = cost(episodes, model);
  for (let round = 0; round < 2; round++) {
    for (const key of Object.keys(grids) as (keyof typeof TIMING_MODEL)[]) {
      for (const value of grids[key]) {
        if (value === model[key]) continue;
        const trial = { ...model, [key]: value };
        const score = cost(episodes, trial);
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
  return {
    timeline: figures(timeline),
    words: figures(words),
    timelineHeldOut: figures(heldOut(timeline)),
    wordsHeldOut: figures(heldOut(words)),
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
  console.log(show(report.timeline));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
