/**
 * The site's chapters, from the two places it gives them: the page's Chapters table and, when
 * that does not parse, its `/PODCAST/SLUG/chapters` JSON (read with a size cap). For the many episodes with neither, lib/model/chapters.ts derives
 * them from the transcript.
 */

import { parseTimeFragment } from '../model/clock';
import type { Chapter } from '../model/episode';
import { safeHttpUrl } from '../model/links';
import { select, selectAll } from './selectors';
import { type EpisodeRef, episodeUrl, SITE_ORIGIN } from './urls';

/**
 * Bounds on what a page (or its chapters endpoint) can make the panel hold: far above any real
 * episode (Changelog & Friends #47 has 14 chapters), far below what would slow a tab.
 */
export const CHAPTER_LIMITS = { chapters: 500, title: 300 };

const chapterTitle = (text: string) => text.slice(0, CHAPTER_LIMITS.title);

/** The site's chapters endpoint: `{version, chapters: [{title, number, startTime, endTime}]}`. */
export function parseChaptersJson(json: unknown): Chapter[] {
  if (typeof json !== 'object' || json === null) return [];
  const list = (json as { chapters?: unknown }).chapters;
  if (!Array.isArray(list)) return [];
  const chapters: Chapter[] = [];
  for (const entry of list.slice(0, CHAPTER_LIMITS.chapters)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { title, number, startTime, endTime, url } = entry as Record<string, unknown>;
    if (typeof startTime !== 'number' || !Number.isFinite(startTime) || startTime < 0) continue;
    const chapter: Chapter = {
      number: typeof number === 'number' ? number : chapters.length + 1,
      title: typeof title === 'string' && title.trim() ? chapterTitle(title.trim()) : `Chapter ${chapters.length + 1}`,
      start: startTime,
      source: 'site',
    };
    if (typeof endTime === 'number' && Number.isFinite(endTime) && endTime >= startTime) chapter.end = endTime;
    const safe = typeof url === 'string' ? safeHttpUrl(url, SITE_ORIGIN) : null;
    if (safe) chapter.url = safe;
    chapters.push(chapter);
  }
  return chapters.sort((a, b) => a.start - b.start);
}

/**
 * The most the chapters endpoint may send. Real answers are about 1 KB (Changelog & Friends #47,
 * 14 chapters); {@link CHAPTER_LIMITS}' 500 chapters of 300-character titles fit in 256 KB.
 */
export const CHAPTERS_JSON_MAX_BYTES = 256 * 1024;

/**
 * The body of `response` as text, read as a stream and given up (the stream cancelled) as soon as
 * it passes `maxBytes`; null then, or when its declared length already does.
 */
export async function readCappedText(response: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    return null;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * The site's chapters from its endpoint (`https://changelog.com/PODCAST/SLUG/chapters`), for a page
 * whose Chapters section exists but did not parse: the one request the extension makes of its own
 * (README, _Privacy_). Same site, no cookies, at most {@link CHAPTERS_JSON_MAX_BYTES} read; [] for
 * anything else.
 */
export async function fetchSiteChapters(ref: EpisodeRef, fetchImpl: typeof fetch = fetch): Promise<Chapter[]> {
  try {
    // No cookies, and no redirect: the request stays on the site the listener is reading.
    const response = await fetchImpl(`${episodeUrl(ref)}/chapters`, { credentials: 'omit', redirect: 'error' });
    if (!response.ok) return [];
    const text = await readCappedText(response, CHAPTERS_JSON_MAX_BYTES);
    return text === null ? [] : parseChaptersJson(JSON.parse(text));
  } catch {
    return [];
  }
}

/**
 * The page's Chapters table: rows of number, start (`<a href="#t=591">9:51</a>`), title (a link
 * when the chapter has one) and duration.
 */
export function parseChaptersTable(section: Element | null): Chapter[] {
  if (!section) return [];
  const chapters: Chapter[] = [];
  for (const row of selectAll(section, 'chapterRow').slice(0, CHAPTER_LIMITS.chapters)) {
    if (row.closest('thead')) continue;
    const cells = selectAll(row, 'chapterCell');
    const startLink = select(row, 'chapterStart');
    const start = startLink ? parseTimeFragment((startLink.getAttribute('href') ?? '').slice(3)) : null;
    if (start === null) continue;
    const titleCell = cells[2] ?? cells[cells.length - 1];
    const titleLink = titleCell ? select(titleCell, 'chapterLink') : null;
    const title = (titleLink?.textContent ?? titleCell?.textContent ?? '').replace(/\s+/g, ' ').replace(/👀/gu, '').trim();
    const number = Number((cells[0]?.textContent ?? '').trim());
    const chapter: Chapter = {
      number: Number.isInteger(number) && number > 0 ? number : chapters.length + 1,
      title: chapterTitle(title) || `Chapter ${chapters.length + 1}`,
      start,
      source: 'site',
    };
    const duration = parseTimeFragment((cells[3]?.textContent ?? '').trim());
    if (duration !== null) chapter.end = start + duration;
    const url = safeHttpUrl(titleLink?.getAttribute('href'), SITE_ORIGIN);
    if (url) chapter.url = url;
    chapters.push(chapter);
  }
  return chapters;
}
