/**
 * What a query handed over by a page can cost: issue 24 measured a 197-character query of common
 * words at 8.6 s and about 470 MB of heap in Node before the engine bounded a query's words and
 * work (`lib/archive/query-limits.ts`). Measured here in Node on the built index, beside the
 * ordinary queries of the same run.
 */
import { ArchiveSearchEngine } from '@/lib/archive/engine';
import type { BundleReader } from '@/lib/archive/package-file';
import { median } from './browser';
import type { BenchRow } from './report';

/** 197 characters of the archive's commonest words, as a page could set the panel's query to. */
export const HOSTILE_QUERY = (
  'yeah so i think that the thing is like you know we were just kind of saying that it is really ' +
  'about what people do and how they think about it and then they just go and do the thing right so we all'
).slice(0, 197);

interface Run {
  ms: number;
  bytes: number;
  heapMB: number;
}

/** One query on a fresh engine (nothing cached): time to its complete answer, bytes read, heap growth. */
async function measure(read: BundleReader, query: string): Promise<Run> {
  let bytes = 0;
  const counting: BundleReader = async (path) => {
    const found = await read(path);
    bytes += found?.length ?? 0;
    return found;
  };
  const engine = new ArchiveSearchEngine(counting);
  await engine.index.load();
  const loaded = bytes;
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  await engine.search(query);
  const ms = performance.now() - started;
  return { ms, bytes: bytes - loaded, heapMB: (process.memoryUsage().heapUsed - heapBefore) / 1e6 };
}

/** The hostile query beside the median of `ordinary` queries, each on a fresh engine. */
export async function hostileQueryRows(read: BundleReader, ordinary: readonly string[]): Promise<BenchRow[]> {
  const peers: Run[] = [];
  for (const query of ordinary) peers.push(await measure(read, query));
  const hostile = await measure(read, HOSTILE_QUERY);
  const note = `${HOSTILE_QUERY.length} characters of common words; heap growth ${hostile.heapMB.toFixed(0)} MB beside ${median(peers.map((run) => run.heapMB)).toFixed(0)} MB${globalThis.gc ? '' : ' (rough: run without --expose-gc)'}`;
  return [
    {
      subject: 'a hostile query of common words, in Node: time to its complete answer (fresh engine, index loaded)',
      value: hostile.ms,
      unit: 'ms',
      peer: `ordinary queries (median of ${ordinary.length})`,
      peerValue: median(peers.map((run) => run.ms)),
      note,
    },
    {
      subject: 'a hostile query of common words: bytes read (shards and record chunks)',
      value: hostile.bytes / 1e6,
      unit: 'MB',
      peer: `ordinary queries (median of ${ordinary.length})`,
      peerValue: median(peers.map((run) => run.bytes)) / 1e6,
      target: '≤ 2 MB per query',
      meets: hostile.bytes <= 2e6,
    },
  ];
}
