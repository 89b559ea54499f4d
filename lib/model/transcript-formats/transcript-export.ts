/**
 * What every downloadable transcript file is written from: the items the panel shows, each with a
 * speaker, the time the panel shows, a start and an end on one timeline, and its paragraphs as
 * clean single-line text. The format modules beside this one (one per file format) only lay this
 * out; none of them decides a time or cleans a character on its own.
 */
import { type ItemKind, itemStart, paragraphText, type TranscriptItem } from '../episode';
import { TIMING_MODEL } from '../timing';

/** How the downloaded files name and credit the transcript; the site layer (or another site's wiring) gives it. */
export interface ExportInfo {
  /** The episode as a person names it: "Ship It! #26: Kubernetes in production". */
  title: string;
  /** A file name without its extension, safe on every system: "ship-it-26". */
  fileStem: string;
  /** The page the transcript is from (http(s)). */
  url?: string;
  /** Whose transcript it is and under which license, said in the files that have room for it. */
  notice?: string;
  /** A link that plays the episode from a moment, for formats that link times (Markdown). */
  timeUrl?: (seconds: number) => string;
}

/** One transcript item, ready to be written. Times are seconds with millisecond precision. */
export interface ExportEntry {
  /** The item's position in the whole transcript (the N of `#transcript-N`). */
  index: number;
  /** The speaker, or null for a speaker-less item (`Break`, `Jingle`, `Unknown`). */
  speaker: string | null;
  /** What the panel prints in the speaker's place: the speaker, or the item's label. */
  label: string;
  kind: ItemKind;
  /** The start the panel shows for the item (its explicit timestamp or the estimate). */
  at: number;
  /** Start and end on the file's timeline: starts strictly increase, and `end > start`. */
  start: number;
  end: number;
  /** The start is an estimate, not a timestamp the transcript gives. */
  estimated: boolean;
  /** The item's paragraphs as the panel shows them, each one clean line, none empty. */
  paragraphs: string[];
}

/** A transcript to write: what is in it, and what it is. */
export interface TranscriptExport {
  info: ExportInfo;
  entries: ExportEntry[];
  /** Items in the whole transcript (the entries may be fewer: the listener's selection). */
  total: number;
  /** What the listener picked, when the entries are not the whole transcript ("Liz Rice; search: ebpf"). */
  selection?: string;
}

/**
 * Characters that have no place in a saved transcript: controls (C0, DEL, C1; line breaks are
 * decided by the formats), the bidirectional overrides, embeddings, isolates and marks that make
 * text read other than it is, and noncharacters. The same set copies drop (notes-export.ts).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is what it is for.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFDD0-\uFDEF\uFFFE\uFFFF]/g;
/** A UTF-16 surrogate without its pair: not a character; encoders would turn it into U+FFFD anyway. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as one clean line: unsafe characters gone, lone surrogates replaced, whitespace collapsed, trimmed. */
export function cleanLine(text: string): string {
  // Most text is printable ASCII with single spaces: nothing to do.
  if (!/[^\x21-\x7E ]| {2}|^ | $/.test(text)) return text;
  return text.replace(UNSAFE, '').replace(LONE_SURROGATE, '\uFFFD').replace(/\s+/g, ' ').trim();
}

/**
 * `-->` has a meaning in WebVTT and SRT (the arrow between two times) and must not appear in their
 * text where no escape exists (WebVTT headers and NOTE blocks, SRT cues): it is written as the
 * arrow it stands for, `→`.
 */
export function withoutCueArrow(text: string): string {
  return text.replace(/-->/g, '→');
}

/** The paragraphs the panel shows for an item: the opening timestamp (shown as its time) left out. */
function shownParagraphs(item: TranscriptItem): string[] {
  const opensWithStart = item.start !== undefined && item.paragraphs[0]?.[0]?.kind === 'timestamp';
  return item.paragraphs
    .map((paragraph, p) => cleanLine(paragraphText(p === 0 && opensWithStart ? paragraph.slice(1) : paragraph)))
    .filter((text) => text !== '');
}

/** How long the last item takes when the episode's length is unknown: its letters at the usual rate, at least a second. */
function spokenLengthMs(paragraphs: readonly string[]): number {
  const letters = paragraphs.join(' ').match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  return Math.max(1000, Math.round((letters / TIMING_MODEL.lettersPerSecond) * 1000));
}

/** What to call an item whose label is empty once cleaned. */
const FALLBACK_LABELS: Record<ItemKind, string> = { speech: 'Unknown', unattributed: 'Unknown', break: 'Break', interlude: 'Interlude' };

const toMs = (seconds: number) => Math.max(0, Math.round((Number.isFinite(seconds) ? seconds : 0) * 1000));

/**
 * The entries for `shown` (the items the panel shows, in order), timed against `all` (the whole
 * transcript): an item ends where the next item of the whole transcript starts later than it, the
 * last where the episode ends (`duration`, when known) or after its words at the usual rate. Items
 * that share a start are a millisecond apart, so every format's timeline is valid: starts strictly
 * increase, no entry ends after the next one starts, and every entry lasts.
 */
export function exportEntries(shown: readonly TranscriptItem[], all: readonly TranscriptItem[], duration?: number): ExportEntry[] {
  const positionOf = new Map(all.map((item, position) => [item.index, position]));
  const starts = all.map((item) => toMs(itemStart(item)));
  // The first later start after each position, found once from the end.
  const nextLater = new Array<number | undefined>(all.length);
  let later: number | undefined;
  for (let position = all.length - 1; position >= 0; position--) {
    nextLater[position] = later;
    const start = starts[position] as number;
    if (later === undefined || start < later) later = start;
  }
  const end = duration !== undefined && Number.isFinite(duration) ? toMs(duration) : undefined;

  const entries: ExportEntry[] = [];
  let previousStart = -1;
  for (const item of shown) {
    const position = positionOf.get(item.index);
    const paragraphs = shownParagraphs(item);
    const at = itemStart(item);
    const start = Math.max(toMs(at), previousStart + 1);
    previousStart = start;
    const following = position === undefined ? undefined : nextLater[position];
    const natural = following ?? (end !== undefined && end > start ? end : start + spokenLengthMs(paragraphs));
    entries.push({
      index: item.index,
      speaker: item.speaker === null ? null : cleanLine(item.speaker) || null,
      label: cleanLine(item.speaker ?? item.label) || FALLBACK_LABELS[item.kind],
      kind: item.kind,
      at,
      start,
      end: natural,
      estimated: item.start === undefined,
      paragraphs,
    });
  }
  // In milliseconds until here; an entry ends by the next one's start and lasts at least 1 ms.
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as ExportEntry;
    const next = entries[i + 1];
    const limit = next ? next.start : Number.POSITIVE_INFINITY;
    entry.end = Math.max(entry.start + 1, Math.min(entry.end, limit));
  }
  for (const entry of entries) {
    entry.start /= 1000;
    entry.end /= 1000;
  }
  return entries;
}

/** Splits milliseconds into clock parts. */
export function clockParts(seconds: number): { hours: number; minutes: number; seconds: number; millis: number } {
  const ms = toMs(seconds);
  return {
    hours: Math.floor(ms / 3_600_000),
    minutes: Math.floor((ms % 3_600_000) / 60_000),
    seconds: Math.floor((ms % 60_000) / 1000),
    millis: ms % 1000,
  };
}

export const pad = (value: number, width: number) => String(value).padStart(width, '0');
