/**
 * Search every word said on every Changelog show: a query box, show and speaker filters, and
 * results grouped by episode, best first, each hit a snippet with speaker and time that links to
 * the moment on the episode page. The engine is injected (the popup wires the bundled index).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ArchiveAnswer } from '@/lib/archive/engine';
import type { ArchiveQueryOptions } from '@/lib/archive/results';
import type { EpisodeView } from '@/lib/archive/snippets';
import { findSpeakerName } from '@/lib/archive/speaker-names';
import { formatClock } from '@/lib/model/clock';
import type { Highlighted } from '@/lib/model/highlight';
import { PODCASTS } from '@/lib/site/podcasts';
import { episodeName, episodeUrl, timeUrl, transcriptItemUrl } from '@/lib/site/urls';

/** What the view needs of the archive search (lib/archive/engine.ts provides it). */
export interface ArchiveEngine {
  /** Runs a query: the first `episodes` episodes presented, plus totals; `onRanked` may get a first answer without snippets. */
  search: (
    query: string,
    options: ArchiveQueryOptions,
    episodes: number,
    onRanked?: (answer: ArchiveAnswer) => void,
  ) => Promise<ArchiveAnswer>;
  /** Speakers with their turns, most first, for the speaker filter. */
  speakers: () => Promise<[string, number][]>;
  /** The snippet of a hit shown later (an episode's "more"). */
  snippet: (ref: { podcast: string; slug: string }, index: number, terms: ReadonlySet<string>) => Promise<Highlighted[]>;
}

export interface ArchiveSearchProps {
  engine: ArchiveEngine;
  query: string;
  onQuery: (query: string) => void;
  /** Seeks the open page when it shows this episode; false means open the moment in a new tab. */
  seekInPage?: (podcast: string, slug: string, seconds: number) => Promise<boolean>;
  autoFocus?: boolean;
}

const PAGE = 10;
const HITS_SHOWN = 3;

type Status =
  | { kind: 'idle' }
  | { kind: 'searching' }
  /** `speaker`: a name found in the query and searched as a filter (shown as a chip). */
  | { kind: 'done'; query: string; answer: ArchiveAnswer; speaker: string | null }
  | { kind: 'failed'; message: string };

function HitRow({
  episode,
  hit,
  terms,
  engine,
  ranked,
  seekInPage,
}: {
  episode: EpisodeView;
  hit: EpisodeView['hits'][number];
  terms: ReadonlySet<string>;
  engine: ArchiveEngine;
  /** The first answer: snippets are on their way, do not fetch them one by one. */
  ranked: boolean;
  seekInPage: ArchiveSearchProps['seekInPage'];
}) {
  const [later, setLater] = useState<Highlighted[] | null>(null);
  useEffect(() => {
    if (hit.snippet !== null || ranked) return;
    let live = true;
    void engine.snippet(episode, hit.index, terms).then((pieces) => live && setLater(pieces));
    return () => {
      live = false;
    };
  }, [engine, episode, hit, terms, ranked]);
  const snippet = hit.snippet ?? later ?? [];
  const moment = timeUrl(episode, hit.start);
  return (
    <li class="archive-hit">
      <a
        data-testid="archive-hit"
        href={transcriptItemUrl(episode, hit.index)}
        data-podcast={episode.podcast}
        data-slug={episode.slug}
        data-index={hit.index}
        target="_blank"
        rel="noopener noreferrer"
      >
        <span class="hit-meta">
          <strong>{hit.speaker || 'Unattributed'}</strong> · {hit.estimated ? '~' : ''}
          {formatClock(hit.start)}
          {hit.phrase && <span class="kind">exact phrase</span>}
        </span>
        <span class="hit-snippet">
          {snippet.length === 0 && hit.snippet === null ? (
            <span class="muted">…</span>
          ) : (
            snippet.map((piece, i) => (piece.mark ? <mark key={i}>{piece.text}</mark> : piece.text))
          )}
        </span>
      </a>
      <a
        class="text-button hit-play"
        href={moment}
        target="_blank"
        rel="noopener noreferrer"
        onClick={async (event) => {
          if (!seekInPage) return;
          event.preventDefault();
          if (!(await seekInPage(episode.podcast, episode.slug, hit.start))) window.open(moment, '_blank', 'noopener,noreferrer');
        }}
      >
        <span class="visually-hidden">{`Play ${episode.podcast} ${episode.slug} from ${formatClock(hit.start)}`}</span>
      </a>
    </li>
  );
}

