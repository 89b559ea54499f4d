/**
 * What one archive query may cost, so that no query (a long one pasted or handed over by a page)
 * can hold the popup for seconds or take hundreds of MB. A query of ordinary words never comes
 * near them: the known-answer, remembered-phrase and topic sets stay far inside.
 *
 * The other bounds live with what they bound: at most `MAX_EXPANSIONS` completions and as many
 * typos per word (`expansion.ts`), at most `PHRASE_CANDIDATES` items considered for the phrase
 * check and about `QUERY_BYTES` read for it (`phrases.ts`).
 */
export interface QueryLimits {
  /** Characters of the query read; the rest is ignored (and the query marked cut). */
  characters: number;
  /** Words searched, in the order typed; the rest are ignored (and the query marked cut). */
  words: number;
  /**
   * Postings read over all the query's words and their spellings, known from the dictionary
   * before any is read. A spelling that would pass it is left unread, the word typed first.
   */
  postings: number;
  /** Index files (shards and dense terms) a query reads; a spelling in one more file past it is left unread. */
  files: number;
}

export const QUERY_LIMITS: QueryLimits = {
  characters: 1_000,
  words: 12,
  postings: 3_000_000,
  files: 64,
};

/** What a query left out for its limits; null in its results when it was searched whole. */
export interface QueryCut {
  /** The query was longer than {@link QueryLimits.characters}: its end was not read. */
  truncated: boolean;
  /** Words of the query not searched: past {@link QueryLimits.words}, or with none of their spellings read. */
  words: number;
  /** Spellings (the word typed, completions, typos) left unread for {@link QueryLimits.postings} or {@link QueryLimits.files}. */
  expansions: number;
}

/** What a query did, for tests and benchmarks: the counts its limits bound. */
export interface QueryWork {
  /** Distinct words searched. */
  words: number;
  /** Dictionary terms read for them (each word's spellings). */
  expansions: number;
  /** Postings read for those terms. */
  postings: number;
  /** Index files those terms live in. */
  files: number;
  /** Items that matched (the candidates of the phrase check among them). */
  candidates: number;
}
