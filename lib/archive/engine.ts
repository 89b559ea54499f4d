/**
 * The archive search as the popup uses it: the index, plus the episodes' records for the phrase
 * check and the snippets, cached for the popup's session.
 */

import type { Highlighted } from '../model/highlight';
import { ArchiveIndex } from './index-reader';
import { RecordFiles } from './lookup';
import { LruCache } from './lru';
import type { BundleReader } from './package-file';
import { type PhraseChunk, phrasesSaid, QUERY_BYTES } from './phrases';
import type { QueryCut, QueryLimits } from './query-limits';
import type { ChunkPlace, ItemReader } from './record';
import { type ArchiveQueryOptions, withPhrases } from './results';
import { type EpisodeView, presentResults, rankedView, snippetFor } from './snippets';

/** Record chunks kept decoded between queries (a chunk is a few KB). */
const CHUNK_CACHE = 256;

export interface ArchiveAnswer {
  episodes: EpisodeView[];
  totalHits: number;
  totalEpisodes: number;
  partial: boolean;
  /** The matched words, for snippets made later ({@link ArchiveSearchEngine.snippet}). */
  terms: Set<string>;
  /** What the query left out for its limits (`query-limits.ts`); null when it was searched whole. */
  cut: QueryCut | null;
  /**
   * `ranked`: the final order, speaker and time for every hit but no snippets yet;
   * `complete`: the same with the shown hits' snippets.
   */
  detail: 'ranked' | 'complete';
}

/** Hits per episode given a snippet right away: the ones the popup shows before "more". */
export const SNIPPETS_SHOWN = 3;

type EpisodeRef = { podcast: string; slug: string };

export class ArchiveSearchEngine {
  readonly index: ArchiveIndex;
  private readonly files: RecordFiles;
  private readonly chunks = new LruCache<string, Promise<ItemReader | null>>(CHUNK_CACHE);

  /** `limits`: what one query may cost (tests lower them). */
  constructor(read: BundleReader, limits?: QueryLimits) {
    this.index = new ArchiveIndex(read, limits);
    this.files = new RecordFiles(read);
  }

  /** Bytes of records read so far (compressed, as stored). */
  get recordBytes(): number {
    return this.files.bytesRead;
  }

  /**
   * One chunk of an episode's record, kept for later queries; null when it is unreadable. An
   * aborted `signal` starts no read (one under way for another query goes on).
   */
  private loadChunk(ref: EpisodeRef, place: ChunkPlace, signal?: AbortSignal): Promise<ItemReader | null> {
    signal?.throwIfAborted();
    return this.chunks.getOrAdd(`${ref.podcast}/${ref.slug}#${place.chunk}`, () => this.files.chunk(ref, place).catch(() => null));
  }

  /** The items `indexes` of an episode (the chunks that hold them); null when one is unreadable. */
  private async loadItems(ref: EpisodeRef, indexes: readonly number[], signal?: AbortSignal): Promise<ItemReader | null> {
    const places = await Promise.all(indexes.map((index) => this.index.chunkOf(ref, index)));
    const needed = new Map<number, ChunkPlace>();
    for (const place of places) {
      if (!place) return null;
      needed.set(place.chunk, place);
    }
    const readers = await Promise.all([...needed.values()].map((place) => this.loadChunk(ref, place, signal)));
    if (readers.some((read) => read === null)) return null;
    return (index) => {
      for (const read of readers) {
        const item = read?.(index);
        if (item) return item;
      }
      return undefined;
    };
  }

  /**
   * Runs a query and presents its best `episodes` episodes. For a query of several words, the
   * likeliest items are first read to learn which say it as a phrase, so the order is final
   * before anything is shown: `onRanked` gets it (speaker and time for every hit, no snippets
   * yet) and the snippets that follow change no position. Once `options.signal` is aborted the
   * query reads no more shards or chunks and rejects with the signal's reason.
   */
  async search(
    query: string,
    options: ArchiveQueryOptions = {},
    episodes = 10,
    onRanked?: (answer: ArchiveAnswer) => void,
  ): Promise<ArchiveAnswer> {
    const { signal } = options;
    const before = this.index.bytesRead + this.recordBytes;
    const found = await this.index.search(query, options);
    const results =
      found.phraseCandidates.length > 0
        ? withPhrases(
            found,
            await phrasesSaid(
              found.phraseCandidates,
              found.queryTerms,
              // Unquoted, the last word may still be being typed.
              !found.phraseOnly,
              QUERY_BYTES - (this.index.bytesRead + this.recordBytes - before),
              { chunk: (candidate: PhraseChunk) => this.loadChunk(candidate, candidate, signal), bytesRead: () => this.recordBytes },
              signal,
            ),
          )
        : found;
    const totals = {
      totalHits: results.totalHits,
      totalEpisodes: results.episodes.length,
      partial: results.partial,
      terms: results.terms,
      cut: results.cut,
    };
    onRanked?.({ ...totals, detail: 'ranked', episodes: results.episodes.slice(0, episodes).map(rankedView) });
    const views = await presentResults(results, (ref, indexes) => this.loadItems(ref, indexes, signal), {
      episodes,
      snippets: SNIPPETS_SHOWN,
    });
    // A read refused for an aborted query reads as an unreadable record: say aborted instead.
    signal?.throwIfAborted();
    return { ...totals, detail: 'complete', episodes: views };
  }

  /** The snippet of one more hit of an episode (its chunk is often still cached); `signal` as for {@link search}. */
  async snippet(ref: EpisodeRef, index: number, terms: ReadonlySet<string>, signal?: AbortSignal): Promise<Highlighted[]> {
    const read = await this.loadItems(ref, [index], signal);
    return read ? snippetFor(read, index, terms) : [];
  }

  async speakers(): Promise<[string, number][]> {
    return (await this.index.describe()).speakers;
  }
}
