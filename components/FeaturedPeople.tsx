/** The popup's people featured in the episode, with their profiles and links (from the page). */
import type { FeaturedPerson } from '@/lib/model/episode';

export function FeaturedPeople({ people }: { people: FeaturedPerson[] }) {
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
