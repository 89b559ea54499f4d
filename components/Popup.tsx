/**
 * The toolbar popup: the episode's show notes as structured, copyable links (by section, with kind
 * and domain), the people featured, the sponsors (marked), and the links cited inside the
 * transcript with a button that seeks the page's player there. Everything outside the view goes
 * through {@link PopupActions}.
 */
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { PopupState } from '@/lib/app/popup-state';
import type { CitedLink, Episode, FeaturedPerson, NotesSection, Sponsor } from '@/lib/model/episode';
import { filterLinks, notesMarkdown, plainUrls } from '@/lib/model/notes-export';
import { formatClock } from '@/lib/model/timing';
import { podcastName } from '@/lib/site/podcasts';
import { episodeName } from '@/lib/site/quote';
import { TRANSCRIPTS_REPO_URL } from '@/lib/site/urls';
import { type ArchiveEngine, ArchiveSearch } from './ArchiveSearch';
import { CopyIcon, PlayIcon } from './icons';
import { ShowNotes } from './ShowNotes';

export interface PopupActions {
  copy: (text: string) => Promise<boolean>;
  openTabs: (urls: string[]) => void;
  /** Seeks the page's player; false when the page did not answer. */
  seek: (seconds: number) => Promise<boolean>;
}

export interface PopupProps {
  state: PopupState;
  actions: PopupActions;
  /** The archive search, shown above everything; its results replace the episode while a query is typed. */
  archive?: {
    engine: ArchiveEngine;
    initialQuery?: string;
    /** Seeks the tab's page when it shows that episode. */
    seekInPage?: (podcast: string, slug: string, seconds: number) => Promise<boolean>;
  };
}

