/**
 * The bundle inside the extension package, as every reader of it sees it: where its files live,
 * how a file is read ({@link BundleReader}: fetch in the extension, the file system in tests), and
 * the gzip-and-JSON layer most of its files share. Anything that is not what it claims to be
 * becomes a {@link CorruptRecordError}.
 */
import { gunzipSync } from 'fflate';

/** Where the bundle's files live inside the extension package. */
export const BUNDLE_DIR = 'data';

/** Thrown for any bundle file this version cannot read. */
export class CorruptRecordError extends Error {
  override name = 'CorruptRecordError';
}

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

/**
 * The {@link BundleReader} of the installed extension: `getURL` is `browser.runtime.getURL`, which
 * takes package paths from the root (`/data/…`).
 */
export function packageReader(getURL: (path: `/${typeof BUNDLE_DIR}/${string}`) => string): BundleReader {
  return fetchReader((path) => getURL(`/${path}` as `/${typeof BUNDLE_DIR}/${string}`));
}

/** gzip bytes → the bytes inside; throws {@link CorruptRecordError} on anything else. */
export function gunzip(bytes: Uint8Array, what: string): Uint8Array {
  try {
    return gunzipSync(bytes);
  } catch (error) {
    throw new CorruptRecordError(`${what} is not a gzip stream (${error instanceof Error ? error.message : String(error)})`);
  }
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
