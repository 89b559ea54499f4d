/**
 * Full-text search over one episode's transcript items (text and speaker), built on MiniSearch:
 * prefix matching, one typo allowed in words of five letters or more, every word required.
 * Results come back in transcript order, with the document terms that matched (for highlighting).
 */
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { type ParsedItem, paragraphText, spokenItemText } from './episode';
import { highlight } from './highlight';
import { fuzzinessFor, normalizeTerm, tokenize } from './terms';

/** One transcript item as indexed. */
interface ItemDocument {
  id: number;
  text: string;
  speaker: string;
}

/** How queries are run: all terms required, prefix and typo tolerant, speaker names weigh more. */
export const EPISODE_QUERY_OPTIONS: SearchOptions = {
  combineWith: 'AND',
  prefix: true,
  fuzzy: (term) => fuzzinessFor(term),
  boost: { speaker: 1.5 },
};

/** The one options object for building the index: fields, tokenizer and term normalization. */
export const EPISODE_INDEX_OPTIONS: Options<ItemDocument> = {
  fields: ['text', 'speaker'],
  tokenize,
  processTerm: (term) => normalizeTerm(term) ?? null,
  searchOptions: EPISODE_QUERY_OPTIONS,
};

/** What a query found. */
export interface EpisodeSearchResult {
  /** Item indexes that match, in transcript order. */
  items: number[];
  /** Normalized words of the items that matched some query term, to highlight. */
  terms: Set<string>;
}

/**
 * Episodes with more items than this are indexed in chunks, yielding to the browser between
 * them, so a huge transcript never freezes the tab; smaller ones (every real episode: the largest
 * has 1,286 items, indexed in about 18 ms) are indexed in one go.
 */
export const SYNC_INDEX_LIMIT = 3000;

function documents(items: readonly ParsedItem[]): ItemDocument[] {
  return items.map((item) => ({
    id: item.index,
    text: spokenItemText(item, '\n', ''),
    speaker: item.label,
  }));
}

/** The search of one episode; built once per episode, queried per keystroke. */
export class EpisodeSearch {
  private constructor(private readonly index: MiniSearch<ItemDocument>) {}

  /** Indexes every item at once. */
  static build(items: readonly ParsedItem[]): EpisodeSearch {
    const index = new MiniSearch(EPISODE_INDEX_OPTIONS);
    index.addAll(documents(items));
    return new EpisodeSearch(index);
  }

  /** Indexes in chunks of `chunkSize` items, letting the browser run between them. */
  static async buildInChunks(items: readonly ParsedItem[], chunkSize = 500): Promise<EpisodeSearch> {
    const index = new MiniSearch(EPISODE_INDEX_OPTIONS);
    await index.addAllAsync(documents(items), { chunkSize });
    return new EpisodeSearch(index);
  }

  /** Items matching every word of `query`; an empty query matches nothing (the caller shows all). */
  search(query: string): EpisodeSearchResult {
    if (tokenize(query).length === 0) return { items: [], terms: new Set() };
    const results = this.index.search(query);
    const terms = new Set<string>();
    for (const result of results) for (const term of result.terms) terms.add(term);
    return { items: results.map((result) => result.id as number).sort((a, b) => a - b), terms };
  }

  /**
   * Runs throwaway queries of the kinds a listener types (a short prefix, a word long enough to
   * allow a typo) and highlights their first hit, so the browser compiles that code while idle
   * and the first real keystroke costs what later ones do.
   */
  warm(items: readonly ParsedItem[]): void {
    for (const query of ['th', 'thinking']) {
      const { items: found, terms } = this.search(query);
      const first = found[0] === undefined ? undefined : items.find((item) => item.index === found[0]);
      for (const paragraph of first?.paragraphs ?? []) highlight(paragraphText(paragraph), terms);
    }
  }

  /** Up to `limit` queries that would find something, for a query that found nothing. */
  suggest(query: string, limit = 3): string[] {
    if (tokenize(query).length === 0) return [];
    const seen = new Set<string>();
    const suggestions: string[] = [];
    for (const options of [
      { fuzzy: 0.34, prefix: true },
      { fuzzy: 0.34, prefix: true, combineWith: 'OR' as const },
    ]) {
      for (const suggestion of this.index.autoSuggest(query, options)) {
        if (suggestions.length >= limit) return suggestions;
        const normalized = suggestion.suggestion;
        if (seen.has(normalized) || normalized === query.trim().toLowerCase()) continue;
        seen.add(normalized);
        suggestions.push(normalized);
      }
    }
    return suggestions;
  }
}
