/**
 * Messages between the extension's parts, named by direction, each with a guard that checks
 * what arrived: a part never trusts a message because of where it says it came from.
 *
 * - popup → content script (`browser.tabs.sendMessage`): ask for the episode on the page, or
 *   seek the page's player;
 * - content script → popup: the reply;
 * - content script → background (`browser.runtime.sendMessage`): open the archive search in a
 *   tab, from the panel's "Search all episodes";
 * - background → archive search page: show this query (a search tab already open answers, so
 *   one tab serves every click); archive search page → background: the query it was opened for.
 *   The query travels in messages, never in the tab's URL, so it stays out of the history.
 */

import type { SourceNote } from './choose-source';
import { isPopupEpisode, isRecord, type PopupEpisode } from './popup-state';

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

/** The content script's answer to {@link PopupGetEpisode}: the popup's part of what its panel shows. */
export interface ContentEpisode {
  type: 'content:episode';
  episode: PopupEpisode;
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

export function isPopupToContent(value: unknown): value is PopupToContent {
  if (!isRecord(value)) return false;
  if (value.type === 'popup:get-episode') return Object.keys(value).length === 1;
  if (value.type === 'popup:seek') return typeof value.seconds === 'number' && Number.isFinite(value.seconds) && value.seconds >= 0;
  return false;
}

const SOURCE_KINDS = new Set(['bundle', 'page', 'none']);

export function isContentEpisode(value: unknown): value is ContentEpisode {
  return (
    isRecord(value) &&
    value.type === 'content:episode' &&
    isPopupEpisode(value.episode) &&
    isRecord(value.source) &&
    SOURCE_KINDS.has(value.source.kind as string) &&
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

/** The background asks an open archive search page (opened from the panel) to show a query. */
export interface BackgroundShowArchiveSearch {
  type: 'background:show-archive-search';
  query: string;
}

export type BackgroundToPopup = BackgroundShowArchiveSearch;

/** An archive search page opened from the panel asks the background for its query. */
export interface PopupTakeArchiveQuery {
  type: 'popup:take-archive-query';
}

export type PopupToBackground = PopupTakeArchiveQuery;

export function isBackgroundToPopup(value: unknown): value is BackgroundToPopup {
  return (
    isRecord(value) &&
    value.type === 'background:show-archive-search' &&
    typeof value.query === 'string' &&
    value.query.length <= MAX_QUERY_LENGTH
  );
}

export function isPopupToBackground(value: unknown): value is PopupToBackground {
  return isRecord(value) && value.type === 'popup:take-archive-query' && Object.keys(value).length === 1;
}

/** Queries longer than this are cut: nobody types more, and it bounds what a message carries. */
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
