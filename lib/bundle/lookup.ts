/**
 * Reading the bundled index at run time, from the content script and the popup alike: whether
 * an episode is bundled (its show's slug list), then its one record; the catalog for listings. Where the bytes come from is the
 * caller's business ({@link BundleReader}); here they are checked, decompressed and decoded,
 * and anything wrong becomes a {@link CorruptRecordError}.
 */
import { gunzipSync } from 'fflate';
import type { EpisodeRef } from '../changelog/urls';
import type { EpisodeParts } from '../episode';
import { CATALOG_FILE, type Catalog, CatalogIndex, decodeCatalog, decodeShowList, recordPath, showListPath } from './catalog';
import { CorruptRecordError, decodeRecord } from './record';

/** Reads a file of the extension package; null when it is not there. */
export type BundleReader = (path: string) => Promise<Uint8Array | null>;

/**
 * A {@link BundleReader} over fetch, for the extension's pages and content script: `urlOf` turns
 * a package path into its URL (`browser.runtime.getURL`). A failed or refused read is null.
 */
export function fetchReader(urlOf: (path: string) => string): BundleReader {
  return async (path) => {
    try {
      const response = await fetch(urlOf(path));
      return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
    } catch {
      return null;
    }
  };
}

/** gzip bytes → the JSON value inside; throws {@link CorruptRecordError} on anything else. */
export function unpackJson(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(gunzipSync(bytes));
  } catch (error) {
    throw new CorruptRecordError(`not a gzip stream of UTF-8 text (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CorruptRecordError('not JSON');
  }
}

/** The catalog, or null when the package has none. */
export async function loadCatalog(read: BundleReader): Promise<CatalogIndex | null> {
  const bytes = await read(CATALOG_FILE);
  if (!bytes) return null;
  return new CatalogIndex(decodeCatalog(unpackJson(bytes)));
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

export type { Catalog };
