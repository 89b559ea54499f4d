/**
 * One link of the show notes in the popup: text (a real link, http(s) only), domain, kind and
 * the description that follows it in the notes, with a copy button.
 */

import type { LinkKind, NoteLink } from '@/lib/model/episode';
import { isHttpUrl } from '@/lib/model/links';
import { CopyIcon } from './icons';

const KIND_NAMES: Record<LinkKind, string> = {
  episode: 'Podcast episode',
  video: 'Video',
  repository: 'Repository',
  post: 'Social post',
  profile: 'Profile',
  package: 'Package',
  paper: 'Paper',
  book: 'Book',
  article: 'Article',
  website: 'Website',
};

export function kindName(link: Pick<NoteLink, 'kind' | 'label'>): string {
  return link.label ?? KIND_NAMES[link.kind];
}

export interface LinkRowProps {
  link: NoteLink;
  onCopy: (link: NoteLink) => void;
}

export function LinkRow({ link, onCopy }: LinkRowProps) {
  const safe = isHttpUrl(link.url);
  return (
    <li class="link" data-kind={link.kind}>
      <div class="link-main">
        {safe ? (
          <a data-testid="link" href={link.url} target="_blank" rel="noopener noreferrer">
            {link.text}
          </a>
        ) : (
          <span>{link.text}</span>
        )}
        <button
          type="button"
          class="icon-button"
          data-testid="copy"
          data-copy="link"
          onClick={() => onCopy(link)}
          aria-label={`Copy the link to ${link.text}`}
          title="Copy link"
        >
          <CopyIcon />
        </button>
      </div>
      <div class="link-meta">
        <span class={`kind kind--${link.kind}`}>{kindName(link)}</span> <span class="domain">{link.domain}</span>
      </div>
      {link.description && <p class="link-description">{link.description}</p>}
    </li>
  );
}
