/**
 * The panel's search of one transcript: the index built when the browser is idle or on first use
 * (never before the first paint), or in chunks in the background for a huge transcript, which is
 * then searched only once typing pauses (a query there costs more than a keystroke's frame).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TranscriptItem } from '@/lib/model/episode';
import { EpisodeSearch, type EpisodeSearchResult, SYNC_INDEX_LIMIT } from '@/lib/model/episode-search';

/** How long typing must pause before a huge transcript (see SYNC_INDEX_LIMIT) is searched. */
export const HUGE_SEARCH_DELAY_MS = 200;

export interface EpisodeSearchState {
  /** Whether a query is being answered (the query has words). */
  searching: boolean;
  /** Items matching, by index, and the terms to mark; null when not searching or not ready. */
  found: EpisodeSearchResult | null;
  /** `indexing` while a huge transcript's index is built, `searching` while typing goes on. */
  pending: 'indexing' | 'searching' | undefined;
  /** Queries that would find something, for a query that finds nothing among `visibleCount`. */
  suggest: (visibleCount: number) => string[];
}

export function useEpisodeSearch(items: readonly TranscriptItem[], query: string): EpisodeSearchState {
  const huge = items.length > SYNC_INDEX_LIMIT;
  const index = useRef<EpisodeSearch | null>(null);
  const [chunkedIndex, setChunkedIndex] = useState<EpisodeSearch | null>(null);
  const getIndex = useCallback((): EpisodeSearch | null => {
    if (huge) return chunkedIndex;
    index.current ??= EpisodeSearch.build(items);
    return index.current;
  }, [items, huge, chunkedIndex]);
  useEffect(() => {
    index.current = null;
    setChunkedIndex(null);
    if (huge) {
      let live = true;
      void EpisodeSearch.buildInChunks(items).then((built) => live && setChunkedIndex(built));
      return () => {
        live = false;
      };
    }
    if (typeof requestIdleCallback !== 'function') return;
    // The query code is warmed too, so the first keystroke costs what later ones do.
    const handle = requestIdleCallback(() => getIndex()?.warm(items));
    return () => cancelIdleCallback(handle);
  }, [items]);

  const [settledQuery, setSettledQuery] = useState(query);
  useEffect(() => {
    if (!huge) {
      setSettledQuery(query);
      return;
    }
    const timer = setTimeout(() => setSettledQuery(query), HUGE_SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, huge]);
  const searchQuery = huge ? settledQuery : query;
  const searching = searchQuery.trim() !== '';
  const engine = searching ? getIndex() : null;
  const pending = searching && engine === null ? 'indexing' : huge && query !== settledQuery ? 'searching' : undefined;
  const found = useMemo(() => (searching && engine ? engine.search(searchQuery) : null), [searching, searchQuery, engine]);
  const suggest = useCallback(
    (visibleCount: number) => (found && engine && visibleCount === 0 ? engine.suggest(searchQuery) : []),
    [found, engine, searchQuery],
  );
  return { searching, found, pending, suggest };
}
