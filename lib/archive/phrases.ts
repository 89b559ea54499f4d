/**
 * Phrase planning. The index holds no word positions, so which items say a query's words as a
 * phrase only their text can tell. This module decides which items to read and in what order,
 * and reads them:
 *
 * 1. {@link precedingWordOdds}: what the postings' preceding-word bits say (0 for an item that
 *    cannot say the phrase);
 * 2. {@link likelyPhrases}: each candidate item's odds of saying it by chance of its words;
 * 3. {@link phraseChunks}: the record chunks that hold them, the best chance per word read first;
 * 4. {@link phrasesSaid}: those chunks read in batches, each item's text checked
 *    ({@link containsPhrase}), until one says it or the byte budget is spent.
 */
import type { ArchiveMeta, MetaEpisode } from './index-meta';
import { NO_PRECEDING_BIT, type Postings, precedingWordBit } from './index-shards';
import { type ChunkPlace, type ItemReader, placeOfItem } from './record';
import { readItem, spokenTerms } from './snippets';

/** A chunk of an episode's record, and its items (their `#transcript-N`) that hold every word of the query. */
export interface PhraseChunk extends ChunkPlace {
  podcast: string;
  slug: string;
  indexes: number[];
}

/**
 * What the preceding-word bits say of each item that holds a phrase's words, as a factor on its
 * odds of saying the phrase (absent: they say nothing). At each word after the first, every
 * posting of it (as spelled or completed) in the item that is said once there keeps a bit of the
 * word before it. If the item says the phrase, one of them has the bit of the phrase's previous
 * word; an item that holds the words apart has it by chance, with probability 1 − 2^−m for m such
 * postings. So an item where none match cannot say the phrase (factor 0), and one where one does
 * is 1 / (1 − 2^−m) times likelier than before. A word said more than once in the item, or one
 * among the dense words, keeps no bit and says nothing there.
 */
export function precedingWordOdds(
  candidates: { has(doc: number): boolean },
  words: readonly string[],
  listsPerWord: readonly (readonly Postings[])[],
): Map<number, number> {
  const odds = new Map<number, number>();
  for (let position = 1; position < words.length; position++) {
    const lists = listsPerWord[position] ?? [];
    // A dense term holds nearly every item and keeps no bits: this word says nothing then.
    if (lists.length === 0 || lists.some((list) => !list.frequencies)) continue;
    const bit = precedingWordBit(words[position - 1] as string);
    /** Per item: postings with a bit, and whether one matched; -1 when a posting has none. */
    const bitsSeen = new Map<number, number>();
    const matched = new Set<number>();
    for (const list of lists) {
      const preceding = list.preceding;
      for (let j = 0; j < list.docs.length; j++) {
        const doc = list.docs[j] as number;
        if (!candidates.has(doc)) continue;
        const seen = bitsSeen.get(doc) ?? 0;
        if (seen < 0) continue;
        // No bits at all: the term is said more than once in every item that has it.
        const kept = preceding ? (preceding[j] as number) : NO_PRECEDING_BIT;
        if (kept === NO_PRECEDING_BIT) {
          bitsSeen.set(doc, -1);
          continue;
        }
        bitsSeen.set(doc, seen + 1);
        if (kept === bit) matched.add(doc);
      }
    }
    for (const [doc, seen] of bitsSeen) {
      if (seen <= 0) continue;
      const factor = matched.has(doc) ? 1 / (1 - 0.5 ** seen) : 0;
      odds.set(doc, (odds.get(doc) ?? 1) * factor);
    }
  }
  return odds;
}

/** Items that may say a phrase, considered at most (the byte budget stops far sooner). */
export const PHRASE_CANDIDATES = 16_384;

/**
 * The items that hold every word of a phrase, with how likely each is to say it. Without
 * positions, the likelihood is what chance alone would give: an item of L words in which the k
 * words occur n1 … nk times holds about n1 · … · nk / L^(k−1) runs of them in order, so a short
 * turn with each word once outranks a monologue that holds them all somewhere. It is also the
 * posterior of the phrase being there when words occur at Poisson rates and a remembered phrase
 * comes from a random point of the archive (the length L is the prior, each word's n / (rate · L)
 * the evidence), so it compares items across episodes. `odds` multiplies in what the
 * preceding-word bits say ({@link precedingWordOdds}): 0 for an item that cannot say it. The
 * {@link PHRASE_CANDIDATES} likeliest, likeliest first.
 */
export function likelyPhrases(
  docs: Iterable<number>,
  counts: readonly ReadonlyMap<number, number>[],
  lengthOf: (doc: number) => number,
  odds: ReadonlyMap<number, number> = new Map(),
): { doc: number; likelihood: number }[] {
  const ranked: { doc: number; likelihood: number }[] = [];
  for (const doc of docs) {
    const length = Math.max(1, lengthOf(doc));
    let product = odds.get(doc) ?? 1;
    for (const count of counts) product *= Math.min(length, count.get(doc) ?? 0) / length;
    const likelihood = product * length;
    if (likelihood > 0) ranked.push({ doc, likelihood });
  }
  ranked.sort((a, b) => b.likelihood - a.likelihood || a.doc - b.doc);
  return ranked.slice(0, PHRASE_CANDIDATES);
}

/**
 * What a chunk costs to read, in words: its items' words, and about twenty words' worth of bytes
 * for the file itself (its framing and labels).
 */
const CHUNK_OVERHEAD_WORDS = 20;

