/**
 * The show notes as the notes organise them: one block per section (heading, links in order),
 * each with copy-as-Markdown, copy-URLs and open-all actions. Opening more than five tabs asks
 * first.
 */
import { useState } from 'preact/hooks';
import type { NoteLink, NotesSection } from '@/lib/model/episode';
import { plainUrl, plainUrls, sectionMarkdown } from '@/lib/model/notes-export';
import { LinkRow } from './LinkRow';

/** Above this many links, "Open all" asks before opening tabs. */
export const OPEN_WITHOUT_ASKING = 5;

export interface NotesActions {
  copy: (text: string, what: string) => void;
  openTabs: (urls: string[]) => void;
}

function SectionView({ section, actions }: { section: NotesSection; actions: NotesActions }) {
  const [confirming, setConfirming] = useState(false);
  const title = section.heading ?? '';
  const urls = section.links.map((link) => link.url);
  const open = () => {
    if (urls.length > OPEN_WITHOUT_ASKING && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    actions.openTabs(urls);
  };
  return (
    <section class="notes-section" data-testid="notes-section" data-title={title} aria-label={title || 'Links'}>
      <header class="section-head">
        <h2>{title || 'Links'}</h2>
        <span class="section-actions">
          <button
            type="button"
            class="text-button"
            data-testid="copy"
            data-copy="section-markdown"
            onClick={() => actions.copy(sectionMarkdown(section), 'Section')}
          >
            Copy Markdown
          </button>
          <button
            type="button"
            class="text-button"
            data-testid="copy"
            data-copy="section-urls"
            onClick={() => actions.copy(plainUrls(section.links), 'URLs')}
          >
            Copy URLs
          </button>
          <button type="button" class="text-button" data-testid="open-all" onClick={open}>
            Open all ({urls.length})
          </button>
        </span>
      </header>
      {confirming && (
        <p class="confirm" role="alert">
          Open {urls.length} tabs?{' '}
          <button type="button" class="text-button" data-testid="confirm-open" onClick={open}>
            Open
          </button>{' '}
          <button type="button" class="text-button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </p>
      )}
      <ul class="links">
        {section.links.map((link, i) => (
          <LinkRow key={`${i}-${link.url}`} link={link} onCopy={(l: NoteLink) => actions.copy(plainUrl(l.url), 'Link')} />
        ))}
      </ul>
    </section>
  );
}

export function ShowNotes({ sections, actions }: { sections: NotesSection[]; actions: NotesActions }) {
  const withLinks = sections.filter((section) => section.links.length > 0);
  if (withLinks.length === 0) return <p class="muted">These show notes have no links.</p>;
  return (
    <>
      {withLinks.map((section, i) => (
        <SectionView key={`${i}-${section.heading}`} section={section} actions={actions} />
      ))}
    </>
  );
}
