/**
 * The archive search index: where its files are, and which module reads and writes each. Every
 * file is gzip-compressed in the package (the build compresses, `gunzipNative` in `package-file.ts` inflates);
 * inside, integers are LEB128 varints and sorted terms are front-coded (`byte-codec.ts`).
 *
 * | file | what | encoder and decoder |
 * | --- | --- | --- |
 * | `meta.bin` | JSON: the indexed episodes in document order, their lengths in words and chunk starts, speakers, labels, totals | `index-meta.ts` |
 * | `dict.bin` | every term with its document frequency and where its postings are, sorted | `index-dictionary.ts` |
 * | `shards/N.bin` | the postings of a run of consecutive terms, with their preceding-word bits | `index-shards.ts` |
 * | `dense/HEX.bin` | one very common term's documents as a bitmap | `index-shards.ts` |
 * | `docs.bin` | per document (item): who says it and when | `index-documents.ts` |
 * | `lengths.bin` | per document: its length in words, a byte, log-quantized | `index-documents.ts` |
 *
 * The build (`pipeline/archive-index.ts`) calls the encoders; the query (`index-reader.ts`) the
 * decoders.
 */
import { BUNDLE_DIR } from './package-file';

/** Bumped whenever any file's shape changes; the reader refuses other versions. */
export const ARCHIVE_INDEX_VERSION = 5;

export const ARCHIVE_DIR = `${BUNDLE_DIR}/search`;

/** Speaker "terms" start with this character, which no normalized word contains. */
export const SPEAKER_PREFIX = '\u0001';

/** The speaker pseudo-term of a speaker name: "only what Liz Rice said" is one more posting list. */
export function speakerTerm(name: string): string {
  return `${SPEAKER_PREFIX}${name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()}`;
}
