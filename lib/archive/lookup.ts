/**
 * Looking an episode up in the bundle, from the content script and the popup alike: whether it
 * is bundled (its show's slug list), then its record's head and chunks, checked and decoded;
 * anything wrong comes back as `corrupt`, never as an exception. {@link RecordFiles} reads the
 * record's files for both this and the archive search.
 */

import type { EpisodeParts, ParsedItem } from '../model/episode';
import type { EpisodeRef } from '../site/urls';
import { type BundleReader, CorruptRecordError } from './package-file';
import { RECORDS_DICTIONARY, unpackJsonWith } from './packed-json';
import {
  type ChunkPlace,
  chunkItemReader,
  chunkPath,
  chunkPlace,
  decodeChunk,
  decodeHead,
  type ItemReader,
  partsOfRecord,
  type RecordHead,
  recordPath,
} from './record';
import { decodeShowList, showListPath } from './show-list';

/**
 * The record files of one bundle: the dictionary they are packed with (read once), heads and
 * chunks. A missing file is null; a damaged one throws {@link CorruptRecordError}.
 */
export class RecordFiles {
  /** Bytes read so far, as stored (compressed). */
  bytesRead = 0;
  private dictionary: Promise<Uint8Array> | undefined;

  constructor(private readonly read: BundleReader) {}

  private readDictionary(): Promise<Uint8Array> {
    if (this.dictionary) return this.dictionary;
    const reading = this.read(RECORDS_DICTIONARY).then((bytes) => {
      if (!bytes) throw new CorruptRecordError(`${RECORDS_DICTIONARY} is missing`);
      this.bytesRead += bytes.length;
      return bytes;
    });
    // A failed read is not kept: the next look-up tries again.
    reading.catch(() => {
      if (this.dictionary === reading) this.dictionary = undefined;
    });
    this.dictionary = reading;
    return reading;
  }

  private async value(path: string): Promise<unknown | null> {
    const [bytes, dictionary] = await Promise.all([this.read(path), this.readDictionary()]);
    if (!bytes) return null;
    this.bytesRead += bytes.length;
    return unpackJsonWith(bytes, dictionary, path);
  }

  async head(ref: EpisodeRef): Promise<RecordHead | null> {
    const value = await this.value(recordPath(ref));
    if (value === null) return null;
    const head = decodeHead(value);
    if (head.podcast !== ref.podcast || head.slug !== ref.slug) {
      throw new CorruptRecordError(`${recordPath(ref)} holds ${head.podcast}/${head.slug}`);
    }
    return head;
  }

  async chunk(ref: EpisodeRef, place: ChunkPlace): Promise<ItemReader | null> {
    const value = await this.value(chunkPath(ref, place.chunk));
    return value === null ? null : chunkItemReader(value, place);
  }

  async chunkItems(ref: EpisodeRef, place: ChunkPlace): Promise<ParsedItem[] | null> {
    const value = await this.value(chunkPath(ref, place.chunk));
    return value === null ? null : decodeChunk(value, place);
  }
}

/** What the bundle says about one episode. */
export type RecordLookup =
  | { status: 'found'; parts: EpisodeParts; items: number }
  /** The bundle was built before this episode (or without its show). */
  | { status: 'absent' }
  /** The record is there but unreadable; `reason` says why, for the one warning logged. */
  | { status: 'corrupt'; reason: string };

/**
 * Whether the bundle has an episode, from its show's slug list. A missing list means the bundle
 * has no episode of that show; an unreadable one is corrupt.
 */
export async function isBundled(read: BundleReader, ref: EpisodeRef): Promise<boolean> {
  const bytes = await read(showListPath(ref.podcast));
  if (!bytes) return false;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new CorruptRecordError(`${showListPath(ref.podcast)} is not JSON`);
  }
  return decodeShowList(value).has(ref.slug);
}

/**
 * Loads and decodes an episode's record when the bundle lists it (`listed`: from
 * {@link isBundled}, perhaps already under way). Never throws: problems come back as `corrupt`.
 */
export async function lookupEpisode(read: BundleReader, ref: EpisodeRef, listed: boolean | Promise<boolean>): Promise<RecordLookup> {
  try {
    if (!(await listed)) return { status: 'absent' };
    const files = new RecordFiles(read);
    const head = await files.head(ref);
    if (!head) return { status: 'corrupt', reason: `${recordPath(ref)} is listed in the bundle but missing` };
    const chunks = await Promise.all(
      head.chunks.map(async (_, k) => {
        const items = await files.chunkItems(ref, chunkPlace(head.chunks, head.items, k));
        if (!items) throw new CorruptRecordError(`${chunkPath(ref, k)} is missing`);
        return items;
      }),
    );
    const parts = partsOfRecord(head, chunks);
    return { status: 'found', parts, items: parts.items.length };
  } catch (error) {
    if (error instanceof CorruptRecordError) return { status: 'corrupt', reason: error.message };
    return { status: 'corrupt', reason: `could not read ${recordPath(ref)}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
