/** The popup's sponsors of the episode, marked as sponsored, after the editorial links (from the page). */
import type { Sponsor } from '@/lib/model/episode';
import { ExternalLink } from './ExternalLink';

export function SponsorList({ sponsors }: { sponsors: Sponsor[] }) {
  if (sponsors.length === 0) return null;
  return (
    <section class="sponsors" aria-label="Sponsors">
      <h2>
        Sponsors <span class="badge">Sponsored</span>
      </h2>
      <ul>
        {sponsors.map((sponsor) => (
          <li key={sponsor.name} data-testid="sponsor">
            <ExternalLink url={sponsor.url} sponsored>
              <strong>{sponsor.name}</strong>
            </ExternalLink>
            {sponsor.description && <p class="link-description">{sponsor.description}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
