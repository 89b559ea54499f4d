/**
 * The page's own chapters, when it lists them outside the transcript: consecutive lines that each
 * pair a time with a short title (`00:00 Intro`, `(04:12) Why eBPF`, `Cilium's service mesh –
 * 31:05`), with times that only go forward. The longest such list wins; three entries at least,
 * as two timed lines are as often a date and a note.
 */
import type { Chapter } from '../model/episode';
import { STAMP, secondsOf } from './heads';
import type { Line } from './lines';

export const PAGE_CHAPTER_LIMITS = { chapters: 500, title: 300, titleWords: 15, least: 3 };

const LEADING = new RegExp(String.raw`^${STAMP}\s*(?:[-–—|:.]\s*)?(.+)$`, 'u');
const TRAILING = new RegExp(String.raw`^(.+?)\s*(?:[-–—|:]\s*)?${STAMP}$`, 'u');

function entryOf(line: Line): { title: string; start: number } | null {
  const leading = LEADING.exec(line.text);
  const trailing = leading ? null : TRAILING.exec(line.text);
  const clock = leading ? (leading[1] ?? leading[2] ?? leading[3]) : trailing ? (trailing[2] ?? trailing[3] ?? trailing[4]) : undefined;
  const title = (leading ? leading[4] : trailing?.[1])?.replace(/^[\s\-–—|:.]+|[\s\-–—|:]+$/g, '');
  if (!clock || !title) return null;
  const start = secondsOf(clock);
  if (start === null || title.split(/\s+/).length > PAGE_CHAPTER_LIMITS.titleWords) return null;
  return { title: title.slice(0, PAGE_CHAPTER_LIMITS.title), start };
}

/**
 * The page's chapters from its lines, leaving out lines `skip.first`…`skip.last` (the transcript).
 * `duration` ends the last chapter when known.
 */
export function pageChapters(lines: readonly Line[], skip: { first: number; last: number } | null, duration?: number): Chapter[] {
  let best: { title: string; start: number }[] = [];
  let run: { title: string; start: number }[] = [];
  const close = () => {
    if (run.length > best.length) best = run;
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    if (skip && i >= skip.first && i <= skip.last) {
      close();
      continue;
    }
    const entry = entryOf(lines[i] as Line);
    const previous = run[run.length - 1];
    if (!entry) {
      close();
      continue;
    }
    if (previous && entry.start <= previous.start) close();
    run.push(entry);
  }
  close();
  if (best.length < PAGE_CHAPTER_LIMITS.least) return [];
  const entries = best.slice(0, PAGE_CHAPTER_LIMITS.chapters);
  return entries.map((entry, i) => {
    const chapter: Chapter = { number: i + 1, title: entry.title, start: entry.start, source: 'site' };
    const end = entries[i + 1]?.start ?? duration;
    if (end !== undefined && end > entry.start) chapter.end = end;
    return chapter;
  });
}
