/**
 * The archive search as the popup uses it: the index, plus the episodes' records for the phrase
 * check and the snippets, cached for the popup's session.
 */

import type { Highlighted } from '../model/highlight';
import { type BundleReader, unpackJson } from './package-file';
import { ArchiveIndex, type ArchiveQueryOptions, type ArchiveResults, containsPhrase, withPhrases } from './query';
import { recordItemReader, recordPath } from './record';
import { type EpisodeView, type ItemReader, presentResults, rankedView, readItem, snippetFor, spokenTerms } from './snippets';

/** Records kept decoded between queries. */
const RECORD_CACHE = 64;

/**
 * The phrase check reads candidate episodes' records in batches, likeliest first, and stops after
 * the batch that finds the phrase, or before the query's reads (index and records) would pass
 * {@link QUERY_BYTES}. A record is about 20 KB ({@link RECORD_ESTIMATE}) until the records read
 * say otherwise; the first batch always reads a few.
 */
const PHRASE_BATCH = 16;
const FIRST_BATCH_AT_LEAST = 4;
const QUERY_BYTES = 1_700_000;
const RECORD_ESTIMATE = 20_000;

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
  private readonly records = new Map<string, Promise<ItemReader | null>>();
  /** Bytes of records read so far (compressed, as stored). */
  recordBytes = 0;

  constructor(private readonly read: BundleReader) {
    this.index = new ArchiveIndex(read);
  }

  /** An episode's items, read from its record on demand; null when the record is unreadable. */
  private loadItems = (ref: { podcast: string; slug: string }): Promise<ItemReader | null> => {
    const key = `${ref.podcast}/${ref.slug}`;
    let found = this.records.get(key);
    if (found) {
      this.records.delete(key);
    } else {
      found = this.read(recordPath(ref)).then((bytes) => {
        if (!bytes) return null;
        this.recordBytes += bytes.length;
        const value = unpackJson(bytes);
        return recordItemReader(value);
      });
      found = found.catch(() => null);
    }
    this.records.set(key, found);
    while (this.records.size > RECORD_CACHE) this.records.delete(this.records.keys().next().value as string);
    return found;
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
   * about `budget` bytes of records at most.
   */
  private async phrasesSaid(results: ArchiveResults, budget: number): Promise<Set<string>> {
    const said = new Set<string>();
    const startBytes = this.recordBytes;
    const candidates = results.phraseCandidates;
    for (let from = 0; from < candidates.length; ) {
      const spent = this.recordBytes - startBytes;
      // Records already read (cached ones cost nothing) tell this query's size better than a guess.
      const perRecord = from === 0 ? RECORD_ESTIMATE : Math.max(RECORD_ESTIMATE, (spent / from) * 1.25);
      const batch = Math.min(PHRASE_BATCH, Math.floor((budget - spent) / perRecord), candidates.length - from);
      const size = from === 0 ? Math.max(FIRST_BATCH_AT_LEAST, batch) : batch;
      if (size <= 0) break;
      const slice = candidates.slice(from, from + size);
      from += size;
      await Promise.all(
        slice.map(async (candidate) => {
          const read = await this.loadItems(candidate);
          if (!read) return;
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

  /** The snippet of one more hit of an episode (its record is usually still cached). */
  async snippet(ref: { podcast: string; slug: string }, index: number, terms: ReadonlySet<string>): Promise<Highlighted[]> {
    const read = await this.loadItems(ref);
    return read ? snippetFor(read, index, terms) : [];
  }

  async speakers(): Promise<[string, number][]> {
    return (await this.index.describe()).speakers;
  }
}
