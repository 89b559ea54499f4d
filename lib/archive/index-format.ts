/**
 * The archive index's files and their binary encoding. Everything is gzip-compressed on disk;
 * inside, integers are LEB128 varints and sorted terms are front-coded (bytes shared with the
 * previous term, then the rest), which is what makes 12 million postings fit in a few MB.
 *
 * - `meta.bin`: JSON: the indexed episodes in document order with their lengths in words, speaker
 *   names, totals.
 * - `lengths.bin`: one byte per document (item): its length in words, log-quantized.
 * - `docs.bin`: per document, who says it (an index into the metadata's labels) and when (whole
 *   seconds, as a zigzag delta from the item before, doubled, plus one when the transcript gives
 *   the time rather than an estimate), so hits show speaker and time without their episode.
 * - `dict.bin`: every term with its document frequency and where its postings are, sorted.
 * - `shards/N.bin`: the postings of a run of consecutive terms, about {@link SHARD_BYTES} each
 *   (Pagefind's chunks, in effect): a query reads only the shards its terms are in. Each term's
 *   postings carry, for the items where it is said once, a bit of the word said before it
 *   ({@link precedingWordBit}): half the items that hold a phrase's words apart, but not in its
 *   order, are known not to say it without reading their text.
 * - `dense/HEX.bin`: one very common term's documents as a bitmap (a word in more than one
 *   turn in twelve: "that", "yeah"), kept out of the shards so a query for "thread" does not read
 *   "the", and smaller as a bitmap than as a list.
 */
import { BUNDLE_DIR } from './package-file';

/** The episodes of the index in document order: [podcast, slug, number or null, first doc, items]. */
export type MetaEpisode = [string, string, number | null, number, number];

export interface ArchiveMeta {
  v: number;
  totalDocs: number;
  /** Mean item length in words, for BM25. */
  averageLength: number;
  episodes: MetaEpisode[];
  /** Words said in each episode (the sum of its items' lengths), for ranking episodes by aboutness. */
  episodeWords: number[];
  /** Where each episode's record chunks start (their first items), so a query reads only the chunk it needs. */
  chunkStarts: number[][];
  /** Speaker names as written, with their turns across the archive, most turns first. */
  speakers: [string, number][];
  /** Every item label (speaker names, `Break`, …); `docs.bin` points into this list. */
  labels: string[];
  /** Whether a label names a speaker (false for `Break`, `Jingle`, `Unknown`, …). */
  speaking: boolean[];
}

/** Bumped whenever any file's shape changes; the reader refuses other versions. */
export const ARCHIVE_INDEX_VERSION = 5;

export const ARCHIVE_DIR = `${BUNDLE_DIR}/search`;
export const META_FILE = `${ARCHIVE_DIR}/meta.bin`;
export const LENGTHS_FILE = `${ARCHIVE_DIR}/lengths.bin`;
export const DICT_FILE = `${ARCHIVE_DIR}/dict.bin`;
export const DOCS_FILE = `${ARCHIVE_DIR}/docs.bin`;

/** Signed → unsigned for varints: 0, -1, 1, -2, 2 … → 0, 1, 2, 3, 4 … */
export function zigzag(value: number): number {
  return value >= 0 ? value * 2 : -value * 2 - 1;
}

export function unzigzag(value: number): number {
  return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
}

/** Speaker "terms" start with this character, which no normalized word contains. */
export const SPEAKER_PREFIX = '\u0001';

/** A shard file by its number (see {@link shardOfLocation}). */
export function shardPath(shard: number): string {
  return `${ARCHIVE_DIR}/shards/${shard}.bin`;
}

/**
 * A shard holds a run of consecutive terms (in sorted order) until their postings pass this many
 * bytes, so a word and its completions share a file or two, and no query reads a shard of
 * hundreds of KB for one short posting list ("co" alone once held 400 KB).
 */
export const SHARD_BYTES = 48 * 1024;

/** Terms in more than this share of all documents get their own bitmap file. */
export const DENSE_SHARE = 1 / 12;

/** Where a term's postings are, as the dictionary records it: its dense file, or shard N as N + 1. */
export const DENSE_FILE = 0;

export function shardLocation(shard: number): number {
  return shard + 1;
}

