/**
 * Searching the whole archive at run time from the sharded static index (`index-format.ts` lists
 * its files): a query in named steps.
 *
 * 1. {@link readQuery}: the query's words, within its limits (`query-limits.ts`);
 * 2. {@link filterOf}: which items the show and speaker filters keep;
 * 3. {@link planReads}: each word's spellings (`expansion.ts`), within the work budget;
 * 4. {@link matchWord}: per word, the items that say it and how much each episode is about it
 *    (`bm25.ts`);
 * 5. {@link combine}: the items with every word (or, failing that, some);
 * 6. {@link groupByEpisode}: the hits per episode, episodes best first;
 * 7. {@link planPhrases}: for several words, the record chunks whose items may say them as a
 *    phrase, likeliest first (`phrases.ts`); only their text can tell, so `withPhrases` in
 *    `results.ts` applies the answer.
 */
import { termsOf } from '../model/terms';
import { type Expansion, expandWord } from './expansion';
import { type Dictionary, findTerm, shardOfLocation } from './index-dictionary';
import { dequantizeLength } from './index-documents';
import { speakerTerm } from './index-format';
import type { MetaEpisode } from './index-meta';
import type { ArchiveIndex, LoadedIndex } from './index-reader';
import { bitmapToDocs, type Postings } from './index-shards';
import { likelyPhrases, type PhraseChunk, phraseChunks, precedingWordOdds } from './phrases';
import type { QueryCut, QueryLimits } from './query-limits';
import { type ArchiveEpisodeResult, type ArchiveHit, type ArchiveQueryOptions, type ArchiveResults, compareEpisodes } from './results';

/** Whether the whole query is in quotes: only the exact phrase counts. */
export function isQuoted(query: string): boolean {
  return /^\s*".+"\s*$/.test(query);
}

/** A query as searched: its words in order, within the limits, and what was left out. */
interface ReadQuery {
  words: string[];
  phraseOnly: boolean;
  truncated: boolean;
  /** Words past the word limit. */
  wordsLeft: number;
}

/** Step 1: the query's words (normalized, in order), at most `limits.words` of the first `limits.characters`. */
export function readQuery(query: string, limits: QueryLimits): ReadQuery {
  const truncated = query.length > limits.characters;
  const all = termsOf(truncated ? query.slice(0, limits.characters) : query);
  return { words: all.slice(0, limits.words), phraseOnly: isQuoted(query), truncated, wordsLeft: Math.max(0, all.length - limits.words) };
}

/** Step 2: which documents the show and speaker filters keep; null when they keep all. */
async function filterOf(
  index: ArchiveIndex,
  loaded: LoadedIndex,
  options: ArchiveQueryOptions,
): Promise<((doc: number) => boolean) | null> {
  const { meta, dict, docEpisode } = loaded;
  let allowed: ((doc: number) => boolean) | null = null;
  if (options.speaker) {
    const at = findTerm(dict, speakerTerm(options.speaker));
    const speakerDocs = at >= 0 ? new Set((await index.postings(dict, at, options.signal)).docs) : new Set<number>();
    allowed = (doc) => speakerDocs.has(doc);
  }
  const shows = options.shows && options.shows.size > 0 ? options.shows : null;
  if (!allowed && !shows) return null;
  return (doc) => (!allowed || allowed(doc)) && (!shows || shows.has((meta.episodes[docEpisode[doc] as number] as MetaEpisode)[0]));
}

/** A query word and the spellings of it that will be read. */
interface PlannedWord {
  word: string;
  expansions: Expansion[];
}

/**
 * Step 3: each distinct word's spellings (the word, completions of the last one when it is still
 * being typed, typos), taken in the order typed while the postings and files they need, known from the
 * dictionary before anything is read, stay within the limits. A word none of whose spellings fit
 * is not searched at all (rather than found nowhere).
 */
function planReads(dict: Dictionary, words: readonly string[], typingLast: boolean, limits: QueryLimits) {
  const lastWord = words[words.length - 1];
  const planned: PlannedWord[] = [];
  const files = new Set<string>();
  let postings = 0;
  let expansionsLeft = 0;
  let wordsLeft = 0;
  for (const word of new Set(words)) {
    const spellings = expandWord(dict, word, typingLast && word === lastWord);
    const taken: Expansion[] = [];
    for (const expansion of spellings) {
      const cost = dict.frequencies[expansion.at] as number;
      const shard = shardOfLocation(dict.locations[expansion.at] as number);
      const file = shard === null ? `dense:${dict.terms[expansion.at]}` : `shard:${shard}`;
      const newFile = !files.has(file);
      if (postings + cost > limits.postings || (newFile && files.size + 1 > limits.files)) {
        expansionsLeft++;
        continue;
      }
      postings += cost;
      files.add(file);
      taken.push(expansion);
    }
    if (spellings.length > 0 && taken.length === 0) wordsLeft++;
    else planned.push({ word, expansions: taken });
  }
  return { planned, expansionsLeft, wordsLeft, files: files.size };
}