function EpisodeResult({
  episode,
  terms,
  engine,
  ranked,
  seekInPage,
}: {
  episode: EpisodeView;
  terms: ReadonlySet<string>;
  engine: ArchiveEngine;
  ranked: boolean;
  seekInPage: ArchiveSearchProps['seekInPage'];
}) {
  const [all, setAll] = useState(false);
  const shown = all ? episode.hits : episode.hits.slice(0, HITS_SHOWN);
  const name = episodeName(episode);
  return (
    <li class="archive-episode" data-testid="archive-episode" data-podcast={episode.podcast} data-slug={episode.slug}>
      <h3>
        <a href={episodeUrl(episode)} target="_blank" rel="noopener noreferrer">
          {name}
        </a>{' '}
        <span class="muted">
          {episode.hits.length} {episode.hits.length === 1 ? 'hit' : 'hits'}
        </span>
      </h3>
      {!episode.readable && <p class="muted">This episode's text could not be read from the bundle.</p>}
      <ul class="archive-hits">
        {shown.map((hit) => (
          <HitRow key={hit.index} episode={episode} hit={hit} terms={terms} engine={engine} ranked={ranked} seekInPage={seekInPage} />
        ))}
      </ul>
      {episode.hits.length > HITS_SHOWN && (
        <button type="button" class="text-button" onClick={() => setAll(!all)} aria-expanded={all ? 'true' : 'false'}>
          {all ? 'Fewer' : `${episode.hits.length - HITS_SHOWN} more in this episode`}
        </button>
      )}
    </li>
  );
}

export function ArchiveSearch({ engine, query, onQuery, seekInPage, autoFocus }: ArchiveSearchProps) {
  const [show, setShow] = useState('');
  const [speaker, setSpeaker] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [speakers, setSpeakers] = useState<[string, number][]>([]);
  /** A name the listener took the chip off: searched as words until the query is cleared. */
  const [unnamed, setUnnamed] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const run = useRef(0);

  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  // A new query or filter starts from the first page of results.
  useLayoutEffect(() => setLimit(PAGE), [query, show, speaker]);

  // Search as the reader types, with no delay: one search at a time, and when one finishes while
  // the query changed meanwhile, the latest query runs next (older ones are skipped).
  const busy = useRef(false);
  const latest = useRef<(() => Promise<void>) | null>(null);
  // A layout effect: the search starts in the same task as the keystroke, not a frame later.
  useLayoutEffect(() => {
    const text = query.trim();
    const token = ++run.current;
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
      busy.current = true;
      try {
        // The speaker list comes with the index the search loads anyway: no extra wait.
        const named = options.speaker ? null : findSpeakerName(text, await engine.speakers());
        const chip = named && named.name !== unnamed ? named : null;
        if (chip) options.speaker = chip.name;
        const searched = chip ? chip.rest : text;
        const done = (answer: ArchiveAnswer): Status => ({ kind: 'done', query: text, answer, speaker: chip?.name ?? null });
        const answer = await engine.search(searched, options, limit, (ranked) => {
          if (token === run.current) setStatus(done(ranked));
        });
        if (token === run.current) setStatus(done(answer));
      } catch (error) {
        if (token === run.current) setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      } finally {
        busy.current = false;
        const next = latest.current;
        latest.current = null;
        if (next) void next();
      }
    };
    setStatus((previous) => (previous.kind === 'done' ? previous : { kind: 'searching' }));
    if (busy.current) latest.current = job;
    else void job();
  }, [engine, query, show, speaker, limit, unnamed]);

  // The same element while the answer stands: a keystroke re-renders the search box, not every
  // hit of the last answer, so the next search starts sooner.
  const listing = useMemo(
    () =>
      status.kind === 'done' && (
        // Keyed by the query: a new one replaces the whole list at once, not episode by episode.
        <ol class="archive-results" key={status.query}>
          {status.answer.episodes.map((episode) => (
            <EpisodeResult
              key={`${episode.podcast}/${episode.slug}`}
              episode={episode}
              terms={status.answer.terms}
              engine={engine}
              ranked={status.answer.detail === 'ranked'}
              seekInPage={seekInPage}
            />
          ))}
        </ol>
      ),
    [status, engine, seekInPage],
  );
  const speakerOptions = useMemo(() => speakers.slice(0, 800), [speakers]);
  const loadSpeakers = () => {
    if (speakers.length === 0) void engine.speakers().then(setSpeakers, () => {});
  };

  return (
    <section class="archive" aria-label="Search all episodes">
      <search class="search-archive">
        <input
          ref={input}
          type="search"
          data-testid="archive-search"
          placeholder="Search every episode…"
          aria-label="Search every Changelog episode"
          value={query}
          onInput={(event) => onQuery(event.currentTarget.value)}
        />
      </search>
      {query.trim() !== '' && (
        <div class="archive-filters">
          <select
            data-testid="archive-show"
            aria-label="Only this show"
            value={show}
            onChange={(event) => setShow(event.currentTarget.value)}
          >
            <option value="">All shows</option>
            {PODCASTS.filter((podcast) => podcast.slug !== 'reactpodcast').map((podcast) => (
              <option key={podcast.slug} value={podcast.slug}>
                {podcast.name}
              </option>
            ))}
          </select>
          <input
            type="search"
            data-testid="archive-speaker"
            list="archive-speakers"
            placeholder="Any speaker"
            aria-label="Only what this speaker said"
            value={speaker}
            onFocus={loadSpeakers}
            onChange={(event) => setSpeaker(event.currentTarget.value)}
          />
          <datalist id="archive-speakers">
            {speakerOptions.map(([name]) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </div>
      )}
      {status.kind === 'done' && status.speaker && (
        <p class="archive-chips">
          <span class="chip" data-testid="archive-speaker-chip" data-speaker={status.speaker}>
            Said by {status.speaker}
            <button
              type="button"
              class="text-button"
              data-testid="archive-speaker-chip-remove"
              aria-label={`Search “${status.speaker}” as words instead`}
              onClick={() => setUnnamed(status.speaker)}
            >
              ×
            </button>
          </span>
        </p>
      )}
      {status.kind === 'searching' && <p class="muted">Searching…</p>}
      {status.kind === 'failed' && (
        <p class="muted" role="alert">
          The archive index could not be read: {status.message}
        </p>
      )}
      {status.kind === 'done' && (
        <>
          <p
            class="muted"
            data-testid="archive-count"
            data-hits={status.answer.totalHits}
            data-query={status.query}
            data-detail={status.answer.detail}
            aria-live="polite"
          >
            {status.answer.totalHits === 0
              ? 'Nothing in the archive matches.'
              : `${status.answer.totalHits} ${status.answer.totalHits === 1 ? 'item' : 'items'} in ${status.answer.totalEpisodes} ${status.answer.totalEpisodes === 1 ? 'episode' : 'episodes'}`}
            {status.answer.partial && ' (no item says every word; these say some)'}
          </p>
          {listing}
          {status.answer.totalEpisodes > status.answer.episodes.length && (
            <button type="button" class="text-button" data-testid="archive-more" onClick={() => setLimit(limit + PAGE)}>
              More episodes
            </button>
          )}
        </>
      )}
    </section>
  );
}
