/**
 * A speaker's name typed into an archive query ("liz rice ebpf"): a listener who names someone
 * means what that person said, not the turns where someone says their name. The name becomes a
 * speaker filter (the popup shows it as a chip the listener can remove) and the rest of the query
 * is searched within their turns.
 */
import { termSpans } from '../model/terms';
import { isQuoted } from './query';

/** A speaker named in a query: the name as the archive writes it, and the query without it. */
export interface NamedSpeaker {
  name: string;
  rest: string;
}

/** The longest name looked for, in words ("Jon Calhoun" is two, "Chris Benson Jr" three). */
const MAX_NAME_WORDS = 4;

const namesBySpeakers = new WeakMap<readonly (readonly [string, number])[], Map<string, string>>();

/**
 * Full names of two words or more, by their normalized words; where two spellings normalize
 * alike, the one with more turns wins (the list comes most turns first). A first name alone is
 * too often just a word ("will", "grant") to stand for a person.
 */
function namesOf(speakers: readonly (readonly [string, number])[]): Map<string, string> {
  let names = namesBySpeakers.get(speakers);
  if (names) return names;
  names = new Map();
  for (const [name] of speakers) {
    const words = termSpans(name).map((word) => word.term);
    if (words.length < 2 || words.length > MAX_NAME_WORDS) continue;
    const key = words.join(' ');
    if (!names.has(key)) names.set(key, name);
  }
  namesBySpeakers.set(speakers, names);
  return names;
}

/**
 * The first full speaker name in `query` (the longest where names overlap), or null when there is
 * none, when the name is all the query says, or when the query is a quoted phrase (quotes ask for
 * the words as said).
 */
export function findSpeakerName(query: string, speakers: readonly (readonly [string, number])[]): NamedSpeaker | null {
  if (isQuoted(query)) return null;
  const words = termSpans(query);
  if (words.length < 3) return null;
  const names = namesOf(speakers);
  for (let from = 0; from < words.length; from++) {
    for (let length = Math.min(MAX_NAME_WORDS, words.length - from); length >= 2; length--) {
      const key = words
        .slice(from, from + length)
        .map((word) => word.term)
        .join(' ');
      const name = names.get(key);
      if (name === undefined) continue;
      const start = (words[from] as { start: number }).start;
      const end = (words[from + length - 1] as { end: number }).end;
      const rest = `${query.slice(0, start)} ${query.slice(end)}`.replace(/\s+/g, ' ').trim();
      if (termSpans(rest).length === 0) return null;
      return { name, rest };
    }
  }
  return null;
}
