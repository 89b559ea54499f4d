/**
 * The archive search as the popup uses it: the index, plus the episodes' records for snippets
 * and the phrase boost, cached for the popup's session.
 */

import type { Highlighted } from '../model/highlight';
import { type BundleReader, unpackJson } from './package-file';
import { type ArchiveEpisodeResult, ArchiveIndex, type ArchiveQueryOptions } from './query';
import { recordItemReader, recordPath } from './record';
import { type EpisodeView, type ItemReader, presentResults, snippetFor } from './snippets';

/** Records kept decoded between queries. */
const RECORD_CACHE = 40;

export interface ArchiveAnswer {
  episodes: EpisodeView[];
  totalHits: number;
  totalEpisodes: number;
  partial: boolean;
  /** The matched words, for snippets made later ({@link ArchiveSearchEngine.snippet}). */
  terms: Set<string>;
  /**
   * `ranked`: straight from the index, speaker and time for every hit but no snippets yet;
   * `complete`: snippets added and the exact-phrase boost applied (it needs the episodes' text).
   */
  detail: 'ranked' | 'complete';
}

/** Hits per episode given a snippet right away: the ones the popup shows before "more". */
export const SNIPPETS_SHOWN = 3;

export class ArchiveSearchEngine {
  readonly index: ArchiveIndex;
  private readonly records = new Map<string, Promise<ItemReader | null>>();

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
   * Runs a query and presents its best `episodes` episodes. `onRanked` gets the index's answer
   * first (no episode text read yet), so a view can show results while the snippets load; a
   * quoted query skips it, since only the text can tell which items say the phrase.
   */
  async search(
    query: string,
    options: ArchiveQueryOptions = {},
    episodes = 10,
    onRanked?: (answer: ArchiveAnswer) => void,
  ): Promise<ArchiveAnswer> {
    const results = await this.index.search(query, options);
    const totals = { totalHits: results.totalHits, partial: results.partial, terms: results.terms };
    if (onRanked && !results.phraseOnly) {
      onRanked({
        ...totals,
        totalEpisodes: results.episodes.length,
        detail: 'ranked',
        episodes: results.episodes.slice(0, episodes).map(rankedView),
      });
    }
    const views = await presentResults(results, this.loadItems, { episodes, snippets: SNIPPETS_SHOWN });
    return { ...totals, totalEpisodes: results.phraseOnly ? views.length : results.episodes.length, detail: 'complete', episodes: views };
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

/** An episode as the index ranks it, before its text is read. */
function rankedView(result: ArchiveEpisodeResult): EpisodeView {
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
      phrase: false,
    })),
  };
  if (result.number !== undefined) view.number = result.number;
  return view;
}
