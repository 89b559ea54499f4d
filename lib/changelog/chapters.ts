/**
 * Chapters from the three places they come from: the site's `/PODCAST/SLUG/chapters` JSON, the
 * page's Chapters table, and, for the many episodes with neither, our own split of the
 * transcript at its `Break` items.
 */
import type { Chapter, NotesSection, TranscriptItem } from '../episode';
import { spokenText } from '../episode';
import { parseTimeFragment } from '../timing';
import { safeHttpUrl } from './inline';

/** The site's chapters endpoint: `{version, chapters: [{title, number, startTime, endTime}]}`. */
export function parseChaptersJson(json: unknown): Chapter[] {
  if (typeof json !== 'object' || json === null) return [];
  const list = (json as { chapters?: unknown }).chapters;
  if (!Array.isArray(list)) return [];
  const chapters: Chapter[] = [];
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { title, number, startTime, endTime, url } = entry as Record<string, unknown>;
    if (typeof startTime !== 'number' || !Number.isFinite(startTime) || startTime < 0) continue;
    const chapter: Chapter = {
      number: typeof number === 'number' ? number : chapters.length + 1,
      title: typeof title === 'string' && title.trim() ? title.trim() : `Chapter ${chapters.length + 1}`,
      start: startTime,
      source: 'site',
    };
    if (typeof endTime === 'number' && Number.isFinite(endTime) && endTime >= startTime) chapter.end = endTime;
    const safe = typeof url === 'string' ? safeHttpUrl(url) : null;
    if (safe) chapter.url = safe;
    chapters.push(chapter);
  }
  return chapters.sort((a, b) => a.start - b.start);
}

/**
 * The page's Chapters table: rows of number, start (`<a href="#t=591">9:51</a>`), title (a link
 * when the chapter has one) and duration.
 */
export function parseChaptersTable(section: Element | null): Chapter[] {
  if (!section) return [];
  const chapters: Chapter[] = [];
  for (const row of section.querySelectorAll('tbody tr, tr[data-chapter]')) {
    if (row.closest('thead')) continue;
    const cells = row.querySelectorAll('td');
    const startLink = row.querySelector('a[href^="#t="]');
    const start = startLink ? parseTimeFragment((startLink.getAttribute('href') ?? '').slice(3)) : null;
    if (start === null) continue;
    const titleCell = cells[2] ?? cells[cells.length - 1];
    const titleLink = titleCell?.querySelector('a[href]:not([href^="#"])');
    const title = (titleLink?.textContent ?? titleCell?.textContent ?? '').replace(/\s+/g, ' ').replace(/👀/gu, '').trim();
    const number = Number((cells[0]?.textContent ?? '').trim());
    const chapter: Chapter = {
      number: Number.isInteger(number) && number > 0 ? number : chapters.length + 1,
      title: title || `Chapter ${chapters.length + 1}`,
      start,
      source: 'site',
    };
    const duration = parseTimeFragment((cells[3]?.textContent ?? '').trim());
    if (duration !== null) chapter.end = start + duration;
    const url = safeHttpUrl(titleLink?.getAttribute('href'));
    if (url) chapter.url = url;
    chapters.push(chapter);
  }
  return chapters;
}

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
 * Chapters for an episode the site gives none: one per stretch between `Break` items. When the
 * show notes have exactly one headed section per stretch (Ship It! #26: four interviews, four
 * sections, three breaks), chapters take the section headings; otherwise a chapter is named after
 * the speakers particular to it (all of its speakers when none is) and its first words.
 * No breaks, no derived chapters: one chapter spanning the episode tells a listener nothing.
 */
export function deriveChapters(items: readonly TranscriptItem[], notes: readonly NotesSection[], duration?: number): Chapter[] {
  const segments: TranscriptItem[][] = [];
  let current: TranscriptItem[] = [];
  for (const item of items) {
    if (item.kind === 'break') {
      if (current.length > 0) segments.push(current);
      current = [];
      continue;
    }
    current.push(item);
  }
  if (current.length > 0) segments.push(current);
  if (segments.length < 2) return [];

  const headed = notes.filter((section) => section.heading !== null);
  const useHeadings = headed.length === segments.length;

  const speakersOf = segments.map((segment) => new Set(segment.flatMap((item) => (item.speaker ? [item.speaker] : []))));
  const inEvery = new Set([...(speakersOf[0] ?? [])].filter((name) => speakersOf.every((set) => set.has(name))));

  return segments.map((segment, i) => {
    const first = segment[0] as TranscriptItem;
    const start = i === 0 ? 0 : first.estimatedStart;
    let title: string;
    if (useHeadings) {
      title = headed[i]?.heading ?? '';
    } else {
      const speakers = [...(speakersOf[i] ?? [])];
      const particular = speakers.filter((name) => !inEvery.has(name));
      const names = (particular.length > 0 ? particular : speakers).join(', ');
      const opening = firstWords(segment.find((item) => item.kind === 'speech'));
      title = [names, opening].filter(Boolean).join(' — ') || `Part ${i + 1}`;
    }
    const chapter: Chapter = { number: i + 1, title, start, source: 'derived', firstItem: first.index };
    const next = segments[i + 1]?.[0];
    const end = next ? next.estimatedStart : duration;
    if (end !== undefined && end >= start) chapter.end = end;
    return chapter;
  });
}

/** The chapter playing at `seconds`: the last one that starts at or before it. */
export function chapterAt(chapters: readonly Chapter[], seconds: number): Chapter | undefined {
  let found: Chapter | undefined;
  for (const chapter of chapters) {
    if (chapter.start <= seconds) found = chapter;
    else break;
  }
  return found;
}
