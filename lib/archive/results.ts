/**
 * What an archive query answers: episodes with their matching items, in the order a listener
 * reads them, and the order itself ({@link compareEpisodes}, {@link withPhrases}).
 */
import type { PhraseChunk } from './phrases';
import type { QueryCut, QueryWork } from './query-limits';

/** One item that matched. */
export interface ArchiveHit {
  /** Global document number (internal). */
  doc: number;
  /** The item's N in `#transcript-N`. */
  index: number;
  /** Who says it: a speaker's name, or a label such as `Break`. */
  label: string;
  /** Its start in whole seconds, and whether that is an estimate. */
  start: number;
  estimated: boolean;
  /** Said as the query's exact phrase (known once the text is read, see {@link withPhrases}). */
  phrase: boolean;
}

/** An episode with its matching items in transcript order (those that say the phrase first). */
export interface ArchiveEpisodeResult {
  podcast: string;
  slug: string;
  number?: number;
  /** How much the episode is about the query (BM25, see `bm25.ts`). */
  score: number;
  hits: ArchiveHit[];
}

export interface ArchiveResults {
  episodes: ArchiveEpisodeResult[];
  /** Items matched in all. */
  totalHits: number;
  /** True when no item had every word, and items with any word are shown instead. */
  partial: boolean;
  /** Normalized document terms that matched, for highlighting. */
  terms: Set<string>;
  /** The words of the query (normalized), in order, for the phrase check. */
  queryTerms: string[];
  /** True when the whole query was in quotes: only the exact phrase counts. */
  phraseOnly: boolean;
  /**
   * The record chunks whose items may say the query as a phrase, the likeliest per word read first
   * (see `phraseChunks` in `phrases.ts`).
   */
  phraseCandidates: PhraseChunk[];
  /** What the query left out for its limits (`query-limits.ts`); null when it was searched whole. */
  cut: QueryCut | null;
  /** What the query read and weighed. */
  work: QueryWork;
}

export interface ArchiveQueryOptions {
  /** Only these shows (podcast slugs); all when absent or empty. */
  shows?: ReadonlySet<string>;
  /** Only items said by this speaker (full name as written). */
  speaker?: string;
  /** Stops the query's reads once aborted (a newer query superseded it); it then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Best first; among equal scores the more recent episode (the archive has no dates, so a higher
 * episode number within a show stands in for recency), then a stable order.
 */
export function compareEpisodes(a: ArchiveEpisodeResult, b: ArchiveEpisodeResult): number {
  return b.score - a.score || (b.number ?? -1) - (a.number ?? -1) || `${a.podcast}/${a.slug}`.localeCompare(`${b.podcast}/${b.slug}`);
}

/**
 * The results once the text has said which items hold the query as a phrase (`said`, keyed
 * `podcast/slug#index`): those items are marked and come first in their episode, and their
 * episodes come first; a quoted query keeps only them.
 */
export function withPhrases(results: ArchiveResults, said: ReadonlySet<string>): ArchiveResults {
  const episodes: ArchiveEpisodeResult[] = [];
  let totalHits = 0;
  for (const episode of results.episodes) {
    const key = `${episode.podcast}/${episode.slug}#`;
    const marked = episode.hits.map((hit) => (said.has(key + hit.index) ? { ...hit, phrase: true } : hit));
    const phrases = marked.filter((hit) => hit.phrase);
    if (results.phraseOnly && phrases.length === 0) continue;
    const hits = results.phraseOnly ? phrases : [...phrases, ...marked.filter((hit) => !hit.phrase)];
    totalHits += hits.length;
    episodes.push({ ...episode, hits });
  }
  const saysIt = (episode: ArchiveEpisodeResult) => (episode.hits[0]?.phrase ? 1 : 0);
  episodes.sort((a, b) => saysIt(b) - saysIt(a) || compareEpisodes(a, b));
  return { ...results, episodes, totalHits: results.phraseOnly ? totalHits : results.totalHits };
}
