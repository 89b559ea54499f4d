/** The popup's people featured in the episode, with their profiles and links (from the page). */
import type { FeaturedPerson } from '@/lib/model/episode';
import { ExternalLink } from './ExternalLink';

export function FeaturedPeople({ people }: { people: FeaturedPerson[] }) {
  if (people.length === 0) return null;
  return (
    <section class="people" aria-label="Featuring">
      <h2>Featuring</h2>
      <ul>
        {people.map((person) => (
          <li key={person.name}>
            <ExternalLink url={person.profile}>{person.name}</ExternalLink>
            {person.links.length > 0 && ' · '}
            {person.links.map((link, i) => (
              <span key={link.url}>
                {i > 0 && ', '}
                <ExternalLink url={link.url}>{link.text}</ExternalLink>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
