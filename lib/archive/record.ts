/**
 * The compact form of one episode inside the extension: everything the archive knows (transcript
 * items and show notes) and nothing a live page adds (sponsors, featuring, duration). Encoding is
 * lossless: `encodeRecord(parts)` read back (`decodeHead`, `decodeChunk`, `partsOfRecord`, as
 * `lookup.ts` does) equals `parts` for any parts a parser produced.
 *
 * A record is a head (the show notes, the number of items, where each chunk starts) and chunks of
 * about {@link CHUNK_CHARACTERS} of JSON each, one file apiece, so the archive search reads only
 * the chunk that holds an item: its phrase check then covers several times the episodes for the
 * same bytes. A chunk carries the labels its items point at, so it reads on its own.
 *
 * Compactness comes from shape, not cleverness: labels are stored once per chunk and items point
 * at them; an item's kind and speaker follow from its label and its breaks from its paragraphs
 * (lib/site/speakers.ts), as on the page; a paragraph that is one plain run is a
 * bare string; a run is a string (plain text) or a short tuple. Compression is packed-json.ts's job.
 */

import { parseClock } from '../model/clock';
import {
  type EpisodeParts,
  type Inline,
  LINK_KINDS,
  type LinkKind,
  type NoteLink,
  type NotesSection,
  type Paragraph,
  type ParsedItem,
} from '../model/episode';
import { domainOf, isHttpUrl } from '../model/links';
import { lastAtOrBefore } from '../model/sorted-search';
import { parsedItem } from '../site/speakers';
import type { EpisodeRef } from '../site/urls';
import { BUNDLE_DIR, CorruptRecordError } from './package-file';

/** Bumped whenever the encoded shape changes; a loader refuses other versions. */
export const RECORD_VERSION = 2;

/**
 * About how much JSON a chunk file holds (an item is never split, so a long monologue is a chunk
 * of its own). Smaller chunks let the phrase check cover more candidates per byte; every file
 * costs a fetch (a few ms each through an extension's resource loader) and package size (lost
 * compression context, a zip entry). Measured on the archive: 16,000 characters (about 4 KB
 * packed; a median episode in 5 files with its head, the longest in 13) puts remembered phrases
 * first as often as chunks of 24 items did (351 and 352 of 360), with 40% fewer files: an episode
 * of 1,286 short turns had 55.
 */
export const CHUNK_CHARACTERS = 16_000;

/** A run: plain text, or `[code, text]`, or `[LINK, text, url]`. */
type EncodedRun = string | [typeof EMPHASIS | typeof STRONG | typeof CODE | typeof TIMESTAMP, string] | [typeof LINK, string, string];
type EncodedParagraph = string | EncodedRun[];
/** An item: the index of its label in its chunk's `labels`, then its paragraphs. */
type EncodedItem = [number, ...EncodedParagraph[]];
/** A notes link: text, url, kind, then optional description and label. */
type EncodedLink = [string, string, LinkKind, string?, string?];
type EncodedSection = [string | null, EncodedLink[]];

/** A record's head file (before compression). */
export interface EncodedHead {
  v: number;
  podcast: string;
  slug: string;
  number?: number;
  /** How many items the chunks hold in all. */
  items: number;
  /** The first item of each chunk, in order (0 first; none when there are no items). */
  chunks: number[];
  notes: EncodedSection[];
}

/** One chunk file: items `first` … `first + items.length - 1`. */
export interface EncodedChunk {
  v: number;
  first: number;
  labels: string[];
  items: EncodedItem[];
}

/** The record as stored (before compression): one head file and its chunk files. */
export interface EncodedRecord {
  head: EncodedHead;
  chunks: EncodedChunk[];
}

const EMPHASIS = 1;
const STRONG = 2;
const CODE = 3;
const LINK = 4;
const TIMESTAMP = 5;

function encodeRun(run: Inline): EncodedRun {
  switch (run.kind) {
    case 'text':
      return run.text;
    case 'emphasis':
      return [EMPHASIS, run.text];
    case 'strong':
      return [STRONG, run.text];
    case 'code':
      return [CODE, run.text];
    case 'link':
      return [LINK, run.text, run.url];
    case 'timestamp':
      return [TIMESTAMP, run.text];
  }
}

function encodeParagraph(paragraph: Paragraph): EncodedParagraph {
  const only = paragraph[0];
  if (paragraph.length === 1 && only?.kind === 'text') return only.text;
  return paragraph.map(encodeRun);
}

function encodeLink(link: NoteLink): EncodedLink {
  const encoded: EncodedLink = [link.text, link.url, link.kind];
  if (link.description !== undefined || link.label !== undefined) encoded.push(link.description ?? '');
  if (link.label !== undefined) encoded.push(link.label);
  return encoded;
}

/** The chunk of `labels` and `paragraphs` (each item's, encoded) that starts at item `first`. */
function encodeChunk(labels: readonly string[], paragraphs: readonly EncodedParagraph[][], first: number): EncodedChunk {
  const chunkLabels: string[] = [];
  const labelIndex = new Map<string, number>();
  const items = paragraphs.map((encoded, i): EncodedItem => {
    const label = labels[i] as string;
    let index = labelIndex.get(label);
    if (index === undefined) {
      index = chunkLabels.length;
      chunkLabels.push(label);
      labelIndex.set(label, index);
    }
    return [index, ...encoded];
  });
  return { v: RECORD_VERSION, first, labels: chunkLabels, items };
}

