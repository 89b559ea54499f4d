/**
 * Search every word said on every Changelog show: a query box, show and speaker filters, and
 * results grouped by episode, best first, each hit a snippet with speaker and time that links to
 * the moment on the episode page. The engine is injected (the popup wires the bundled index); the
 * logic (status, scheduling, filters, the speaker chip) lives in `hooks/useArchiveSearch.ts`.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { QueryCut } from '@/lib/archive/query-limits';
import type { EpisodeView } from '@/lib/archive/snippets';
import { formatClock } from '@/lib/model/clock';
import { TRANSCRIBED_PODCASTS } from '@/lib/site/podcasts';
import { episodeName, episodeUrl, timeUrl, transcriptItemUrl } from '@/lib/site/urls';
import { type ArchiveEngine, useArchiveSearch, useLaterSnippet } from './hooks/useArchiveSearch';

export type { ArchiveEngine } from './hooks/useArchiveSearch';

export interface ArchiveSearchProps {
  engine: ArchiveEngine;
  query: string;
  onQuery: (query: string) => void;
  /** Seeks the open page when it shows this episode; false means open the moment in a new tab. */
  seekInPage?: (podcast: string, slug: string, seconds: number) => Promise<boolean>;
  autoFocus?: boolean;
}

/** Hits shown per episode before its "more". */
const HITS_SHOWN = 3;

interface HitRowProps {
  episode: EpisodeView;
  hit: EpisodeView['hits'][number];
  terms: ReadonlySet<string>;
  engine: ArchiveEngine;
  /** The first answer: snippets are on their way, do not fetch them one by one. */
  ranked: boolean;
  seekInPage: ArchiveSearchProps['seekInPage'];
}

function HitRow({ episode, hit, terms, engine, ranked, seekInPage }: HitRowProps) {
  const later = useLaterSnippet(engine, episode, hit, terms, ranked);
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

function EpisodeResult({ episode, ...row }: Omit<HitRowProps, 'hit'>) {
  const [all, setAll] = useState(false);
  const shown = all ? episode.hits : episode.hits.slice(0, HITS_SHOWN);
  return (
    <li class="archive-episode" data-testid="archive-episode" data-podcast={episode.podcast} data-slug={episode.slug}>
      <h3>
        <a href={episodeUrl(episode)} target="_blank" rel="noopener noreferrer">
          {episodeName(episode)}
        </a>{' '}
        <span class="muted">
          {episode.hits.length} {episode.hits.length === 1 ? 'hit' : 'hits'}
        </span>
      </h3>
      {!episode.readable && <p class="muted">This episode's text could not be read from the bundle.</p>}
      <ul class="archive-hits">
        {shown.map((hit) => (
          <HitRow key={hit.index} episode={episode} hit={hit} {...row} />
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

/** What a query cut short left out, in a sentence. */
function cutNote(cut: QueryCut): string {
  return cut.truncated || cut.words > 0
    ? 'Only the start of this query was searched: it is longer than a search can be.'
    : 'Some spellings of these words were left out: the query asks for more than a search can read.';
}

export function ArchiveSearch({ engine, query, onQuery, seekInPage, autoFocus }: ArchiveSearchProps) {
  const search = useArchiveSearch(engine, query);
  const { status } = search;
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

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
            value={search.show}
            onChange={(event) => search.setShow(event.currentTarget.value)}
          >
            <option value="">All shows</option>
            {TRANSCRIBED_PODCASTS.map((podcast) => (
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
            value={search.speaker}
            onFocus={search.loadSpeakers}
            onChange={(event) => search.setSpeaker(event.currentTarget.value)}
          />
          <datalist id="archive-speakers">
            {search.speakerOptions.map(([name]) => (
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
              onClick={() => search.unname(status.speaker as string)}
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
          {status.answer.cut && (
            <p class="muted" data-testid="archive-cut">
              {cutNote(status.answer.cut)}
            </p>
          )}
          {listing}
          {status.answer.totalEpisodes > status.answer.episodes.length && (
            <button type="button" class="text-button" data-testid="archive-more" onClick={search.more}>
              More episodes
            </button>
          )}
        </>
      )}
    </section>
  );
}