/** The shard number of a dictionary location (null for a dense term). */
export function shardOfLocation(location: number): number | null {
  return location === DENSE_FILE ? null : location - 1;
}

/** The bitmap file of a dense term: every UTF-16 unit of the term, as hex. */
export function densePath(term: string): string {
  let hex = '';
  for (let i = 0; i < term.length; i++) hex += term.charCodeAt(i).toString(16).padStart(4, '0');
  return `${ARCHIVE_DIR}/dense/${hex}.bin`;
}

/** A bitmap with one bit per document, set for the documents in `docs`. */
export function docsToBitmap(docs: Iterable<number>, totalDocs: number): Uint8Array {
  const bitmap = new Uint8Array(Math.ceil(totalDocs / 8));
  for (const doc of docs) bitmap[doc >> 3] = (bitmap[doc >> 3] as number) | (1 << (doc & 7));
  return bitmap;
}

export function bitmapToDocs(bitmap: Uint8Array): Uint32Array {
  let count = 0;
  for (const byte of bitmap) {
    let b = byte;
    while (b) {
      b &= b - 1;
      count++;
    }
  }
  const docs = new Uint32Array(count);
  let at = 0;
  for (let i = 0; i < bitmap.length; i++) {
    const byte = bitmap[i] as number;
    if (byte === 0) continue;
    for (let bit = 0; bit < 8; bit++) if (byte & (1 << bit)) docs[at++] = i * 8 + bit;
  }
  return docs;
}

/** The speaker pseudo-term of a speaker name. */
export function speakerTerm(name: string): string {
  return `${SPEAKER_PREFIX}${name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()}`;
}

/** Length buckets per doubling: quarter octaves, within 9%, ample for BM25's length norm. */
const LENGTH_STEPS = 4;

/** Words → a byte: 0 for none, else log2-spaced buckets. */
export function quantizeLength(words: number): number {
  if (words <= 0) return 0;
  return Math.min(255, Math.round(Math.log2(words + 1) * LENGTH_STEPS));
}

/** Every byte's length, worked out once: the query reads one per posting. */
const LENGTH_OF_BYTE = Float64Array.from({ length: 256 }, (_, byte) =>
  byte === 0 ? 0 : Math.max(1, Math.round(2 ** (byte / LENGTH_STEPS) - 1)),
);

export function dequantizeLength(byte: number): number {
  return LENGTH_OF_BYTE[byte & 0xff] as number;
}

/** Appends varints and raw bytes to a growing buffer. */
export class ByteWriter {
  private buffer: Uint8Array;
  private length = 0;

  /** `capacity`: the starting size; small for the 70,000 per-term writers of the build. */
  constructor(capacity = 1 << 16) {
    this.buffer = new Uint8Array(capacity);
  }