/**
 * The candidates grouped by the record chunk that holds them, in the order that finds the phrase
 * in the fewest bytes: the chunks' summed likelihood per word read. The phrase is said somewhere
 * (a listener remembers it), so a chunk's share of all the likelihood is the chance it is there,
 * and reading the best chance per byte first is the greedy answer to the byte budget.
 */
export function phraseChunks(
  candidates: readonly { doc: number; likelihood: number }[],
  meta: Pick<ArchiveMeta, 'episodes' | 'chunkStarts'>,
  docEpisode: Uint32Array,
  lengthOf: (doc: number) => number,
): PhraseChunk[] {
  const chunks = new Map<string, { chunk: PhraseChunk; likelihood: number; firstDoc: number }>();
  for (const { doc, likelihood } of candidates) {
    const at = docEpisode[doc] as number;
    const episode = meta.episodes[at] as MetaEpisode;
    const index = doc - episode[3];
    const place = placeOfItem(meta.chunkStarts[at] as number[], episode[4], index);
    const key = `${at}#${place.chunk}`;
    const found = chunks.get(key);
    if (found) {
      found.chunk.indexes.push(index);
      found.likelihood += likelihood;
    } else {
      chunks.set(key, {
        chunk: { podcast: episode[0], slug: episode[1], ...place, indexes: [index] },
        likelihood,
        firstDoc: episode[3] + place.first,
      });
    }
  }
  const ranked = [...chunks.values()].map(({ chunk, likelihood, firstDoc }) => {
    let words = CHUNK_OVERHEAD_WORDS;
    for (let doc = firstDoc; doc < firstDoc + chunk.count; doc++) words += lengthOf(doc);
    return { chunk, density: likelihood / words };
  });
  ranked.sort((a, b) => b.density - a.density);
  return ranked.map(({ chunk }) => chunk);
}

/**
 * Whether `terms` (a text's normalized words) contain `phrase` (normalized words) contiguously;
 * with `lastIsPrefix`, the phrase's last word may be the start of a longer one (it is still being
 * typed). Punctuation, case, accents and either apostrophe are gone from both by then.
 */
export function containsPhrase(terms: readonly string[], phrase: readonly string[], lastIsPrefix = false): boolean {
  if (phrase.length === 0) return false;
  const last = phrase.length - 1;
  outer: for (let i = 0; i + phrase.length <= terms.length; i++) {
    for (let j = 0; j < phrase.length; j++) {
      const term = terms[i + j] as string;
      const word = phrase[j] as string;
      if (term !== word && !(lastIsPrefix && j === last && term.startsWith(word))) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * The phrase check reads the chunks that hold candidate items, likeliest first, in batches, and
 * stops after the batch that finds the phrase, or before the query's reads (index and records)
 * would pass {@link QUERY_BYTES}. A chunk is about 5 KB ({@link CHUNK_ESTIMATE}) until the chunks
 * read say otherwise. The first batch is small, because a phrase that many items say ("large
 * language models") is in the first chunks read and every chunk is a fetch before the list shows;
 * batches then double up to {@link PHRASE_BATCH}, so a rare phrase still takes few round trips.
 */
const PHRASE_BATCH = 16;
const FIRST_BATCH = 4;
export const QUERY_BYTES = 1_800_000;
const CHUNK_ESTIMATE = 5_000;

/** How {@link phrasesSaid} reads records. */
export interface ChunkSource {
  /** One chunk of an episode's record (a cached one costs nothing); null when it is unreadable. */
  chunk(candidate: PhraseChunk): Promise<ItemReader | null>;
  /** Bytes of records read so far (compressed, as stored). */
  bytesRead(): number;
}

/**
 * Which of the phrase candidates say `words` in order (`podcast/slug#index`), reading about
 * `budget` bytes of records at most: the chunks that hold them, in the order given, in batches
 * (see {@link QUERY_BYTES}). `lastIsPrefix`: the last word may still be being typed. Once
 * `signal` is aborted no further batch is read, and the promise rejects with its reason.
 */
export async function phrasesSaid(
  candidates: readonly PhraseChunk[],
  words: readonly string[],
  lastIsPrefix: boolean,
  budget: number,
  source: ChunkSource,
  signal?: AbortSignal,
): Promise<Set<string>> {
  const said = new Set<string>();
  const startBytes = source.bytesRead();
  let limit = FIRST_BATCH;
  for (let from = 0; from < candidates.length; ) {
    signal?.throwIfAborted();
    const spent = source.bytesRead() - startBytes;
    // Chunks already read (cached ones cost nothing) tell this query's size better than a guess.
    const perChunk = from === 0 ? CHUNK_ESTIMATE : Math.max(CHUNK_ESTIMATE, (spent / from) * 1.25);
    const batch = Math.min(limit, Math.floor((budget - spent) / perChunk), candidates.length - from);
    // The first batch is read whatever the budget says: a query has its phrase checked at all.
    const size = from === 0 ? Math.min(FIRST_BATCH, candidates.length) : batch;
    limit = Math.min(PHRASE_BATCH, limit * 2);
    if (size <= 0) break;
    const slice = candidates.slice(from, from + size);
    from += size;
    await Promise.all(
      slice.map(async (candidate) => {
        const read = await source.chunk(candidate);
        for (const index of candidate.indexes) {
          const item = readItem(read, index);
          if (item && containsPhrase(spokenTerms(item), words, lastIsPrefix)) said.add(`${candidate.podcast}/${candidate.slug}#${index}`);
        }
      }),
    );
    if (said.size > 0) break;
  }
  signal?.throwIfAborted();
  return said;
}
