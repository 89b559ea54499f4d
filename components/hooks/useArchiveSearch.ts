/**
 * The archive search's logic, for the view in `ArchiveSearch.tsx`: the filters, the page of
 * episodes shown, the speaker named in the query (a chip), and the query scheduler. Searches run
 * as the reader types, with no delay, one at a time: a newer query aborts the one running (its
 * `AbortSignal` stops its shard and chunk reads) and runs as soon as it has stopped; queries
 * typed meanwhile are skipped for the latest.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ArchiveAnswer } from '@/lib/archive/engine';
import type { ArchiveQueryOptions } from '@/lib/archive/results';
import { findSpeakerName } from '@/lib/archive/speaker-names';
import type { Highlighted } from '@/lib/model/highlight';

/** What the view needs of the archive search (lib/archive/engine.ts provides it). */
export interface ArchiveEngine {
  /**
   * Runs a query: the first `episodes` episodes presented, plus totals; `onRanked` may get a first
   * answer without snippets. Rejects once `options.signal` is aborted.
   */
  search: (
    query: string,
    options: ArchiveQueryOptions,
    episodes: number,
    onRanked?: (answer: ArchiveAnswer) => void,
  ) => Promise<ArchiveAnswer>;
  /** Speakers with their turns, most first, for the speaker filter. */
  speakers: () => Promise<[string, number][]>;
  /** The snippet of a hit shown later (an episode's "more"); stops reading once `signal` is aborted. */
  snippet: (
    ref: { podcast: string; slug: string },
    index: number,
    terms: ReadonlySet<string>,
    signal?: AbortSignal,
  ) => Promise<Highlighted[]>;
}

/** Episodes per page of results ("More episodes" adds as many). */
export const EPISODES_PER_PAGE = 10;

/**
 * Speakers offered in the speaker filter's suggestions, the most heard first: the archive names
 * about 2,000, and a datalist of them all is slow to open for the few a listener means.
 */
export const SPEAKER_SUGGESTIONS = 800;

export type ArchiveStatus =
  | { kind: 'idle' }
  | { kind: 'searching' }
  /** `speaker`: a name found in the query and searched as a filter (shown as a chip). */
  | { kind: 'done'; query: string; answer: ArchiveAnswer; speaker: string | null }
  | { kind: 'failed'; message: string };

export interface ArchiveSearchState {
  status: ArchiveStatus;
  /** The show filter (a podcast slug; '' for all) and the speaker filter as typed. */
  show: string;
  setShow: (show: string) => void;
  speaker: string;
  setSpeaker: (speaker: string) => void;
  /** Shows the next page of episodes. */
  more: () => void;
  /** Suggestions for the speaker filter, once {@link loadSpeakers} has read them. */
  speakerOptions: [string, number][];
  loadSpeakers: () => void;
  /** Searches the speaker's name found in the query as words instead (the chip's remove button). */
  unname: (speaker: string) => void;
}

export function useArchiveSearch(engine: ArchiveEngine, query: string): ArchiveSearchState {
  const [show, setShow] = useState('');
  const [speaker, setSpeaker] = useState('');
  const [limit, setLimit] = useState(EPISODES_PER_PAGE);
  const [status, setStatus] = useState<ArchiveStatus>({ kind: 'idle' });
  const [speakers, setSpeakers] = useState<[string, number][]>([]);
  /** A name the listener took the chip off: searched as words until the query is cleared. */
  const [unnamed, setUnnamed] = useState<string | null>(null);

  // A new query or filter starts from the first page of results.
  useLayoutEffect(() => setLimit(EPISODES_PER_PAGE), [query, show, speaker]);

  const run = useRef(0);
  /** The query running, and the latest one waiting for it to stop. */
  const running = useRef<AbortController | null>(null);
  const latest = useRef<(() => Promise<void>) | null>(null);
  // A layout effect: the search starts in the same task as the keystroke, not a frame later.
  useLayoutEffect(() => {
    const text = query.trim();
    const token = ++run.current;
    running.current?.abort();
    if (text === '') {
      latest.current = null;
      setStatus({ kind: 'idle' });
      setUnnamed(null);
      return;
    }
    const options: ArchiveQueryOptions = {};
    if (show) options.shows = new Set([show]);
    if (speaker.trim()) options.speaker = speaker.trim();
    const job = async () => {
      const controller = new AbortController();
      running.current = controller;
      options.signal = controller.signal;
      try {
        // The speaker list comes with the index the search loads anyway: no extra wait.
        const named = options.speaker ? null : findSpeakerName(text, await engine.speakers());
        const chip = named && named.name !== unnamed ? named : null;
        if (chip) options.speaker = chip.name;
        const searched = chip ? chip.rest : text;
        const done = (answer: ArchiveAnswer): ArchiveStatus => ({ kind: 'done', query: text, answer, speaker: chip?.name ?? null });
        controller.signal.throwIfAborted();
        const answer = await engine.search(searched, options, limit, (ranked) => {
          if (token === run.current) setStatus(done(ranked));
        });
        if (token === run.current) setStatus(done(answer));
      } catch (error) {
        if (token === run.current) setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      } finally {
        running.current = null;
        const next = latest.current;
        latest.current = null;
        if (next) void next();
      }
    };
    setStatus((previous) => (previous.kind === 'done' ? previous : { kind: 'searching' }));
    if (running.current) latest.current = job;
    else void job();
  }, [engine, query, show, speaker, limit, unnamed]);

  // Leaving the page stops whatever is still being read.
  useEffect(() => () => running.current?.abort(), []);

  const speakerOptions = useMemo(() => speakers.slice(0, SPEAKER_SUGGESTIONS), [speakers]);
  return {
    status,
    show,
    setShow,
    speaker,
    setSpeaker,
    more: () => setLimit(limit + EPISODES_PER_PAGE),
    speakerOptions,
    loadSpeakers: () => {
      if (speakers.length === 0) void engine.speakers().then(setSpeakers, () => {});
    },
    unname: setUnnamed,
  };
}

/**
 * The snippet of a hit shown after the first answer (an episode's "more"): asked for once the
 * answer is complete and the hit has none, and its reads stopped when the hit leaves the page.
 */
export function useLaterSnippet(
  engine: ArchiveEngine,
  episode: { podcast: string; slug: string },
  hit: { index: number; snippet: Highlighted[] | null },
  terms: ReadonlySet<string>,
  ranked: boolean,
): Highlighted[] | null {
  const [later, setLater] = useState<Highlighted[] | null>(null);
  useEffect(() => {
    if (hit.snippet !== null || ranked) return;
    const controller = new AbortController();
    void engine.snippet(episode, hit.index, terms, controller.signal).then(
      (pieces) => controller.signal.aborted || setLater(pieces),
      () => {},
    );
    return () => controller.abort();
  }, [engine, episode, hit, terms, ranked]);
  return later;
}
