/**
 * Turns archive query results into what a listener reads: for the best episodes, each hit's
 * speaker, start time and a snippet around the first matched word, with the exact-phrase boost
 * applied (it needs the items' text, which lives in the episodes' records).
 */
import { type ParsedItem, spokenItemText } from '../model/episode';
import { type Highlighted, highlight } from '../model/highlight';
import { normalizeTerm, termsOf, wordSpans } from '../model/terms';
import { type ArchiveEpisodeResult, type ArchiveResults, compareEpisodes, containsPhrase, episodeScore } from './query';

/** A phrase said exactly as typed multiplies an item's score by this. */
export const PHRASE_BOOST = 2.5;

export interface HitView {
  index: number;
  /** Speaker name, or the label of a speaker-less item. */
  speaker: string;
  start: number;
  estimated: boolean;
  /** The words around the match, marked; null for hits past `snippets` (made on request). */
  snippet: Highlighted[] | null;
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

/** Reads items of an episode's record on demand (see recordItemReader). */
export type ItemReader = (index: number) => ParsedItem | undefined;

/**
 * Loads the records of the best episodes, boosts items that say the query as a phrase (keeps only
 * those when the query was quoted), re-ranks, and builds snippets for the first hits of each.
 * Speaker and time come with the hits; an episode's text is read only for its snippets and
 * phrase checks.
 */
export async function presentResults(
  results: ArchiveResults,
  loadItems: (ref: { podcast: string; slug: string }) => Promise<ItemReader | null>,
  options: PresentOptions = {},
): Promise<EpisodeView[]> {
  const limit = options.episodes ?? 10;
  const snippets = options.snippets ?? Number.POSITIVE_INFINITY;
  const phraseMatters = results.queryTerms.length > 1;
  // With several words, re-rank a few more than shown, so a phrase match just below the cut can
  // rise into view; a single word has no phrase to find.
  const pool = results.episodes.slice(0, phraseMatters ? limit * 2 : limit);
  const readers = await Promise.all(pool.map((episode) => loadItems(episode).catch(() => null)));
  const ranked: { result: ArchiveEpisodeResult; view: EpisodeView }[] = [];
  pool.forEach((result, i) => {
    const read = readers[i] ?? null;
    const hits: HitView[] = [];
    const scores: number[] = [];
    for (const hit of result.hits) {
      const wantText = phraseMatters || hits.length < snippets;
      let item: ParsedItem | undefined;
      try {
        item = wantText && read ? read(hit.index) : undefined;
      } catch {
        item = undefined;
      }
      const text = item ? spokenItemText(item) : '';
      const phrase = item !== undefined && phraseMatters && containsPhrase(termsOf(text), results.queryTerms);
      if (results.phraseOnly && !phrase) continue;
      scores.push(hit.score * (phrase ? PHRASE_BOOST : 1));
      hits.push({
        index: hit.index,
        speaker: hit.label,
        start: hit.start,
        estimated: hit.estimated,
        snippet: hits.length < snippets ? (item ? snippetOf(text, results.terms, options.context) : []) : null,
        phrase,
      });
    }
    if (hits.length === 0) return;
    const view: EpisodeView = { podcast: result.podcast, slug: result.slug, hits, readable: read !== null };
    if (result.number !== undefined) view.number = result.number;
    ranked.push({ result: { ...result, score: episodeScore(scores) }, view });
  });
  ranked.sort((a, b) => compareEpisodes(a.result, b.result));
  return ranked.slice(0, limit).map((entry) => entry.view);
}

/** A hit's snippet made on request (a listener expanding an episode's other hits). */
export function snippetFor(read: ItemReader, index: number, terms: ReadonlySet<string>, context?: number): Highlighted[] {
  const item = read(index);
  return item ? snippetOf(spokenItemText(item), terms, context) : [];
}
