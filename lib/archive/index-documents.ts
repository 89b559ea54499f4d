/**
 * The per-document files of the archive index (a document is one transcript item):
 *
 * - `docs.bin`: who says it (an index into the metadata's labels) and when (whole seconds, as a
 *   zigzag delta from the item before, doubled, plus one when the transcript gives the time rather
 *   than an estimate), so hits show speaker and time without their episode's record.
 * - `lengths.bin`: one byte per document, its length in words, log-quantized.
 */
import { ByteReader, ByteWriter, unzigzag, zigzag } from './byte-codec';
import { ARCHIVE_DIR } from './index-format';
import type { ArchiveMeta, MetaEpisode } from './index-meta';
import { CorruptRecordError } from './package-file';

export const DOCS_FILE = `${ARCHIVE_DIR}/docs.bin`;
export const LENGTHS_FILE = `${ARCHIVE_DIR}/lengths.bin`;

/** Writes `docs.bin`: each episode's documents in order, starts restarting at each episode. */
export class DocumentInfoWriter {
  private readonly writer = new ByteWriter();
  private previousStart = 0;

  /** The next documents are a new episode's. */
  startEpisode(): void {
    this.previousStart = 0;
  }

  /** `label`: its index in the metadata's labels; `start`: whole seconds; `explicit`: given by the transcript. */
  add(label: number, start: number, explicit: boolean): void {
    this.writer.varint(label);
    this.writer.varint(zigzag(start - this.previousStart) * 2 + (explicit ? 1 : 0));
    this.previousStart = start;
  }

  /** The bytes of `docs.bin` (before compression). */
  finish(): Uint8Array {
    return this.writer.finish();
  }
}

/** Who says each document and when (from docs.bin). */
export interface DocumentInfo {
  label: Uint32Array;
  start: Uint32Array;
  explicit: Uint8Array;
}

/** The bytes of `docs.bin` → per-document label, start and explicitness; starts restart at each episode. */
export function decodeDocs(bytes: Uint8Array, meta: Pick<ArchiveMeta, 'totalDocs' | 'episodes'>): DocumentInfo {
  const reader = new ByteReader(bytes);
  const total = meta.totalDocs;
  const info: DocumentInfo = { label: new Uint32Array(total), start: new Uint32Array(total), explicit: new Uint8Array(total) };
  let episode = 0;
  let previous = 0;
  for (let doc = 0; doc < total; doc++) {
    while (episode < meta.episodes.length && (meta.episodes[episode] as MetaEpisode)[3] === doc) {
      previous = 0;
      episode++;
    }
    info.label[doc] = reader.varint();
    const code = reader.varint();
    previous = Math.max(0, previous + unzigzag(Math.floor(code / 2)));
    info.start[doc] = previous;
    info.explicit[doc] = code % 2;
  }
  return info;
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

/** Every document's length in words → the bytes of `lengths.bin` (before compression). */
export function encodeLengths(lengths: readonly number[]): Uint8Array {
  return Uint8Array.from(lengths, quantizeLength);
}

/** The bytes of `lengths.bin` → the quantized lengths (read with {@link dequantizeLength}); one per document. */
export function decodeLengths(bytes: Uint8Array, totalDocs: number): Uint8Array {
  if (bytes.length !== totalDocs) throw new CorruptRecordError('the archive lengths do not match its documents');
  return bytes;
}
