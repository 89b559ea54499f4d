/**
 * JSON packed against a shared dictionary: the format of the episode records' files. Records are
 * split into small files so the archive search reads only the part that holds an item, and small
 * files compress well only when the compressor starts from text like theirs: a preset dictionary
 * of the archive's own words (`data/records.dict`, at most the 32 KB deflate can look back).
 *
 * A file is the inflated size (uint32, little-endian), then a zlib stream (RFC 1950) made with
 * that dictionary. The reader checks the size before inflating (so a forged one cannot make it
 * allocate far more than the file holds), the dictionary's id, and the checksum after.
 * Encoder and decoder are both here. The build passes Node's zlib to the encoder (3 times faster
 * than fflate, and 2% smaller); anything else uses fflate.
 */
import { unzlibSync, zlibSync } from 'fflate';
import { BUNDLE_DIR, CorruptRecordError, checkInflatedSize, parseJson } from './package-file';

/** The records' preset dictionary inside the package. */
export const RECORDS_DICTIONARY = `${BUNDLE_DIR}/records.dict`;

/** Deflate looks back 32 KB at most, so a longer dictionary would only be cut. */
export const MAX_DICTIONARY_BYTES = 32 * 1024;

/** Adler-32 (RFC 1950), zlib's checksum, also its dictionary id. */
export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 bytes is the most that can be summed before the 32-bit sums must be reduced.
  for (let start = 0; start < bytes.length; start += 5552) {
    const end = Math.min(bytes.length, start + 5552);
    for (let i = start; i < end; i++) {
      a += bytes[i] as number;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function uint32At(bytes: Uint8Array, at: number, bigEndian: boolean): number {
  const [b0, b1, b2, b3] = [bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]] as number[] as [number, number, number, number];
  return (bigEndian ? (b0 << 24) | (b1 << 16) | (b2 << 8) | b3 : b0 | (b1 << 8) | (b2 << 16) | (b3 << 24)) >>> 0;
}

/** Makes a zlib stream (RFC 1950) of `bytes` with a preset dictionary. */
export type ZlibCompressor = (bytes: Uint8Array, dictionary: Uint8Array) => Uint8Array;

const fflateZlib: ZlibCompressor = (bytes, dictionary) => zlibSync(bytes, { level: 9, dictionary });

/** A JSON value → its packed bytes. */
export function packJson(value: unknown, dictionary: Uint8Array, compress: ZlibCompressor = fflateZlib): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(value));
  const stream = compress(json, dictionary);
  const packed = new Uint8Array(4 + stream.length);
  new DataView(packed.buffer).setUint32(0, json.length, true);
  packed.set(stream, 4);
  return packed;
}

/** Packed bytes → the JSON value inside; throws {@link CorruptRecordError} on anything else. */
export function unpackJsonWith(bytes: Uint8Array, dictionary: Uint8Array, what: string): unknown {
  // Size, zlib header (2), dictionary id (4), at least one deflate byte, checksum (4).
  if (bytes.length < 15) throw new CorruptRecordError(`${what} is too short to be packed JSON`);
  const size = uint32At(bytes, 0, false);
  checkInflatedSize(size, bytes.length, what);
  const stream = bytes.subarray(4);
  if (((stream[1] as number) & 0x20) === 0 || uint32At(stream, 2, true) !== adler32(dictionary)) {
    throw new CorruptRecordError(`${what} was not packed with this bundle's dictionary`);
  }
  let json: Uint8Array;
  try {
    json = unzlibSync(stream, { dictionary, out: new Uint8Array(size) });
  } catch (error) {
    throw new CorruptRecordError(`${what} is not a zlib stream (${error instanceof Error ? error.message : String(error)})`);
  }
  // A stream that inflates to more than declared is cut at the size, so the checksum catches it.
  if (json.length !== size || uint32At(stream, stream.length - 4, true) !== adler32(json)) {
    throw new CorruptRecordError(`${what} does not inflate to what it declares`);
  }
  return parseJson(json, what);
}
