/**
 * `data/shows/PODCAST.json`: the slugs of one show the bundle has, as a plain JSON array (a few
 * hundred bytes, not compressed). The content script reads it to know whether to fetch a record,
 * since fetching a file the package lacks logs an error in the console.
 */
import { BUNDLE_DIR, CorruptRecordError } from './package-file';

export function showListPath(podcast: string): string {
  return `${BUNDLE_DIR}/shows/${podcast}.json`;
}

export function encodeShowList(slugs: readonly string[]): string {
  return JSON.stringify(slugs);
}

/** The slugs a show list file holds; throws on anything that is not one. */
export function decodeShowList(value: unknown): Set<string> {
  if (!Array.isArray(value) || !value.every((slug) => typeof slug === 'string')) {
    throw new CorruptRecordError('corrupt show list: not an array of slugs');
  }
  return new Set(value);
}