/** Where each chunk starts: a new one once the current holds {@link CHUNK_CHARACTERS}. */
function chunkStarts(labels: readonly string[], paragraphs: readonly EncodedParagraph[][]): number[] {
  const starts: number[] = [];
  let size = 0;
  paragraphs.forEach((encoded, i) => {
    const itemSize = (labels[i] as string).length + JSON.stringify(encoded).length;
    if (i === 0 || size + itemSize > CHUNK_CHARACTERS) {
      starts.push(i);
      size = 0;
    }
    size += itemSize;
  });
  return starts;
}

/** The archive's part of an episode, compact. */
export function encodeRecord(parts: EpisodeParts): EncodedRecord {
  const labels = parts.items.map((item) => item.label);
  const paragraphs = parts.items.map((item) => item.paragraphs.map(encodeParagraph));
  const starts = chunkStarts(labels, paragraphs);
  const head: EncodedHead = {
    v: RECORD_VERSION,
    podcast: parts.podcast,
    slug: parts.slug,
    items: parts.items.length,
    chunks: starts,
    notes: (parts.notes ?? []).map((section) => [section.heading, section.links.map(encodeLink)]),
  };
  if (parts.number !== undefined) head.number = parts.number;
  const chunks = starts.map((first, k) => {
    const end = starts[k + 1] ?? parts.items.length;
    return encodeChunk(labels.slice(first, end), paragraphs.slice(first, end), first);
  });
  return { head, chunks };
}

/** Where the chunk that holds item `index` is, from the chunks' first items (`starts`) and the record's item count. */
export function placeOfItem(starts: readonly number[], items: number, index: number): ChunkPlace {
  return chunkPlace(starts, items, lastAtOrBefore(starts, index));
}

/** Whether `starts` can be a record's chunk starts for `items` items. */
export function isChunkStarts(starts: unknown, items: number): starts is number[] {
  if (!Array.isArray(starts) || starts.length > items || (items > 0 && starts[0] !== 0) || items > 0 !== starts.length > 0) return false;
  return starts.every((start, k) => Number.isSafeInteger(start) && start < items && (k === 0 || start > (starts[k - 1] as number)));
}

/**
 * An episode's head file (packed JSON; deliberately not named `.gz` or `.json`, which one store
 * would inspect as such).
 */
export function recordPath(ref: EpisodeRef): string {
  return `${BUNDLE_DIR}/episodes/${ref.podcast}/${ref.slug}.bin`;
}

/** One of its chunk files. A slug has no `.` (the site's slug rule), so no head is named like a chunk. */
export function chunkPath(ref: EpisodeRef, chunk: number): string {
  return `${BUNDLE_DIR}/episodes/${ref.podcast}/${ref.slug}.${chunk}.bin`;
}

function fail(what: string): never {
  throw new CorruptRecordError(`corrupt episode record: ${what}`);
}

function text(value: unknown, what: string): string {
  return typeof value === 'string' ? value : fail(`${what} is not text`);
}

function decodeRun(run: unknown): Inline {
  if (typeof run === 'string') return { kind: 'text', text: run };
  if (!Array.isArray(run)) fail('a run is neither text nor a tuple');
  const [code, body, url] = run as unknown[];
  const value = text(body, 'run text');
  switch (code) {
    case EMPHASIS:
      return { kind: 'emphasis', text: value };
    case STRONG:
      return { kind: 'strong', text: value };
    case CODE:
      return { kind: 'code', text: value };
    case LINK: {
      const href = text(url, 'link URL');
      // Records are data from the extension's own package, but a link is still only ever http(s).
      if (!isHttpUrl(href)) fail('a link is not http(s)');
      return { kind: 'link', text: value, url: href };
    }
    case TIMESTAMP: {
      const seconds = parseClock(value);
      if (seconds === null) fail('a timestamp is not a clock');
      return { kind: 'timestamp', text: value, seconds };
    }
    default:
      return fail(`unknown run code ${String(code)}`);
  }
}

function decodeParagraph(paragraph: unknown): Paragraph {
  if (typeof paragraph === 'string') return [{ kind: 'text', text: paragraph }];
  if (!Array.isArray(paragraph)) fail('a paragraph is neither text nor a list');
  return paragraph.map(decodeRun);
}

function decodeLink(link: unknown): NoteLink {
  if (!Array.isArray(link)) fail('a notes link is not a tuple');
  const [linkText, url, kind, description, label] = link as unknown[];
  const href = text(url, 'notes link URL');
  if (!isHttpUrl(href)) fail('a notes link is not http(s)');
  if (!LINK_KINDS.has(kind as LinkKind)) fail('a notes link has an unknown kind');
  const domain = domainOf(href);
  if (domain === '') fail('a notes link URL does not parse');
  const decoded: NoteLink = { text: text(linkText, 'notes link text'), url: href, domain, kind: kind as LinkKind };
  if (typeof label === 'string') decoded.label = label;
  if (typeof description === 'string' && description !== '') decoded.description = description;
  return decoded;
}

