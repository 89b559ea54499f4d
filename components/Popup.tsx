/**
 * The toolbar popup: the archive search at the top, then what the tab shows: the episode's links
 * (EpisodeLinks), a note for a tab that is not an episode, or why the episode could not load;
 * the data's credits at the bottom. Everything outside the view goes through {@link PopupActions}.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { PopupActions, PopupState } from '@/lib/app/popup-state';
import { TRANSCRIPTS_REPO_URL } from '@/lib/site/urls';
import { type ArchiveEngine, ArchiveSearch } from './ArchiveSearch';
import { EpisodeLinks } from './EpisodeLinks';

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
      body = <EpisodeLinks episode={state.episode} canSeek={state.canSeek} from={state.from} actions={actions} />;
      break;
  }
  return (
    <main class="popup">
      {/* Every view has one h1: the episode's title, or else this; results' episodes (h3) sit under
          an h2. Screen readers navigate by them. */}
      {(searching || state.kind !== 'episode') && <h1 class="visually-hidden">Changelog Transcripts: search every episode</h1>}
      {searching && <h2 class="visually-hidden">Episodes that say it</h2>}
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
