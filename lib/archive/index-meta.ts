/**
 * `meta.bin` of the archive index: JSON (gzip-compressed in the package) with the indexed
 * episodes in document order, what ranking needs of each (its length in words) and what the
 * phrase check needs (where its record's chunks start), the speakers and item labels, and totals.
 */

import { ARCHIVE_DIR, ARCHIVE_INDEX_VERSION } from './index-format';
import { CorruptRecordError } from './package-file';
import { isChunkStarts } from './record';

export const META_FILE = `${ARCHIVE_DIR}/meta.bin`;

/** The episodes of the index in document order: [podcast, slug, number or null, first doc, items]. */
export type MetaEpisode = [string, string, number | null, number, number];

export interface ArchiveMeta {
  v: number;
  totalDocs: number;
  /** Mean item length in words. */
  averageLength: number;
  episodes: MetaEpisode[];
  /** Words said in each episode (the sum of its items' lengths), for ranking episodes by aboutness. */
  episodeWords: number[];
  /** Where each episode's record chunks start (their first items), so a query reads only the chunk it needs. */
  chunkStarts: number[][];
  /** Speaker names as written, with their turns across the archive, most turns first. */
  speakers: [string, number][];
  /** Every item label (speaker names, `Break`, …); `docs.bin` points into this list. */
  labels: string[];
  /** Whether a label names a speaker (false for `Break`, `Jingle`, `Unknown`, …). */
  speaking: boolean[];
}

/** The metadata → the bytes of `meta.bin` (before compression). */
export function encodeMeta(meta: ArchiveMeta): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(meta));
}

/** `meta.bin`'s JSON value → the metadata; throws {@link CorruptRecordError} for another version or shape. */
export function decodeMeta(value: unknown): ArchiveMeta {
  const meta = value as ArchiveMeta;
  if (meta?.v !== ARCHIVE_INDEX_VERSION || !Array.isArray(meta.episodes))
    throw new CorruptRecordError('the archive index metadata is not this version');
  if (!Array.isArray(meta.episodeWords) || meta.episodeWords.length !== meta.episodes.length)
    throw new CorruptRecordError('the archive index metadata has no episode lengths');
  if (
    !Array.isArray(meta.chunkStarts) ||
    meta.chunkStarts.length !== meta.episodes.length ||
    !meta.chunkStarts.every((starts, at) => isChunkStarts(starts, (meta.episodes[at] as MetaEpisode)[4]))
  )
    throw new CorruptRecordError("the archive index metadata does not say where the records' chunks start");
  return meta;
}

/** Each document's episode (its position in `meta.episodes`). */
export function episodesOfDocs(meta: ArchiveMeta): Uint32Array {
  const of = new Uint32Array(meta.totalDocs);
  meta.episodes.forEach((episode, at) => {
    of.fill(at, Math.min(episode[3], of.length), Math.min(episode[3] + episode[4], of.length));
  });
  return of;
}
