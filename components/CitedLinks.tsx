/** The popup's links cited inside the transcript: who cited them and when, a copy and a play button. */

import { formatClock } from '@/lib/model/clock';
import type { CitedLink } from '@/lib/model/episode';
import { ExternalLink } from './ExternalLink';
import { CopyIcon, PlayIcon } from './icons';

export function CitedLinks({
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
              <ExternalLink data-testid="link" url={link.url}>
                {link.text}
              </ExternalLink>
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
                  aria-label={`Play there, from ${formatClock(link.at)}`}
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
