/**
 * Seek accuracy: the start estimator (lib/model/timing.ts) beside word interpolation, both by the
 * leave-one-out evaluation of tests/bench/timing-eval.ts over every explicit timestamp of the
 * archive, in the same run.
 */
import { CORPUS_DIR, hasCorpus } from '../support/shared';
import type { BenchGroup } from './report';
import { loadEpisodes, timingReport } from './timing-eval';

export function timingBench(): BenchGroup | null {
  if (!hasCorpus) return null;
  const episodes = loadEpisodes(CORPUS_DIR);
  const report = timingReport(episodes);
  const peer = 'word interpolation between the timestamps';
  return {
    title: 'Where a seek lands',
    method:
      `Every explicit timestamp of the ${episodes.length} transcripts (${report.timeline.count}) is hidden in turn and estimated from the ` +
      "others, by the extension's estimator (speakers' measured rates, the intro and ad breaks as gaps, the longest consistent run " +
      "of timestamps) and by plain word interpolation. Errors in seconds, absolute. The estimator's constants were fitted on " +
      'even-numbered episodes only (`npm run timing-eval -- --fit`); the "held out" rows are the odd-numbered and unnumbered ones. ' +
      `"All hidden": every timestamp of an episode hidden at once, as if it had none (${report.allHiddenEpisodes} episodes with two or more), ` +
      "estimated from the words alone, and again with the episode's duration as the end. The archive has no durations: the stand-in is " +
      'the last timestamp plus what is said after it at the pace up to it, in whole minutes as the page shows it; that last timestamp ' +
      `is left out of both lines. "Single timestamp": the ${report.singleEpisodes} episodes with one, hidden (no duration).`,
    rows: [
      {
        subject: 'median error, whole archive',
        value: report.timeline.median,
        unit: 's',
        peer,
        peerValue: report.words.median,
        target: '≤ 5 s',
        meets: report.timeline.median <= 5,
      },
      {
        subject: 'p90 error, whole archive',
        value: report.timeline.p90,
        unit: 's',
        peer,
        peerValue: report.words.p90,
        target: '≤ 18 s',
        meets: report.timeline.p90 <= 18,
      },
      {
        subject: 'median error, held-out episodes',
        value: report.timelineHeldOut.median,
        unit: 's',
        peer,
        peerValue: report.wordsHeldOut.median,
        target: '≤ 8 s',
        meets: report.timelineHeldOut.median <= 8,
      },
      {
        subject: 'p90 error, held-out episodes',
        value: report.timelineHeldOut.p90,
        unit: 's',
        peer,
        peerValue: report.wordsHeldOut.p90,
        target: '≤ 35 s',
        meets: report.timelineHeldOut.p90 <= 35,
      },
      {
        subject: 'median error, all hidden, without the duration',
        value: report.allHidden.median,
        unit: 's',
        peer,
        peerValue: report.allHiddenWords.median,
      },
      {
        subject: 'p90 error, all hidden, without the duration',
        value: report.allHidden.p90,
        unit: 's',
        peer,
        peerValue: report.allHiddenWords.p90,
      },
      {
        subject: 'median error, all hidden, with the duration',
        value: report.allHiddenWithDuration.median,
        unit: 's',
        peer: `${peer}, ending at the duration`,
        peerValue: report.allHiddenWithDurationWords.median,
      },
      {
        subject: 'p90 error, all hidden, with the duration',
        value: report.allHiddenWithDuration.p90,
        unit: 's',
        peer: `${peer}, ending at the duration`,
        peerValue: report.allHiddenWithDurationWords.p90,
      },
      {
        subject: 'median error, episodes with a single timestamp',
        value: report.timelineSingle.median,
        unit: 's',
        peer,
        peerValue: report.wordsSingle.median,
      },
      {
        subject: 'p90 error, episodes with a single timestamp',
        value: report.timelineSingle.p90,
        unit: 's',
        peer,
        peerValue: report.wordsSingle.p90,
      },
    ],
  };
}
