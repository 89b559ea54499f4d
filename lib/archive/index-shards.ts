/**
 * The postings files of the archive index, and the postings inside them:
 *
 * - `shards/N.bin`: the postings of a run of consecutive terms, about {@link SHARD_BYTES} each
 *   (Pagefind's chunks, in effect): a query reads only the shards its terms are in. Each term's
 *   postings carry, for the items where it is said once, a bit of the word said before it
 *   ({@link precedingWordBit}): half the items that hold a phrase's words apart, but not in its
 *   order, are known not to say it without reading their text.
 * - `dense/HEX.bin`: one very common term's documents as a bitmap (a word in more than one turn
 *   in twelve: "that", "yeah"), kept out of the shards so a query for "thread" does not read
 *   "the", and smaller as a bitmap than as a list.
 */
import { ByteReader, ByteWriter, readTerm, writeTerm } from './byte-codec';
import { ARCHIVE_DIR, ARCHIVE_INDEX_VERSION } from './index-format';
import { CorruptRecordError } from './package-file';

/**
 * A shard holds a run of consecutive terms (in sorted order) until their postings pass this many
 * bytes, so a word and its completions share a file or two, and no query reads a shard of
 * hundreds of KB for one short posting list ("co" alone once held 400 KB).
 */
export const SHARD_BYTES = 48 * 1024;

/** Terms in more than this share of all documents get their own bitmap file. */
export const DENSE_SHARE = 1 / 12;

/** A shard file by its number (see `shardOfLocation` in `index-dictionary.ts`). */
export function shardPath(shard: number): string {
  return `${ARCHIVE_DIR}/shards/${shard}.bin`;
}

/** The bitmap file of a dense term: every UTF-16 unit of the term, as hex. */
export function densePath(term: string): string {
  let hex = '';
  for (let i = 0; i < term.length; i++) hex += term.charCodeAt(i).toString(16).padStart(4, '0');
  return `${ARCHIVE_DIR}/dense/${hex}.bin`;
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

/** One term's postings as a query uses them. */
export interface Postings {
  docs: Uint32Array;
  /** Null for a dense term (a bitmap has no counts). */
  frequencies: Uint16Array | null;
  /**
   * Per posting, the bit of the word said before the term ({@link precedingWordBit}), or
   * {@link NO_PRECEDING_BIT}; null where there are none: a dense term, a speaker, a word said
   * more than once in every item that has it.
   */
  preceding: Uint8Array | null;
}

/** The postings of a term no document has. */
export function noPostings(): Postings {
  return { docs: new Uint32Array(0), frequencies: null, preceding: null };
}

export interface DecodedPostings extends Postings {
  frequencies: Uint16Array;
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

/** One term of a shard as the build writes it. */
export interface ShardEntry {
  term: string;
  /** How many postings `postings` holds. */
  documents: number;
  /** Its postings, written by {@link writePosting}. */
  postings: Uint8Array;
  /** Its {@link PrecedingBits}, empty for a term without them. */
  preceding: Uint8Array;
}

/** A run of consecutive terms (sorted) → the bytes of their shard file (before compression). */
export function encodeShard(entries: readonly ShardEntry[]): Uint8Array {
  const shard = new ByteWriter();
  shard.varint(ARCHIVE_INDEX_VERSION);
  shard.varint(entries.length);
  let before = '';
  for (const { term, documents, postings, preceding } of entries) {
    writeTerm(shard, before, term);
    shard.varint(documents);
    shard.varint(postings.length);
    shard.bytes(postings);
    shard.varint(preceding.length);
    shard.bytes(preceding);
    before = term;
  }
  return shard.finish();
}

/**
 * The bytes of a shard file → its terms, each with its postings still encoded: decoded only when
 * a query asks (once). `what` names the file in errors.
 */
export function decodeShard(bytes: Uint8Array, what: string): Map<string, () => Postings> {
  const reader = new ByteReader(bytes);
  if (reader.varint() !== ARCHIVE_INDEX_VERSION) throw new CorruptRecordError(`${what} is not this version`);
  // Each entry: front coding (2 bytes), document count and postings length (1 byte each) at least.
  const count = reader.count(4);
  const postings = new Map<string, () => Postings>();
  let previous = '';
  for (let i = 0; i < count; i++) {
    previous = readTerm(reader, previous);
    const documents = reader.varint();
    const encoded = reader.bytes(reader.varint());
    const bits = reader.bytes(reader.varint());
    let decoded: Postings | undefined;
    postings.set(previous, () => {
      decoded ??= readPostings(new ByteReader(encoded), documents, bits);
      return decoded;
    });
  }
  return postings;
}

/** A dense term's documents → the bytes of its bitmap file (before compression). */
export function encodeDense(docs: Iterable<number>, totalDocs: number): Uint8Array {
  return docsToBitmap(docs, totalDocs);
}

/** The bytes of a dense term's bitmap file → its postings (no counts, no bits). */
export function decodeDense(bytes: Uint8Array): Postings {
  return { docs: bitmapToDocs(bytes), frequencies: null, preceding: null };
}
