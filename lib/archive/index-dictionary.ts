/**
 * `dict.bin` of the archive index: every term (words, and speakers as `speakerTerm`s, see `index-format.ts`),
 * sorted and front-coded, each with its document frequency and where its postings are: its own
 * dense bitmap, or shard N. Read once, on the first query.
 */
import { partitionPoint } from '../model/sorted-search';
import { ByteReader, ByteWriter, readTerm, writeTerm } from './byte-codec';
import { ARCHIVE_DIR, ARCHIVE_INDEX_VERSION } from './index-format';
import { CorruptRecordError } from './package-file';

export const DICT_FILE = `${ARCHIVE_DIR}/dict.bin`;

/** Where a term's postings are, as the dictionary records it: its dense file, or shard N as N + 1. */
export const DENSE_FILE = 0;

export function shardLocation(shard: number): number {
  return shard + 1;
}

/** The shard number of a dictionary location (null for a dense term). */
export function shardOfLocation(location: number): number | null {
  return location === DENSE_FILE ? null : location - 1;
}

/** One term as the build writes it. */
export interface DictionaryEntry {
  term: string;
  /** Documents the term is in. */
  documents: number;
  /** {@link DENSE_FILE} or a {@link shardLocation}. */
  location: number;
}

/** The decoded dictionary: terms in sorted order, and per term (by position) its frequency and location. */
export interface Dictionary {
  terms: string[];
  frequencies: Uint32Array;
  locations: Uint32Array;
  /** Term positions by length, so a typo search looks only at words of about the same length. */
  byLength: Map<number, number[]>;
}

/** Sorted entries → the bytes of `dict.bin` (before compression). */
export function encodeDictionary(entries: readonly DictionaryEntry[]): Uint8Array {
  const dict = new ByteWriter();
  dict.varint(ARCHIVE_INDEX_VERSION);
  dict.varint(entries.length);
  let previous = '';
  for (const { term, documents, location } of entries) {
    writeTerm(dict, previous, term);
    dict.varint(documents);
    dict.varint(location);
    previous = term;
  }
  return dict.finish();
}

/** The bytes of `dict.bin` → the dictionary; throws for another version, a RangeError when truncated. */
export function decodeDictionary(bytes: Uint8Array): Dictionary {
  const reader = new ByteReader(bytes);
  if (reader.varint() !== ARCHIVE_INDEX_VERSION) throw new CorruptRecordError('the archive dictionary is not this version');
  // Each entry: front coding (2 bytes), frequency and location (1 byte each) at least.
  const count = reader.count(4);
  const terms: string[] = new Array(count);
  const frequencies = new Uint32Array(count);
  const locations = new Uint32Array(count);
  let previous = '';
  const byLength = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    previous = readTerm(reader, previous);
    terms[i] = previous;
    frequencies[i] = reader.varint();
    locations[i] = reader.varint();
    const bucket = byLength.get(previous.length);
    if (bucket) bucket.push(i);
    else byLength.set(previous.length, [i]);
  }
  return { terms, frequencies, locations, byLength };
}

/** The position of the first term not before `term` (where it is, or would be). */
export function termPosition(dict: Dictionary, term: string): number {
  const { terms } = dict;
  return partitionPoint(terms.length, (at) => (terms[at] as string) < term);
}

/** The position of `term` in the dictionary, or -1. */
export function findTerm(dict: Dictionary, term: string): number {
  const at = termPosition(dict, term);
  return dict.terms[at] === term ? at : -1;
}

/** Whether the term at `at` is one of the archive's commonest words (a dense bitmap of its own). */
export function isDense(dict: Dictionary, at: number): boolean {
  return dict.locations[at] === DENSE_FILE;
}
