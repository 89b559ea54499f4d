/**
 * Runs in a plain Chromium page (bundled by the benchmark, never shipped): the archive search
 * engine reading the bundle over fetch, counting every byte, and its peer, one MiniSearch index
 * over whole episodes loaded from a single JSON file.
 */
import MiniSearch from 'minisearch';
import { ArchiveSearchEngine } from '@/lib/archive/engine';
import { MONOLITH_OPTIONS } from '../monolith-options';

declare global {
  interface Window {
    archive: {
      bytes: number;
      query: (text: string) => Promise<{ ms: number; bytes: number; hits: number; top: string[] }>;
    };
    monolith: {
      load: (url: string) => Promise<{ ms: number; bytes: number }>;
      query: (text: string) => { ms: number; top: string[] };
    };
    heap: () => number;
  }
}

const counted = async (path: string) => {
  const response = await fetch(`/__bundle/${path}`);
  if (!response.ok) return null;
  const bytes = new Uint8Array(await response.arrayBuffer());
  window.archive.bytes += bytes.length;
  return bytes;
};
const engine = new ArchiveSearchEngine(counted);

window.archive = {
  bytes: 0,
  async query(text) {
    const before = window.archive.bytes;
    const started = performance.now();
    const answer = await engine.search(text, {}, 10);
    return {
      ms: performance.now() - started,
      bytes: window.archive.bytes - before,
      hits: answer.totalHits,
      top: answer.episodes.map((episode) => `${episode.podcast}/${episode.slug}`),
    };
  },
};

let monolith: MiniSearch | null = null;
window.monolith = {
  async load(url) {
    const started = performance.now();
    const text = await (await fetch(url)).text();
    monolith = MiniSearch.loadJSON(text, MONOLITH_OPTIONS);
    return { ms: performance.now() - started, bytes: text.length };
  },
  query(text) {
    const started = performance.now();
    const results = monolith?.search(text) ?? [];
    return { ms: performance.now() - started, top: results.slice(0, 10).map((result) => String(result.id)) };
  },
};

window.heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? Number.NaN;
