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
 * Refuses a size a file declares for what it inflates to (which its decoder allocates by) when
 * no bundle file of `stored` bytes inflates to that much.
 */
export function checkInflatedSize(declared: number, stored: number, what: string): void {
  if (declared > MAX_INFLATED_BYTES || declared > stored * MAX_INFLATION) {
    throw new CorruptRecordError(`${what} declares ${declared} bytes from ${stored}: more than any bundle file inflates to`);
  }
}

/** A little-endian uint32 of a gzip trailer. */
function uint32At(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16) | ((bytes[at + 3] as number) << 24)) >>> 0
  );
}

/** The size a gzip stream declares (its last four bytes), checked by {@link checkInflatedSize}. */
function declaredSize(bytes: Uint8Array, what: string): number {
  if (bytes.length < 18 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw new CorruptRecordError(`${what} is not a gzip stream`);
  const declared = uint32At(bytes, bytes.length - 4);
  checkInflatedSize(declared, bytes.length, what);
  return declared;
}

function notGzip(what: string, error: unknown): CorruptRecordError {
  return new CorruptRecordError(`${what} is not a gzip stream (${error instanceof Error ? error.message : String(error)})`);
}

/** CRC-32's table (the polynomial 0xEDB88320, reflected), one entry per byte value. */
const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, byte) => {
  let crc = byte;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc;
});

/** CRC-32 (ISO 3309), the checksum a gzip stream's trailer holds (RFC 1952, section 8). */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = (CRC_TABLE[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * gzip bytes → the bytes inside (fflate, synchronous); throws {@link CorruptRecordError} on anything
 * else. fflate inflates into the size the stream declares and checks neither its length nor its
 * CRC, so both are checked here (the browser's zlib in {@link gunzipNative} checks them itself).
 */
export function gunzip(bytes: Uint8Array, what: string): Uint8Array {
  const declared = declaredSize(bytes, what);
  let inflated: Uint8Array;
  try {
    inflated = gunzipSync(bytes);
  } catch (error) {
    throw notGzip(what, error);
  }
  // A stream that inflates to more than declared is cut at the size, so the CRC catches it.
  if (inflated.length !== declared || crc32(inflated) !== uint32At(bytes, bytes.length - 8)) {
    throw notGzip(what, new Error('it does not inflate to what it declares'));
  }
  return inflated;
}

/**
 * Files that inflate to at least this go through the browser's zlib ({@link gunzipNative}): below
 * it, fflate's inflating (under a millisecond for a search shard) costs less than a stream's
 * asynchronous steps (a few).
 */
const NATIVE_FROM_BYTES = 256 << 10;

/**
 * {@link gunzip} by the browser's own zlib (`DecompressionStream`) for a large file, where there
 * is one: a fresh popup inflates its 1.9 MB of index in about a quarter of the time fflate takes
 * before it is compiled. The stream may not pass the size it declares, and must end there.
 */
export async function gunzipNative(bytes: Uint8Array, what: string): Promise<Uint8Array> {
  const declared = declaredSize(bytes, what);
  if (declared < NATIVE_FROM_BYTES || typeof DecompressionStream !== 'function') return gunzip(bytes, what);
  const inflated = new Uint8Array(declared);
  let length = 0;
  try {
    const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (length + value.length > declared) {
        void reader.cancel().catch(() => {});
        throw new Error('longer than it declares');
      }
      inflated.set(value, length);
      length += value.length;
    }
  } catch (error) {
    throw notGzip(what, error);
  }
  if (length !== declared) throw notGzip(what, new Error('shorter than it declares'));
  return inflated;
}

/** UTF-8 JSON bytes → the value; throws {@link CorruptRecordError} on anything else. */
export function parseJson(inflated: Uint8Array, what: string): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    throw new CorruptRecordError(`${what} is not UTF-8 text`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CorruptRecordError(`${what} is not JSON`);
  }
}

/** gzip bytes → the JSON value inside (by {@link gunzipNative}); rejects with {@link CorruptRecordError} on anything else. */
export async function unpackJson(bytes: Uint8Array): Promise<unknown> {
  return parseJson(await gunzipNative(bytes, 'a bundle file'), 'a bundle file');
}
