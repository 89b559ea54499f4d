/**
 * An episode's record the way the extension reads it: encoded, packed against a dictionary into a
 * head and chunk files, and looked up through a {@link BundleReader} (lookupEpisode), so record
 * tests go through the real path rather than a decoder of their own.
 */
import { deflateSync } from 'node:zlib';
import { lookupEpisode } from '@/lib/archive/lookup';
import type { BundleReader } from '@/lib/archive/package-file';
import { packJson, RECORDS_DICTIONARY, type ZlibCompressor } from '@/lib/archive/packed-json';
import { chunkPath, type EncodedRecord, encodeRecord, recordPath } from '@/lib/archive/record';
import type { EpisodeParts } from '@/lib/model/episode';

/** Our own words, as the records' preset dictionary (the build draws the real one from the archive). */
const DICTIONARY = new TextEncoder().encode('"v":2,"first":0,"labels":["Break","Jerod Santo"],"items":[[0,"so');
/** Node's zlib at its fastest: a test packs many records, and the level changes no byte read back. */
const fastZlib: ZlibCompressor = (bytes, dictionary) => deflateSync(bytes, { level: 1, dictionary });

/** A reader of a bundle holding only `record` (as encoded, or damaged on purpose), for `ref`. */
export function recordReader(
  ref: { podcast: string; slug: string },
  record: EncodedRecord | { head: unknown; chunks: unknown[] },
): BundleReader {
  const files = new Map<string, Uint8Array>([[RECORDS_DICTIONARY, DICTIONARY]]);
  files.set(recordPath(ref), packJson(record.head, DICTIONARY, fastZlib));
  record.chunks.forEach((chunk, k) => {
    files.set(chunkPath(ref, k), packJson(chunk, DICTIONARY, fastZlib));
  });
  return async (path) => files.get(path) ?? null;
}

/** `parts` written as a record and read back as the extension would; throws with the reason when it is corrupt. */
export async function throughBundle(parts: EpisodeParts): Promise<EpisodeParts> {
  const found = await lookupEpisode(recordReader(parts, encodeRecord(parts)), parts, true);
  if (found.status !== 'found') throw new Error(found.status === 'corrupt' ? found.reason : 'absent');
  return found.parts;
}
