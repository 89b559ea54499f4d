/**
 * Runs in a plain Chromium page (bundled by the benchmark, never shipped): the any-site reader on
 * the page it is loaded into, timed, and a naive peer (a `Name:` regex over the page's text).
 */
import { readTranscriptPage } from '@/lib/any-site/read-page';
import type { ParsedItem } from '@/lib/model/episode';

declare global {
  interface Window {
    anySite: {
      /** Times `runs` readings of the page; the items of the last one. */
      read: (runs: number) => { times: number[]; items: ParsedItem[] | null };
      /** The naive peer: every line of the page's text that reads `Name: words`, as a turn. */
      naive: (runs: number) => { times: number[]; items: ParsedItem[] | null };
      /** The page's own HTML parse: response end to DOMContentLoaded. */
      pageParse: () => number;
    };
  }
}

const NAIVE_TURN = /^([A-Z][\w.'’ -]{0,40}?):\s+(\S.*)$/;

function naiveItems(): ParsedItem[] | null {
  const items: ParsedItem[] = [];
  // biome-ignore lint/performance/useDomNodeTextContent: the peer wants the page's lines as laid out, which only innerText gives.
  for (const line of document.body.innerText.split('\n')) {
    const match = NAIVE_TURN.exec(line.trim());
    if (!match) continue;
    const speaker = match[1] as string;
    items.push({
      index: items.length,
      label: speaker,
      speaker,
      kind: 'speech',
      paragraphs: [[{ kind: 'text', text: match[2] as string }]],
    });
  }
  return items.length > 0 ? items : null;
}

function timed<T>(runs: number, work: () => T): { times: number[]; last: T } {
  const times: number[] = [];
  let last = work();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = work();
    times.push(performance.now() - started);
  }
  return { times, last };
}

window.anySite = {
  read(runs) {
    const { times, last } = timed(runs, () => readTranscriptPage(document, location.href));
    return { times, items: last?.parts.items ?? null };
  },
  naive(runs) {
    const { times, last } = timed(runs, naiveItems);
    return { times, items: last };
  },
  pageParse() {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return navigation ? navigation.domContentLoadedEventEnd - navigation.responseEnd : Number.NaN;
  },
};
