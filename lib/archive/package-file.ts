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
      if (!response.ok) return null;
      // Our own copy: in Firefox's MV3 content scripts, fetch hands over the page's buffer, whose
      // properties (fflate reads `constructor`) a content script is denied.
      const fetched = new Uint8Array(await response.arrayBuffer());
      const bytes = new Uint8Array(fetched.length);
      bytes.set(fetched);
      return bytes;
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

/**
 * How much larger than its gzip stream a bundle file may be: the archive's files inflate at most
 * 4.2 times (search shards; records about 3), so 64 leaves room for any real file and none for a
 * forged size that would make the reader allocate far more than the file holds.
 */
export const MAX_INFLATION = 64;
/** And no bundle file inflates beyond this at all (the largest real one is under 1 MB). */
export const MAX_INFLATED_BYTES = 64 << 20;

/**
 * gzip bytes → the bytes inside; throws {@link CorruptRecordError} on anything else. The size the
 * stream declares (its last four bytes, which the decoder allocates by) is checked first.
 */
export function gunzip(bytes: Uint8Array, what: string): Uint8Array {
  if (bytes.length < 18 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw new CorruptRecordError(`${what} is not a gzip stream`);
  const end = bytes.length;
  const declared =
    ((bytes[end - 4] as number) |
      ((bytes[end - 3] as number) << 8) |
      ((bytes[end - 2] as number) << 16) |
      ((bytes[end - 1] as number) << 24)) >>>
    0;
  if (declared > MAX_INFLATED_BYTES || declared > bytes.length * MAX_INFLATION) {
    throw new CorruptRecordError(`${what} declares ${declared} bytes from ${bytes.length}: more than any bundle file inflates to`);
  }
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
    text = new TextDecoder('utf-8', { fatal: true }).decode(gunzip(bytes, 'a bundle file'));
  } catch (error) {
    if (error instanceof CorruptRecordError) throw error;
    throw new CorruptRecordError(`not a gzip stream of UTF-8 text (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CorruptRecordError('not JSON');
  }
}
