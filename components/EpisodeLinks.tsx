/**
 * The popup's view of one episode: its show notes as structured, copyable links (by section, with
 * kind and domain, filtered), the links cited in the transcript, the people featured and the
 * sponsors, and the result of the last action.
 */
import { useMemo, useState } from 'preact/hooks';
import type { PopupActions, PopupEpisode, PopupOrigin } from '@/lib/app/popup-state';
import { formatClock } from '@/lib/model/clock';
import type { NotesSection } from '@/lib/model/episode';
import { filterCitedLinks, filterLinks, notesMarkdown, plainUrl, plainUrls } from '@/lib/model/notes-export';
import { podcastName } from '@/lib/site/podcasts';
import { episodeName } from '@/lib/site/urls';
import { CitedLinks } from './CitedLinks';
import { FeaturedPeople } from './FeaturedPeople';
import { ShowNotes } from './ShowNotes';
import { SponsorList } from './SponsorList';

function filterSections(sections: NotesSection[], filter: string): NotesSection[] {
  return sections.map((section) => ({ ...section, links: filterLinks(section.links, filter) }));
}

/** `a`, `a and b`, `a, b and c`. */
const listed = (parts: string[]) => (parts.length < 2 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`);

/** Where each part came from, in words: "From the episode page: the show notes, …. From the bundled archive: …." */
export function originText(from: PopupOrigin): string {
  const page: string[] = [];
  const bundle: string[] = [];
  (from.notes === 'page' ? page : bundle).push('the show notes');
  if (from.people === 'page') page.push('the people and sponsors');
  (from.cited === 'page' ? page : bundle).push('the links mentioned in the transcript');
  return [page.length > 0 && `From the episode page: ${listed(page)}.`, bundle.length > 0 && `From the bundled archive: ${listed(bundle)}.`]
    .filter(Boolean)
    .join(' ');
}

export function EpisodeLinks({
  episode,
  canSeek,
  from,
  actions,
}: {
  episode: PopupEpisode;
  canSeek: boolean;
  from: PopupOrigin;
  actions: PopupActions;
}) {
  const [filter, setFilter] = useState('');
  const [status, setStatus] = useState('');
  const sections = useMemo(() => filterSections(episode.notes, filter), [episode.notes, filter]);
  const cited = useMemo(() => filterCitedLinks(episode.transcriptLinks, filter), [episode.transcriptLinks, filter]);
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
        {episode.title && <p class="show">{episode.number !== undefined ? episodeName(episode) : podcastName(episode.podcast)}</p>}
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
      <CitedLinks links={cited} canSeek={canSeek} onSeek={seek} onCopy={(url) => copy(plainUrl(url), 'Link')} />
      {!filter && <FeaturedPeople people={episode.featuring} />}
      {!filter && <SponsorList sponsors={episode.sponsors} />}
      <p class="status" role="status" data-testid="status">
        {status}
      </p>
      <p class="about muted" data-testid="origin" data-notes={from.notes} data-cited={from.cited}>
        {originText(from)}
      </p>
    </>
  );
}
