/**
 * Reads files of the bundled index out of the extension package (web-accessible to
 * changelog.com only). The content script starts reading the episode's record (its head, and the
 * dictionary it is packed with) while the panel's module is still loading; the panel then picks up
 * those reads instead of starting its own, and reads the chunks the head lists.
 */
import { browser } from 'wxt/browser';
import { isBundled } from '@/lib/archive/lookup';
import { type BundleReader, packageReader } from '@/lib/archive/package-file';
import { RECORDS_DICTIONARY } from '@/lib/archive/packed-json';
import { recordPath } from '@/lib/archive/record';
import type { EpisodeRef } from '@/lib/site/urls';

/** What the content script started reading before the panel's module arrived. */
export interface Prefetched {
  /** Whether the bundle has the episode (its show's slug list); rejects if the list is corrupt. */
  listed: Promise<boolean>;
  /** Started reads, by path. */
  files: ReadonlyMap<string, Promise<Uint8Array | null>>;
}

/** Reads one file of the package; null when it is missing or unreadable. */
export const readPackageFile = packageReader((path) => browser.runtime.getURL(path));

/** A reader that serves started reads first. */
export function bundleReader(files: Prefetched['files'] = new Map()): BundleReader {
  return (path) => files.get(path) ?? readPackageFile(path);
}

/** Starts reading what the panel will need for `ref`: its show's slug list, then its record's head. */
export function prefetchEpisode(ref: EpisodeRef): Prefetched {
  const listed = isBundled(readPackageFile, ref);
  const whenListed = (path: string) =>
    listed.then(
      (yes) => (yes ? readPackageFile(path) : null),
      () => null,
    );
  return { listed, files: new Map([recordPath(ref), RECORDS_DICTIONARY].map((path) => [path, whenListed(path)])) };
}