function checkVersion(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${what} is not an object`);
  const record = value as Record<string, unknown>;
  if (record.v !== RECORD_VERSION) fail(`${what} is version ${String(record.v)}, expected ${RECORD_VERSION}`);
  return record;
}

function decodeItem(item: unknown, index: number, labels: readonly string[]): ParsedItem {
  if (!Array.isArray(item)) fail('an item is not a list');
  const [labelIndex, ...paragraphs] = item as unknown[];
  const label = typeof labelIndex === 'number' ? labels[labelIndex] : undefined;
  if (label === undefined) fail('an item points at no label');
  return parsedItem(index, label, paragraphs.map(decodeParagraph));
}

/** What a head says: the episode, its notes, how many items its chunks hold and where each starts. */
export interface RecordHead {
  podcast: string;
  slug: string;
  number?: number;
  items: number;
  chunks: number[];
  notes: NotesSection[];
}

/** A record's head; throws {@link CorruptRecordError} on anything else. */
export function decodeHead(value: unknown): RecordHead {
  const head = checkVersion(value, 'the head');
  const items = head.items;
  if (typeof items !== 'number' || !Number.isSafeInteger(items) || items < 0) fail('the head has no item count');
  if (!isChunkStarts(head.chunks, items)) fail('the head lists no chunks that fit its items');
  if (!Array.isArray(head.notes)) fail('no notes');
  const notes = head.notes.map((section): NotesSection => {
    if (!Array.isArray(section)) fail('a notes section is not a tuple');
    const [heading, links] = section as unknown[];
    if (heading !== null && typeof heading !== 'string') fail('a notes heading is not text');
    if (!Array.isArray(links)) fail('a notes section has no links list');
    return { heading: heading as string | null, links: links.map(decodeLink) };
  });
  const decoded: RecordHead = { podcast: text(head.podcast, 'podcast'), slug: text(head.slug, 'slug'), items, chunks: head.chunks, notes };
  if (typeof head.number === 'number') decoded.number = head.number;
  return decoded;
}

/** Where a chunk's items are in its episode: from `first`, `count` of them. */
export interface ChunkPlace {
  chunk: number;
  first: number;
  count: number;
}

/** Chunk `chunk` of a record whose chunks start at `starts` and hold `items` items. */
export function chunkPlace(starts: readonly number[], items: number, chunk: number): ChunkPlace {
  const first = starts[chunk] ?? items;
  return { chunk, first, count: (starts[chunk + 1] ?? items) - first };
}

function checkedChunk(value: unknown, place: ChunkPlace): { labels: string[]; items: unknown[] } {
  const record = checkVersion(value, `chunk ${place.chunk}`);
  if (record.first !== place.first) fail(`chunk ${place.chunk} starts at item ${String(record.first)}, not ${place.first}`);
  const labels = Array.isArray(record.labels) ? record.labels.map((label) => text(label, 'label')) : fail('no labels');
  if (!Array.isArray(record.items) || record.items.length !== place.count)
    fail(`chunk ${place.chunk} does not hold its ${place.count} items`);
  return { labels, items: record.items };
}

/** Reads items of a record on demand, by their index in the episode; undefined for items it does not hold. */
export type ItemReader = (index: number) => ParsedItem | undefined;

/**
 * The items of one chunk, each decoded when first asked for (the archive search shows a few hits
 * of an episode and need not decode the rest), by their index in the episode. Undefined outside
 * the chunk; throws {@link CorruptRecordError} when the chunk or the item is malformed.
 */
export function chunkItemReader(value: unknown, place: ChunkPlace): ItemReader {
  const { labels, items } = checkedChunk(value, place);
  const decoded = new Map<number, ParsedItem>();
  return (index) => {
    if (index < place.first || index >= place.first + items.length) return undefined;
    let item = decoded.get(index);
    if (!item) {
      item = decodeItem(items[index - place.first], index, labels);
      decoded.set(index, item);
    }
    return item;
  };
}

/** Every item of one chunk; throws {@link CorruptRecordError} on anything malformed. */
export function decodeChunk(value: unknown, place: ChunkPlace): ParsedItem[] {
  const { labels, items } = checkedChunk(value, place);
  return items.map((item, i) => decodeItem(item, place.first + i, labels));
}

/** The parts of an episode from its head and every chunk, in order. */
export function partsOfRecord(head: RecordHead, chunks: readonly ParsedItem[][]): EpisodeParts {
  if (chunks.length !== head.chunks.length) fail(`${chunks.length} chunks where the head lists ${head.chunks.length}`);
  const items = chunks.flat();
  if (items.length !== head.items) fail(`the chunks hold ${items.length} items, the head says ${head.items}`);
  const parts: EpisodeParts = {
    podcast: head.podcast,
    slug: head.slug,
    items,
    notes: head.notes,
    transcriptStatus: items.length > 0 ? 'available' : 'missing',
  };
  if (head.number !== undefined) parts.number = head.number;
  return parts;
}
