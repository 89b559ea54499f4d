/**
 * Looking an episode up in the bundle, from the content script and the popup alike: whether it
 * is bundled (its show's slug list), then its one record, checked and decoded; anything wrong
 * comes back as `corrupt`, never as an exception.
 */

import type { EpisodeParts } from '../model/episode';
import type { EpisodeRef } from '../site/urls';
import { type BundleReader, CorruptRecordError, unpackJson } from './package-file';
import { decodeRecord, recordPath } from './record';
import { decodeShowList, showListPath } from './show-list';

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
 * {@link isBundled}, or the catalog). Never throws: problems come back as `corrupt`.
 */
export async function lookupEpisode(read: BundleReader, ref: EpisodeRef, listed: boolean | Promise<boolean>): Promise<RecordLookup> {
  try {
    if (!(await listed)) return { status: 'absent' };
    const bytes = await read(recordPath(ref));
    if (!bytes) return { status: 'corrupt', reason: `${recordPath(ref)} is listed in the bundle but missing` };
    const parts = decodeRecord(unpackJson(bytes));
    if (parts.podcast !== ref.podcast || parts.slug !== ref.slug) {
      return { status: 'corrupt', reason: `${recordPath(ref)} holds ${parts.podcast}/${parts.slug}` };
    }
    return { status: 'found', parts, items: parts.items.length };
  } catch (error) {
    if (error instanceof CorruptRecordError) return { status: 'corrupt', reason: error.message };
    return { status: 'corrupt', reason: `could not read ${recordPath(ref)}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
