/**
 * Messages between the extension's parts, named by direction, each with a guard that checks
 * what arrived: a part never trusts a message because of where it says it came from.
 *
 * - popup → content script (`browser.tabs.sendMessage`): ask for the episode on the page, or
 *   seek the page's player;
 * - content script → popup: the reply;
 * - content script → background (`browser.runtime.sendMessage`): open the archive search in a
 *   tab, from the panel's "Search all episodes".
 */
import type { EpisodeParts } from '../model/episode';
import type { SourceNote } from './choose-source';

/** The popup asks the content script of the active tab for the episode it shows. */
export interface PopupGetEpisode {
  type: 'popup:get-episode';
}

/** The popup asks the content script to seek the site's player. */
export interface PopupSeek {
  type: 'popup:seek';
  seconds: number;
}

export type PopupToContent = PopupGetEpisode | PopupSeek;

/** The content script's answer to {@link PopupGetEpisode}: what its panel shows. */
export interface ContentEpisode {
  type: 'content:episode';
  parts: EpisodeParts;
  source: SourceNote;
  /** Whether the page has the site's player (seek buttons make sense). */
  canSeek: boolean;
}

/** The content script's answer to {@link PopupSeek}. */
export interface ContentSeeked {
  type: 'content:seeked';
  ok: boolean;
}

export type ContentToPopup = ContentEpisode | ContentSeeked;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isPopupToContent(value: unknown): value is PopupToContent {
  if (!isRecord(value)) return false;
  if (value.type === 'popup:get-episode') return Object.keys(value).length === 1;
  if (value.type === 'popup:seek') return typeof value.seconds === 'number' && Number.isFinite(value.seconds) && value.seconds >= 0;
  return false;
}

/** A shallow check of the parts' shape; the views render every field as text anyway. */
function looksLikeParts(value: unknown): value is EpisodeParts {
  return (
    isRecord(value) &&
    typeof value.podcast === 'string' &&
    typeof value.slug === 'string' &&
    Array.isArray(value.items) &&
    (value.notes === undefined || Array.isArray(value.notes)) &&
    (value.sponsors === undefined || Array.isArray(value.sponsors)) &&
    (value.featuring === undefined || Array.isArray(value.featuring))
  );
}

export function isContentEpisode(value: unknown): value is ContentEpisode {
  return (
    isRecord(value) &&
    value.type === 'content:episode' &&
    looksLikeParts(value.parts) &&
    isRecord(value.source) &&
    typeof value.canSeek === 'boolean'
  );
}

export function isContentSeeked(value: unknown): value is ContentSeeked {
  return isRecord(value) && value.type === 'content:seeked' && typeof value.ok === 'boolean';
}

/** The panel asks the background to open the archive search for a query. */
export interface ContentOpenArchiveSearch {
  type: 'content:open-archive-search';
  query: string;
}

export type ContentToBackground = ContentOpenArchiveSearch;

/** Queries longer than this are cut: nobody types more, and it bounds the tab's URL. */
export const MAX_QUERY_LENGTH = 200;

export function isContentToBackground(value: unknown): value is ContentToBackground {
  return (
    isRecord(value) &&
    value.type === 'content:open-archive-search' &&
    typeof value.query === 'string' &&
    value.query.trim() !== '' &&
    value.query.length <= MAX_QUERY_LENGTH
  );
}
