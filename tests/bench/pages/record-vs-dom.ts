/**
 * Runs in a plain Chromium page showing an episode fixture (bundled by the benchmark, never
 * shipped): loading a bundled record against parsing the page's own DOM.
 */
import { lookupEpisode } from '@/lib/archive/lookup';
import { fetchReader } from '@/lib/archive/package-file';
import { parseEpisodePage } from '@/lib/site/page';
import type { EpisodeRef } from '@/lib/site/urls';

declare global {
  interface Window {
    bench: {
      record: (base: string, ref: EpisodeRef, runs: number) => Promise<number[]>;
      dom: (ref: EpisodeRef, runs: number) => number[];
      heldRecord?: unknown;
      heldPage?: unknown;
    };
  }
}

window.bench = {
  async record(base, ref, runs) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      // As the panel reads it: the dictionary, the head, then every chunk at once.
      const read = fetchReader((path) => `${base}${path}`);
      const found = await lookupEpisode(read, ref, true);
      if (found.status !== 'found') throw new Error(`the record did not load: ${found.status}`);
      times.push(performance.now() - started);
      window.bench.heldRecord = found.parts;
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
