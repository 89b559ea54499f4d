/**
 * Turns archive query results into what a listener reads: for the best episodes, each hit's
 * speaker, start time and a snippet around the first matched word (the items' text lives in the
 * episodes' records).
 */
import { type ParsedItem, spokenItemText } from '../model/episode';
import { type Highlighted, highlight } from '../model/highlight';
import { normalizeTerm, termsOf, wordSpans } from '../model/terms';
import type { ItemReader } from './record';
import type { ArchiveEpisodeResult, ArchiveResults } from './results';

export interface HitView {
  index: number;
  /** Speaker name, or the label of a speaker-less item. */
  speaker: string;
  start: number;
  estimated: boolean;
  /** The words around the match, marked; null for hits past `snippets` (made on request). */
  snippet: Highlighted[] | null;
  /** Said as the query's exact phrase. */
  phrase: boolean;
}

export interface EpisodeView {
  podcast: string;
  slug: string;
  number?: number;
  /** Every hit of the episode, in transcript order (snippets for the ones shown). */
  hits: HitView[];
  /** False when the episode's record could not be read: hits have no text. */
  readable: boolean;
}

export interface PresentOptions {
  /** Episodes to present (their records are loaded). */
  episodes?: number;
  /** Words on each side of the first match in a snippet. */
  context?: number;
  /** Hits per episode that get a snippet now (the ones shown); the rest get theirs on request. */
  snippets?: number;
}

/** A window of `context` words around the first matched word, marked. */
export function snippetOf(text: string, terms: ReadonlySet<string>, context = 14): Highlighted[] {
  const compact = text.replace(/\s+/g, ' ').trim();
  const words = wordSpans(compact).map((span) => ({ ...span, term: normalizeTerm(compact.slice(span.start, span.end)) }));
  const first = Math.max(
    0,
    words.findIndex((word) => word.term !== null && terms.has(word.term)),
  );
  const low = Math.max(0, first - Math.floor(context / 2));
  const high = Math.min(words.length - 1, first + context);
  if (words.length === 0) return [];
  const start = low === 0 ? 0 : (words[low] as { start: number }).start;
  const end = high === words.length - 1 ? compact.length : (words[high] as { end: number }).end;
  const pieces = highlight(compact.slice(start, end), terms);
  if (start > 0) pieces.unshift({ text: '… ', mark: false });
  if (end < compact.length) pieces.push({ text: ' …', mark: false });
  return pieces;
}

/** An item of a record, or undefined when it is missing or that part of the record is damaged. */
export function readItem(read: ItemReader | null, index: number): ParsedItem | undefined {
  try {
    return read ? read(index) : undefined;
  } catch {
    return undefined;
  }
}

/** An item's words as the index and the phrase check see them (timestamps are not words). */
export function spokenTerms(item: ParsedItem): string[] {
  return termsOf(spokenItemText(item));
}

/**
 * Reads the first `episodes` episodes' hits that get a snippet and builds those, in the order the
 * results already have: the order a listener saw first does not change.
 */
export async function presentResults(
  results: ArchiveResults,
  loadItems: (ref: { podcast: string; slug: string }, indexes: readonly number[]) => Promise<ItemReader | null>,
  options: PresentOptions = {},
): Promise<EpisodeView[]> {
  const limit = options.episodes ?? 10;
  const snippets = options.snippets ?? Number.POSITIVE_INFINITY;
  const shown = results.episodes.slice(0, limit);
  const readers = await Promise.all(
    shown.map((episode) =>
      loadItems(
        episode,
        episode.hits.slice(0, snippets).map((hit) => hit.index),
      ).catch(() => null),
    ),
  );
  return shown.map((result, i) => {
    const read = readers[i] ?? null;
    const view = rankedView(result);
    view.readable = read !== null;
    view.hits.forEach((hit, at) => {
      if (at >= snippets) return;
      const item = readItem(read, hit.index);
      hit.snippet = item ? snippetOf(spokenItemText(item), results.terms, options.context) : [];
    });
    return view;
  });
}

/** An episode as the index ranks it, before its text is read (no snippets yet). */
export function rankedView(result: ArchiveEpisodeResult): EpisodeView {
  const view: EpisodeView = {
    podcast: result.podcast,
    slug: result.slug,
    readable: true,
    hits: result.hits.map((hit) => ({
      index: hit.index,
      speaker: hit.label,
      start: hit.start,
      estimated: hit.estimated,
      snippet: null,
      phrase: hit.phrase,
    })),
  };
  if (result.number !== undefined) view.number = result.number;
  return view;
}

/** A hit's snippet made on request (a listener expanding an episode's other hits). */
export function snippetFor(read: ItemReader, index: number, terms: ReadonlySet<string>, context?: number): Highlighted[] {
  const item = read(index);
  return item ? snippetOf(spokenItemText(item), terms, context) : [];
}
