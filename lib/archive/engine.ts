/**
 * The archive search as the popup uses it: the index, plus the episodes' records for the phrase
 * check and the snippets, cached for the popup's session.
 */

import type { Highlighted } from '../model/highlight';
import { RecordFiles } from './lookup';
import type { BundleReader } from './package-file';
import { ArchiveIndex, type ArchiveQueryOptions, type ArchiveResults, containsPhrase, withPhrases } from './query';
import type { ChunkPlace, ItemReader } from './record';
import { type EpisodeView, presentResults, rankedView, readItem, snippetFor, spokenTerms } from './snippets';

/** Record chunks kept decoded between queries (a chunk is a few KB). */
const CHUNK_CACHE = 256;

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
const QUERY_BYTES = 1_800_000;
const CHUNK_ESTIMATE = 5_000;

export interface ArchiveAnswer {
  episodes: EpisodeView[];
  totalHits: number;
  totalEpisodes: number;
  partial: boolean;
  /** The matched words, for snippets made later ({@link ArchiveSearchEngine.snippet}). */
  terms: Set<string>;
  /**
   * `ranked`: the final order, speaker and time for every hit but no snippets yet;
   * `complete`: the same with the shown hits' snippets.
   */
  detail: 'ranked' | 'complete';
}

/** Hits per episode given a snippet right away: the ones the popup shows before "more". */
export const SNIPPETS_SHOWN = 3;

export class ArchiveSearchEngine {
  readonly index: ArchiveIndex;
  private readonly files: RecordFiles;
  private readonly chunks = new Map<string, Promise<ItemReader | null>>();

  constructor(read: BundleReader) {
    this.index = new ArchiveIndex(read);
    this.files = new RecordFiles(read);
  }

  /** Bytes of records read so far (compressed, as stored). */
  get recordBytes(): number {
    return this.files.bytesRead;
  }

  /** One chunk of an episode's record, kept for later queries; null when it is unreadable. */
  private loadChunk(ref: { podcast: string; slug: string }, place: ChunkPlace): Promise<ItemReader | null> {
    const key = `${ref.podcast}/${ref.slug}#${place.chunk}`;
    let found = this.chunks.get(key);
    if (found) this.chunks.delete(key);
    else found = this.files.chunk(ref, place).catch(() => null);
    this.chunks.set(key, found);
    while (this.chunks.size > CHUNK_CACHE) this.chunks.delete(this.chunks.keys().next().value as string);
    return found;
  }

  /** The items `indexes` of an episode (the chunks that hold them); null when one is unreadable. */
  private loadItems = async (ref: { podcast: string; slug: string }, indexes: readonly number[]): Promise<ItemReader | null> => {
    const places = await Promise.all(indexes.map((index) => this.index.chunkOf(ref, index)));
    const needed = new Map<number, ChunkPlace>();
    for (const place of places) {
      if (!place) return null;
      needed.set(place.chunk, place);
    }
    const readers = await Promise.all([...needed.values()].map((place) => this.loadChunk(ref, place)));
    if (readers.some((read) => read === null)) return null;
    return (index) => {
      for (const read of readers) {
        const item = read?.(index);
        if (item) return item;
      }
      return undefined;
    };
  };

  /**
   * Runs a query and presents its best `episodes` episodes. For a query of several words, the
   * likeliest items are first read to learn which say it as a phrase, so the order is final
   * before anything is shown: `onRanked` gets it (speaker and time for every hit, no snippets
   * yet) and the snippets that follow change no position.
   */
  async search(
    query: string,
    options: ArchiveQueryOptions = {},
    episodes = 10,
    onRanked?: (answer: ArchiveAnswer) => void,
  ): Promise<ArchiveAnswer> {
    const before = this.index.bytesRead + this.recordBytes;
    const found = await this.index.search(query, options);
    const results =
      found.phraseCandidates.length > 0
        ? withPhrases(found, await this.phrasesSaid(found, QUERY_BYTES - (this.index.bytesRead + this.recordBytes - before)))
        : found;
    const totals = {
      totalHits: results.totalHits,
      totalEpisodes: results.episodes.length,
      partial: results.partial,
      terms: results.terms,
    };
    onRanked?.({ ...totals, detail: 'ranked', episodes: results.episodes.slice(0, episodes).map(rankedView) });
    const views = await presentResults(results, this.loadItems, { episodes, snippets: SNIPPETS_SHOWN });
    return { ...totals, detail: 'complete', episodes: views };
  }

  /**
   * Which of the phrase candidates say the query's words in order (`podcast/slug#index`), reading
   * about `budget` bytes of records at most: the chunks that hold them, in the index's order.
   */
  private async phrasesSaid(results: ArchiveResults, budget: number): Promise<Set<string>> {
    const said = new Set<string>();
    const startBytes = this.recordBytes;
    const candidates = results.phraseCandidates;
    let limit = FIRST_BATCH;
    for (let from = 0; from < candidates.length; ) {
      const spent = this.recordBytes - startBytes;
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
          const read = await this.loadChunk(candidate, candidate);
          for (const index of candidate.indexes) {
            const item = readItem(read, index);
            // Unquoted, the last word may still be being typed.
            if (item && containsPhrase(spokenTerms(item), results.queryTerms, !results.phraseOnly)) {
              said.add(`${candidate.podcast}/${candidate.slug}#${index}`);
            }
          }
        }),
      );
      if (said.size > 0) break;
    }
    return said;
  }

  /** The snippet of one more hit of an episode (its chunk is often still cached). */
  async snippet(ref: { podcast: string; slug: string }, index: number, terms: ReadonlySet<string>): Promise<Highlighted[]> {
    const read = await this.loadItems(ref, [index]);
    return read ? snippetFor(read, index, terms) : [];
  }

  async speakers(): Promise<[string, number][]> {
    return (await this.index.describe()).speakers;
  }
}