/** One word's matches (step 4). */
interface WordMatch {
  word: string;
  /** The documents (within the filters) that say it in any spelling, one bit each. */
  docs: Uint8Array;
  /** How much each episode is about the word (BM25, the best of its spellings). */
  about: Map<number, number>;
  /** The postings of its spellings as typed or completed (not typos), for the phrase check, with each one's expected count rate. */
  spelled: { list: Postings; rate: number }[];
}

/**
 * Step 4: the documents that say a word (within the filters), and per episode how much it is about
 * the word: occurrences summed over its items, per spelling, weighed by BM25 (`bm25.ts`). A dense
 * term stores no counts: an item is taken to say it as often as a Poisson spread of its share gives.
 */
function matchWord(
  loaded: LoadedIndex,
  planned: PlannedWord,
  lists: readonly Postings[],
  keep: ((doc: number) => boolean) | null,
  matchedTerms: Set<string>,
): WordMatch {
  const { meta, dict, lengths, docEpisode, relevance } = loaded;
  const average = meta.averageLength || 1;
  const total = meta.totalDocs;
  const match: WordMatch = { word: planned.word, docs: new Uint8Array(Math.ceil(total / 8)), about: new Map(), spelled: [] };
  planned.expansions.forEach(({ at, weight, spelled }, i) => {
    const list = lists[i] as Postings;
    if (list.docs.length === 0) return;
    matchedTerms.add(dict.terms[at] as string);
    const df = dict.frequencies[at] as number;
    const rate = -Math.log(Math.max(1e-9, 1 - df / total)) / average;
    if (spelled) match.spelled.push({ list, rate });
    // Postings come in document order, so an episode's come together: sum them as they pass.
    const perEpisode = { episodes: [] as number[], counts: [] as number[], found: 0 };
    let lastEpisode = -1;
    let sum = 0;
    for (let j = 0; j < list.docs.length; j++) {
      const doc = list.docs[j] as number;
      const episode = docEpisode[doc] as number;
      if (episode !== lastEpisode) {
        if (sum > 0) {
          perEpisode.episodes.push(lastEpisode);
          perEpisode.counts.push(sum);
        }
        sum = 0;
        perEpisode.found++;
        lastEpisode = episode;
      }
      if (keep && !keep(doc)) continue;
      match.docs[doc >> 3] = (match.docs[doc >> 3] as number) | (1 << (doc & 7));
      sum += list.frequencies ? (list.frequencies[j] as number) : Math.max(1, dequantizeLength(lengths[doc] as number) * rate);
    }
    if (sum > 0) {
      perEpisode.episodes.push(lastEpisode);
      perEpisode.counts.push(sum);
    }
    relevance.add(match.about, perEpisode, weight);
  });
  return match;
}

/** Step 5: the documents that say every word (`requireAll`) or any, as a bitmap. */
function combine(matches: readonly WordMatch[], requireAll: boolean, totalDocs: number): Uint8Array {
  const combined = new Uint8Array(Math.ceil(totalDocs / 8));
  if (matches.length === 0) return combined;
  combined.set((matches[0] as WordMatch).docs);
  for (const { docs } of matches.slice(1)) {
    for (let i = 0; i < combined.length; i++)
      combined[i] = requireAll ? (combined[i] as number) & (docs[i] as number) : (combined[i] as number) | (docs[i] as number);
  }
  return combined;
}

/** Step 6: the hits grouped by episode, hits in transcript order, episodes best first (the sum of their words' BM25). */
function groupByEpisode(loaded: LoadedIndex, docs: Uint32Array, matches: readonly WordMatch[]): ArchiveEpisodeResult[] {
  const { meta, docs: info, docEpisode } = loaded;
  const byEpisode = new Map<number, ArchiveHit[]>();
  for (const doc of docs) {
    const at = docEpisode[doc] as number;
    const episode = meta.episodes[at] as MetaEpisode;
    const hit: ArchiveHit = {
      doc,
      index: doc - episode[3],
      label: meta.labels[info.label[doc] as number] ?? '',
      start: info.start[doc] as number,
      estimated: info.explicit[doc] === 0,
      phrase: false,
    };
    const list = byEpisode.get(at);
    if (list) list.push(hit);
    else byEpisode.set(at, [hit]);
  }
  const episodes: ArchiveEpisodeResult[] = [];
  for (const [at, hits] of byEpisode) {
    const episode = meta.episodes[at] as MetaEpisode;
    let score = 0;
    for (const word of matches) score += word.about.get(at) ?? 0;
    const result: ArchiveEpisodeResult = { podcast: episode[0], slug: episode[1], score, hits: hits.sort((a, b) => a.index - b.index) };
    if (episode[2] !== null) result.number = episode[2];
    episodes.push(result);
  }
  return episodes.sort(compareEpisodes);
}

