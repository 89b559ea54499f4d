/**
 * Chapters for an episode the site gives none (most of the archive): the transcript split at its
 * `Break` items, named after the show notes' sections or the parts' speakers and first words.
 * Which chapter is playing is the player's question (lib/site/player.ts).
 */
import { type Chapter, type NotesSection, spokenText, type TranscriptItem } from './episode';

const FIRST_WORDS = 7;

function firstWords(item: TranscriptItem | undefined): string {
  if (!item) return '';
  const text = item.paragraphs
    .map((paragraph) => spokenText(paragraph))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = text.split(' ');
  return words.length > FIRST_WORDS ? `${words.slice(0, FIRST_WORDS).join(' ')}…` : text;
}

/**
 * Chapters for an episode the site gives none: one per part between breaks (`Break` items, and
 * breaks written inside a turn). When the show notes have exactly one headed section per part
 * (Ship It! #26: four interviews, four sections, three breaks), chapters take the section
 * headings; otherwise a chapter is named after
 * the speakers particular to it (all of its speakers when none is) and its first words.
 * No breaks, no derived chapters: one chapter spanning the episode tells a listener nothing.
 */
export function deriveChapters(items: readonly TranscriptItem[], notes: readonly NotesSection[], duration?: number): Chapter[] {
  const parts: TranscriptItem[][] = [];
  let current: TranscriptItem[] = [];
  for (const item of items) {
    if (item.kind === 'break') {
      if (current.length > 0) parts.push(current);
      current = [];
      continue;
    }
    current.push(item);
    // A break written inside a turn (`**Break**:`) ends its part after that turn.
    if (item.breaks && item.breaks.length > 0) {
      parts.push(current);
      current = [];
    }
  }
  if (current.length > 0) parts.push(current);
  if (parts.length < 2) return [];

  const headed = notes.filter((section) => section.heading !== null);
  const useHeadings = headed.length === parts.length;

  const speakersOf = parts.map((part) => new Set(part.flatMap((item) => (item.speaker ? [item.speaker] : []))));
  const inEvery = new Set([...(speakersOf[0] ?? [])].filter((name) => speakersOf.every((set) => set.has(name))));

  return parts.map((part, i) => {
    const first = part[0] as TranscriptItem;
    const start = i === 0 ? 0 : first.estimatedStart;
    let title: string;
    if (useHeadings) {
      title = headed[i]?.heading ?? '';
    } else {
      const speakers = [...(speakersOf[i] ?? [])];
      const particular = speakers.filter((name) => !inEvery.has(name));
      const names = (particular.length > 0 ? particular : speakers).join(', ');
      const opening = firstWords(part.find((item) => item.kind === 'speech'));
      title = [names, opening].filter(Boolean).join(' — ') || `Part ${i + 1}`;
    }
    const chapter: Chapter = { number: i + 1, title, start, source: 'derived', firstItem: first.index };
    const next = parts[i + 1]?.[0];
    const end = next ? next.estimatedStart : duration;
    if (end !== undefined && end >= start) chapter.end = end;
    return chapter;
  });
}