function People({ people }: { people: FeaturedPerson[] }) {
  if (people.length === 0) return null;
  return (
    <section class="people" aria-label="Featuring">
      <h2>Featuring</h2>
      <ul>
        {people.map((person) => (
          <li key={person.name}>
            {person.profile ? (
              <a href={person.profile} target="_blank" rel="noopener noreferrer">
                {person.name}
              </a>
            ) : (
              person.name
            )}
            {person.links.length > 0 && ' · '}
            {person.links.map((link, i) => (
              <span key={link.url}>
                {i > 0 && ', '}
                <a href={link.url} target="_blank" rel="noopener noreferrer">
                  {link.text}
                </a>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Sponsors({ sponsors }: { sponsors: Sponsor[] }) {
  if (sponsors.length === 0) return null;
  return (
    <section class="sponsors" aria-label="Sponsors">
      <h2>
        Sponsors <span class="badge">Sponsored</span>
      </h2>
      <ul>
        {sponsors.map((sponsor) => (
          <li key={sponsor.name} data-testid="sponsor">
            {sponsor.url ? (
              <a href={sponsor.url} target="_blank" rel="noopener noreferrer sponsored">
                {sponsor.name}
              </a>
            ) : (
              <strong>{sponsor.name}</strong>
            )}
            {sponsor.description && <p class="link-description">{sponsor.description}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Cited({
  links,
  canSeek,
  onSeek,
  onCopy,
}: {
  links: CitedLink[];
  canSeek: boolean;
  onSeek: (s: number) => void;
  onCopy: (url: string) => void;
}) {
  if (links.length === 0) return null;
  return (
    <section class="cited" aria-label="Mentioned in the transcript">
      <h2>Mentioned in the transcript</h2>
      <ul class="links">
        {links.map((link, i) => (
          <li key={`${i}-${link.url}`} class="link" data-testid="cited-link">
            <div class="link-main">
              <a data-testid="link" href={link.url} target="_blank" rel="noopener noreferrer">
                {link.text}
              </a>
              <button
                type="button"
                class="icon-button"
                data-testid="copy"
                data-copy="cited"
                onClick={() => onCopy(link.url)}
                aria-label={`Copy the link to ${link.text}`}
              >
                <CopyIcon />
              </button>
            </div>
            <div class="link-meta">
              <span class="domain">{link.domain}</span> · {link.speaker ?? 'Unattributed'} at {formatClock(link.at)}{' '}
              {canSeek && (
                <button
                  type="button"
                  class="text-button"
                  data-testid="cited-seek"
                  data-start={link.at}
                  onClick={() => onSeek(link.at)}
                  aria-label={`Play from ${formatClock(link.at)}`}
                >
                  <PlayIcon /> Play there
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function filterSections(sections: NotesSection[], filter: string): NotesSection[] {
  return sections.map((section) => ({ ...section, links: filterLinks(section.links, filter) }));
}

function EpisodeView({
  episode,
  canSeek,
  from,
  actions,
}: {
  episode: Episode;
  canSeek: boolean;
  from: 'page' | 'bundle';
  actions: PopupActions;
}) {
  const [filter, setFilter] = useState('');
  const [status, setStatus] = useState('');
  const sections = useMemo(() => filterSections(episode.notes, filter), [episode.notes, filter]);
  const cited = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    return episode.transcriptLinks.filter((link) =>
      words.every((word) => `${link.text} ${link.url} ${link.speaker ?? ''}`.toLowerCase().includes(word)),
    );
  }, [episode.transcriptLinks, filter]);
  const allLinks = sections.flatMap((section) => section.links);
  const copy = async (text: string, what: string) => {
    const ok = await actions.copy(text);
    setStatus(ok ? `${what} copied` : `Could not copy the ${what.toLowerCase()}`);
  };
  const seek = async (seconds: number) => {
    const ok = await actions.seek(seconds);
    setStatus(ok ? `Playing from ${formatClock(seconds)}` : 'The episode page did not answer; reload it and try again.');
  };
  return (
    <>
      <header class="episode-head">
        {episode.title && (
          <p class="show">
            {episode.number !== undefined ? `${podcastName(episode.podcast)} #${episode.number}` : podcastName(episode.podcast)}
          </p>
        )}
        <h1 data-testid="episode-title">{episode.title ?? episodeName(episode)}</h1>
      </header>
      <div class="filter">
        <input
          type="search"
          data-testid="link-filter"
          placeholder="Filter links"
          aria-label="Filter the links"
          value={filter}
          onInput={(event) => setFilter(event.currentTarget.value)}
        />
        <span class="muted" aria-live="polite">
          {allLinks.length} {allLinks.length === 1 ? 'link' : 'links'}
        </span>
      </div>
      <div class="toolbar">
        <button
          type="button"
          class="text-button"
          data-testid="copy"
          data-copy="all-markdown"
          onClick={() => copy(notesMarkdown(sections), 'All links')}
          disabled={allLinks.length === 0}
        >
          Copy all as Markdown
        </button>
        <button
          type="button"
          class="text-button"
          data-testid="copy"
          data-copy="all-urls"
          onClick={() => copy(plainUrls(allLinks), 'URLs')}
          disabled={allLinks.length === 0}
        >
          Copy all URLs
        </button>
      </div>
      <ShowNotes sections={sections} actions={{ copy: (text, what) => copy(text, what), openTabs: actions.openTabs }} />
      <Cited links={cited} canSeek={canSeek} onSeek={seek} onCopy={(url) => copy(url, 'Link')} />
      {!filter && <People people={episode.featuring} />}
      {!filter && <Sponsors sponsors={episode.sponsors} />}
      <p class="status" role="status" data-testid="status">
        {status}
      </p>
      <p class="about muted">{from === 'bundle' ? 'From the bundled archive.' : 'From the episode page.'} </p>
    </>
  );
}

export function Popup({ state, actions, archive }: PopupProps) {
  const [query, setQuery] = useState(archive?.initialQuery ?? '');
  const searching = archive !== undefined && query.trim() !== '';
  let body: ComponentChildren;
  switch (state.kind) {
    case 'loading':
      body = <p class="muted">Loading…</p>;
      break;
    case 'not-episode':
      body = (
        <p class="muted" data-testid="not-episode">
          This tab is not a Changelog episode page. Open an episode on changelog.com to see its links, or search every episode above.
        </p>
      );
      break;
    case 'unavailable':
      body = (
        <p class="muted" data-testid="unavailable">
          {state.title}: {state.reason}
        </p>
      );
      break;
    case 'episode':
      body = <EpisodeView episode={state.episode} canSeek={state.canSeek} from={state.from} actions={actions} />;
      break;
  }
  return (
    <main class="popup">
      {archive && (
        <ArchiveSearch
          engine={archive.engine}
          query={query}
          onQuery={setQuery}
          autoFocus={state.kind !== 'episode' || Boolean(archive.initialQuery)}
          {...(archive.seekInPage && { seekInPage: archive.seekInPage })}
        />
      )}
      {!searching && body}
      <footer class="credits muted">
        Transcripts and show notes by{' '}
        <a href="https://changelog.com" target="_blank" rel="noopener noreferrer">
          Changelog Media
        </a>
        , transcripts under{' '}
        <a href="https://creativecommons.org/licenses/by-sa/4.0/" target="_blank" rel="noopener noreferrer">
          CC BY-SA 4.0
        </a>{' '}
        (
        <a href={TRANSCRIPTS_REPO_URL} target="_blank" rel="noopener noreferrer">
          source
        </a>
        ).
      </footer>
    </main>
  );
}