/**
 * Step 7: the record chunks whose items may say the query's words as a phrase, likeliest per word
 * read first: each word's occurrences (as spelled or completed) in the items with every word, what
 * their preceding-word bits say, and chance (`phrases.ts`).
 */
function planPhrases(
  loaded: LoadedIndex,
  words: readonly string[],
  matches: readonly WordMatch[],
  combined: Uint8Array,
  docs: Uint32Array,
): PhraseChunk[] {
  const { meta, lengths, docEpisode } = loaded;
  const lengthOf = (doc: number) => dequantizeLength(lengths[doc] as number);
  const candidates = { has: (doc: number) => ((combined[doc >> 3] as number) & (1 << (doc & 7))) !== 0 };
  const said = matches.map(({ spelled }) => {
    const counts = new Map<number, number>();
    for (const { list, rate } of spelled) {
      for (let j = 0; j < list.docs.length; j++) {
        const doc = list.docs[j] as number;
        if (!candidates.has(doc)) continue;
        const tf = list.frequencies ? (list.frequencies[j] as number) : Math.max(1, lengthOf(doc) * rate);
        counts.set(doc, (counts.get(doc) ?? 0) + tf);
      }
    }
    return counts;
  });
  const spelledAt = new Map(matches.map((match) => [match.word, match.spelled.map(({ list }) => list)]));
  const odds = precedingWordOdds(
    candidates,
    words,
    words.map((word) => spelledAt.get(word) ?? []),
  );
  return phraseChunks(likelyPhrases(docs, said, lengthOf, odds), meta, docEpisode, lengthOf);
}

/**
 * Runs a query on `index`. An empty query (or one of only punctuation) finds nothing. Items need
 * every word (or, failing that, some); episodes are ranked by how much they are about the query
 * (BM25 over the words said in the whole episode), and a query of several words also lists, most
 * likely first, the items that may say it as a phrase (`phraseCandidates`). An aborted
 * `options.signal` stops its reads and rejects with its reason.
 */
export async function searchIndex(index: ArchiveIndex, query: string, options: ArchiveQueryOptions = {}): Promise<ArchiveResults> {
  const { signal } = options;
  const { words, phraseOnly, truncated, wordsLeft } = readQuery(query, index.limits);
  const results: ArchiveResults = {
    episodes: [],
    totalHits: 0,
    partial: false,
    terms: new Set(),
    queryTerms: words,
    phraseOnly,
    phraseCandidates: [],
    cut: truncated || wordsLeft > 0 ? { truncated, words: wordsLeft, expansions: 0 } : null,
    work: { words: 0, expansions: 0, postings: 0, files: 0, candidates: 0 },
  };
  if (words.length === 0) return results;
  signal?.throwIfAborted();
  const loaded = await index.load();
  const { dict, meta } = loaded;
  const keep = await filterOf(index, loaded, options);

  // A quoted query is complete, and so is one cut short: no word of it is still being typed.
  const plan = planReads(dict, words, !phraseOnly && results.cut === null, index.limits);
  if (plan.wordsLeft > 0 || plan.expansionsLeft > 0) {
    const cut: QueryCut = results.cut ?? { truncated: false, words: 0, expansions: 0 };
    results.cut = { ...cut, words: cut.words + plan.wordsLeft, expansions: plan.expansionsLeft };
  }
  const lists = await Promise.all(
    plan.planned.map((planned) => Promise.all(planned.expansions.map(({ at }) => index.postings(dict, at, signal)))),
  );
  signal?.throwIfAborted();
  const matches = plan.planned.map((planned, i) => matchWord(loaded, planned, lists[i] as Postings[], keep, results.terms));

  let combined = combine(matches, true, meta.totalDocs);
  let docs = bitmapToDocs(combined);
  if (docs.length === 0 && matches.length > 1 && !phraseOnly) {
    combined = combine(matches, false, meta.totalDocs);
    docs = bitmapToDocs(combined);
    results.partial = docs.length > 0;
  }
  results.episodes = groupByEpisode(loaded, docs, matches);
  results.totalHits = docs.length;
  if (words.length > 1 && !results.partial) results.phraseCandidates = planPhrases(loaded, words, matches, combined, docs);
  results.work = {
    words: plan.planned.length,
    expansions: plan.planned.reduce((sum, planned) => sum + planned.expansions.length, 0),
    postings: lists.flat().reduce((sum, list) => sum + list.docs.length, 0),
    files: plan.files,
    candidates: docs.length,
  };
  return results;
}