  get size(): number {
    return this.length;
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  varint(value: number): void {
    this.ensure(10);
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.buffer[this.length++] = rest;
  }

  bytes(data: Uint8Array): void {
    this.ensure(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** Reads varints and raw bytes; throws a RangeError past the end (a truncated file). */
export class ByteReader {
  offset = 0;

  constructor(private readonly data: Uint8Array) {}

  get done(): boolean {
    return this.offset >= this.data.length;
  }

  /** Bytes left to read. */
  get remaining(): number {
    return Math.max(0, this.data.length - this.offset);
  }

  /**
   * A count of entries of at least `minBytes` each; a count the remaining bytes cannot hold
   * (a corrupt file) throws before anything that large is allocated.
   */
  count(minBytes: number): number {
    const value = this.varint();
    if (value * minBytes > this.remaining) throw new RangeError('count larger than the file');
    return value;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.offset >= this.data.length) throw new RangeError('truncated varint');
      const byte = this.data[this.offset++] as number;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
      if (scale > 2 ** 49) throw new RangeError('varint too long');
    }
  }

  bytes(length: number): Uint8Array {
    if (this.offset + length > this.data.length) throw new RangeError('truncated bytes');
    const slice = this.data.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Writes sorted terms front-coded: shared prefix length (UTF-16 units), suffix byte length, suffix. */
export function writeTerm(writer: ByteWriter, previous: string, term: string): void {
  let shared = 0;
  const limit = Math.min(previous.length, term.length);
  while (shared < limit && previous.charCodeAt(shared) === term.charCodeAt(shared)) shared++;
  // Never split a surrogate pair between the shared part and the suffix.
  if (shared > 0 && shared < term.length && (term.charCodeAt(shared) & 0xfc00) === 0xdc00) shared--;
  const suffix = encoder.encode(term.slice(shared));
  writer.varint(shared);
  writer.varint(suffix.length);
  writer.bytes(suffix);
}

export function readTerm(reader: ByteReader, previous: string): string {
  const shared = reader.varint();
  const length = reader.varint();
  if (shared > previous.length) throw new RangeError('front coding points past the previous term');
  return previous.slice(0, shared) + textOf(reader.bytes(length));
}

/** UTF-8 → text; a TextDecoder call costs more than the few letters of a term, so ASCII goes by hand. */
function textOf(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (byte >= 0x80) return decoder.decode(bytes);
    text += String.fromCharCode(byte);
  }
  return text;
}

/**
 * Postings of one term, document by document in increasing order: the gap from the previous
 * document doubled, plus one when the term occurs more than once there, followed then by that
 * count. Most words occur once in a turn, so the frequency costs a bit, not a byte.
 */
export function writePosting(writer: ByteWriter, previous: number, doc: number, frequency: number): void {
  writer.varint((doc - previous - 1) * 2 + (frequency > 1 ? 1 : 0));
  if (frequency > 1) writer.varint(frequency);
}

/**
 * One bit of a word (FNV-1a, then mixed so the bit depends on every letter): what a posting keeps
 * of the word said just before its term, '' at the start of an item. A phrase's item has, at its
 * second word's posting, the bit of its first word; an item that holds the words apart has the
 * right bit by chance half the time. The encoder and the query must agree, so it lives here.
 */
export function precedingWordBit(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash & 1;
}

/** A posting whose term occurs more than once in its item (or has no bits at all) has no bit. */
export const NO_PRECEDING_BIT = 2;

/**
 * Collects the preceding-word bits of one term's postings, one per posting that occurs once, in
 * posting order, packed as a {@link docsToBitmap} bitmap (bit i is the i-th such posting's).
 */
export class PrecedingBits {
  private readonly ones: number[] = [];
  private count = 0;

  add(bit: number): void {
    if (bit) this.ones.push(this.count);
    this.count++;
  }

  finish(): Uint8Array {
    return docsToBitmap(this.ones, this.count);
  }
}

export interface DecodedPostings {
  docs: Uint32Array;
  frequencies: Uint16Array;
  /**
   * Per posting, the bit of the word said before the term ({@link precedingWordBit}), or
   * {@link NO_PRECEDING_BIT}; null when the term's postings carry no bits (a speaker, or a word
   * said more than once in every item that has it).
   */
  preceding: Uint8Array | null;
}

/**
 * Reads `count` postings written by {@link writePosting}, and `bits` from {@link PrecedingBits}
 * (empty for a term without them); bits that do not match the postings are a corrupt shard.
 */
export function readPostings(reader: ByteReader, count: number, bits: Uint8Array = new Uint8Array(0)): DecodedPostings {
  // Every posting takes a byte at least: a larger count is a corrupt shard.
  if (count > reader.remaining) throw new RangeError('more postings than bytes');
  const docs = new Uint32Array(count);
  const frequencies = new Uint16Array(count);
  const preceding = bits.length > 0 ? new Uint8Array(count) : null;
  let previous = -1;
  let single = 0;
  for (let i = 0; i < count; i++) {
    const code = reader.varint();
    const doc = previous + 1 + Math.floor(code / 2);
    docs[i] = doc;
    frequencies[i] = code % 2 === 1 ? Math.min(65535, reader.varint()) : 1;
    if (preceding) {
      if (code % 2 === 1) preceding[i] = NO_PRECEDING_BIT;
      else {
        if (single >> 3 >= bits.length) throw new RangeError('fewer preceding-word bits than postings');
        preceding[i] = ((bits[single >> 3] as number) >> (single & 7)) & 1;
        single++;
      }
    }
    previous = doc;
  }
  if (preceding && Math.ceil(single / 8) !== bits.length) throw new RangeError('more preceding-word bits than postings');
  return { docs, frequencies, preceding };
}
