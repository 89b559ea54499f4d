/**
 * The archive index's byte-level building blocks, shared by its files' encoders and decoders:
 * LEB128 varints, zigzag for signed values, and front-coded sorted terms (bytes shared with the
 * previous term, then the rest), which is what makes millions of postings fit in a few MB.
 */

/** Signed → unsigned for varints: 0, -1, 1, -2, 2 … → 0, 1, 2, 3, 4 … */
export function zigzag(value: number): number {
  return value >= 0 ? value * 2 : -value * 2 - 1;
}

export function unzigzag(value: number): number {
  return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
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
