/**
 * The compact form of one episode inside the extension: everything the archive knows (transcript
 * items and show notes) and nothing a live page adds (sponsors, featuring, duration). Encoding is
 * lossless: `decodeRecord(encodeRecord(parts))` equals `parts` for any parts a parser produced.
 *
 * Compactness comes from shape, not cleverness: labels are stored once and items point at them;
 * an item's kind and speaker follow from its label; a paragraph that is one plain run is a bare
 * string; a run is a string (plain text) or a short tuple. Compression is the bundle build's job.
 */

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
import { parseClock } from '../model/timing';
import { kindOfLabel, speakerOfLabel } from '../site/speakers';
import type { EpisodeRef } from '../site/urls';
import { BUNDLE_DIR, CorruptRecordError } from './package-file';

/** Bumped whenever the encoded shape changes; a loader refuses other versions. */
export const RECORD_VERSION = 1;

/** A run: plain text, or `[code, text]`, or `[LINK, text, url]`. */
type EncodedRun = string | [typeof EMPHASIS | typeof STRONG | typeof CODE | typeof TIMESTAMP, string] | [typeof LINK, string, string];
type EncodedParagraph = string | EncodedRun[];
/** An item: the index of its label in `labels`, then its paragraphs. */
type EncodedItem = [number, ...EncodedParagraph[]];
/** A notes link: text, url, kind, then optional description and label. */
type EncodedLink = [string, string, LinkKind, string?, string?];
type EncodedSection = [string | null, EncodedLink[]];

/** The record as stored (before compression). */
export interface EncodedRecord {
  v: number;
  podcast: string;
  slug: string;
  number?: number;
  labels: string[];
  items: EncodedItem[];
  notes: EncodedSection[];
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

/** The archive's part of an episode, compact. */
export function encodeRecord(parts: EpisodeParts): EncodedRecord {
  const labels: string[] = [];
  const labelIndex = new Map<string, number>();
  const items = parts.items.map((item): EncodedItem => {
    let index = labelIndex.get(item.label);
    if (index === undefined) {
      index = labels.length;
      labels.push(item.label);
      labelIndex.set(item.label, index);
    }
    return [index, ...item.paragraphs.map(encodeParagraph)];
  });
  const record: EncodedRecord = {
    v: RECORD_VERSION,
    podcast: parts.podcast,
    slug: parts.slug,
    labels,
    items,
    notes: (parts.notes ?? []).map((section) => [section.heading, section.links.map(encodeLink)]),
  };
  if (parts.number !== undefined) record.number = parts.number;
  return record;
}

/** The record file of an episode (compressed; deliberately not named `.gz`, which one store rejects). */
export function recordPath(ref: EpisodeRef): string {
  return `${BUNDLE_DIR}/episodes/${ref.podcast}/${ref.slug}.bin`;
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

function checkedRecord(value: unknown): { record: Partial<EncodedRecord>; labels: string[]; items: unknown[] } {
  if (typeof value !== 'object' || value === null) fail('not an object');
  const record = value as Partial<EncodedRecord>;
  if (record.v !== RECORD_VERSION) fail(`version ${String(record.v)}, expected ${RECORD_VERSION}`);
  const labels = Array.isArray(record.labels) ? record.labels.map((label) => text(label, 'label')) : fail('no labels');
  if (!Array.isArray(record.items)) fail('no items');
  return { record, labels, items: record.items };
}

function decodeItem(item: unknown, index: number, labels: readonly string[]): ParsedItem {
  if (!Array.isArray(item)) fail('an item is not a list');
  const [labelIndex, ...paragraphs] = item as unknown[];
  const label = typeof labelIndex === 'number' ? labels[labelIndex] : undefined;
  if (label === undefined) fail('an item points at no label');
  return { index, label, speaker: speakerOfLabel(label), kind: kindOfLabel(label), paragraphs: paragraphs.map(decodeParagraph) };
}

/**
 * One item of a record, decoded on its own: the archive search shows a few hits of an episode
 * and need not decode its other thousand items. Undefined past the end; throws
 * {@link CorruptRecordError} when the record or the item is malformed.
 */
export function recordItemReader(value: unknown): (index: number) => ParsedItem | undefined {
  const { labels, items } = checkedRecord(value);
  const decoded = new Map<number, ParsedItem>();
  return (index) => {
    if (index < 0 || index >= items.length) return undefined;
    let item = decoded.get(index);
    if (!item) {
      item = decodeItem(items[index], index, labels);
      decoded.set(index, item);
    }
    return item;
  };
}

/** The parts of an episode from a record; throws {@link CorruptRecordError} on anything else. */
export function decodeRecord(value: unknown): EpisodeParts {
  const { record, labels, items: encoded } = checkedRecord(value);
  const items = encoded.map((item, index) => decodeItem(item, index, labels));
  const notes: NotesSection[] = Array.isArray(record.notes)
    ? record.notes.map((section) => {
        if (!Array.isArray(section)) fail('a notes section is not a tuple');
        const [heading, links] = section as unknown[];
        if (heading !== null && typeof heading !== 'string') fail('a notes heading is not text');
        if (!Array.isArray(links)) fail('a notes section has no links list');
        return { heading: heading as string | null, links: links.map(decodeLink) };
      })
    : fail('no notes');
  const parts: EpisodeParts = {
    podcast: text(record.podcast, 'podcast'),
    slug: text(record.slug, 'slug'),
    items,
    notes,
    transcriptStatus: items.length > 0 ? 'available' : 'missing',
  };
  if (typeof record.number === 'number') parts.number = record.number;
  return parts;
}
