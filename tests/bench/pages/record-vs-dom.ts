/**
 * Runs in a plain Chromium page showing an episode fixture (bundled by the benchmark, never
 * shipped): loading a bundled record against parsing the page's own DOM.
 */
import { unpackJson } from '@/lib/archive/package-file';
import { decodeRecord } from '@/lib/archive/record';
import { parseEpisodePage } from '@/lib/site/page';
import type { EpisodeRef } from '@/lib/site/urls';

declare global {
  interface Window {
    bench: {
      record: (url: string, runs: number) => Promise<number[]>;
      dom: (ref: EpisodeRef, runs: number) => number[];
      heldRecord?: unknown;
      heldPage?: unknown;
    };
  }
}

window.bench = {
  async record(url, runs) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const response = await fetch(url, { cache: 'no-store' });
      const parts = decodeRecord(unpackJson(new Uint8Array(await response.arrayBuffer())));
      times.push(performance.now() - started);
      window.bench.heldRecord = parts;
    }
    return times;
  },
  dom(ref, runs) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const parsed = parseEpisodePage(document, ref, location.href);
      times.push(performance.now() - started);
      window.bench.heldPage = parsed;
    }
    return times;
  },
};
