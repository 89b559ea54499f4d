/**
 * User Timing marks that let `npm run bench` time the content script from the page's own
 * timeline. Only benchmark builds (`wxt build --mode bench`) leave them: in every other build
 * this is a constant false and the marks are compiled out, so a page learns nothing of the
 * extension from its performance timeline.
 */
const BENCHMARK_BUILD = import.meta.env.MODE === 'bench';

export type TimingMark = 'start' | 'idle' | 'interactive';

export function markTiming(name: TimingMark): void {
  if (BENCHMARK_BUILD) performance.mark(`changelog-transcripts:${name}`);
}
