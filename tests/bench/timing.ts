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
      'even-numbered episodes only (`npm run timing-eval -- --fit`); the "held out" rows are the odd-numbered and unnumbered ones.',
    rows: [
      {
        subject: 'median error, whole archive',
        value: report.timeline.median,
        unit: 's',
        peer,
        peerValue: report.words.median,
        target: '≤ 8 s (aim ≤ 5 s)',
        meets: report.timeline.median <= 8,
      },
      {
        subject: 'p90 error, whole archive',
        value: report.timeline.p90,
        unit: 's',
        peer,
        peerValue: report.words.p90,
        target: '≤ 35 s (aim ≤ 25 s)',
        meets: report.timeline.p90 <= 35,
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
    ],
  };
}
