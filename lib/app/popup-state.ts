/**
 * What the popup shows and may do, as its wiring (entrypoints/popup) provides it and its view
 * (components/Popup) uses it; and the popup's episode as it travels from a page's content script,
 * which sends only what the popup shows, within bounds, and the popup checks all of it on arrival.
 */

import {
  type CitedLink,
  type Episode,
  type FeaturedPerson,
  LINK_KINDS,
  type LinkKind,
  type NoteLink,
  type NotesSection,
  type Sponsor,
} from '../model/episode';
import { isHttpUrl } from '../model/links';

/** What the popup shows of an episode: its links and people, not its transcript. */
export type PopupEpisode = Pick<Episode, 'podcast' | 'slug' | 'number' | 'title' | 'notes' | 'transcriptLinks' | 'featuring' | 'sponsors'>;

/** What the popup shows. */
export type PopupState =
  | { kind: 'loading' }
  /** The active tab is not a changelog.com episode page. */
  | { kind: 'not-episode' }
  /** An episode the popup could not load (not bundled, page not reachable). */
  | { kind: 'unavailable'; title: string; reason: string }
  | { kind: 'episode'; episode: PopupEpisode; canSeek: boolean; from: PopupOrigin };

/** Where each part the popup shows came from: the popup says so, part by part. */
export interface PopupOrigin {
  /** The show notes' links. */
  notes: 'page' | 'bundle';
  /** The links cited in the transcript: from the transcript shown. */
  cited: 'page' | 'bundle';
  /** People and sponsors: only the episode page has them ('none' when it was not asked). */
  people: 'page' | 'none';
}

/** Everything from the bundle: the popup's `?episode=`, or a page that did not answer. */
export const FROM_BUNDLE: PopupOrigin = { notes: 'bundle', cited: 'bundle', people: 'none' };

/** What the popup's view may do outside itself. */
export interface PopupActions {
  copy: (text: string) => Promise<boolean>;
  openTabs: (urls: string[]) => void;
  /** Seeks the page's player; false when the page did not answer. */
  seek: (seconds: number) => Promise<boolean>;
}

/**
 * Bounds on what a page can make the popup hold: far above any real episode (the archive's largest
 * has 236 links and about 40,000 characters of notes). Each list and text has its own bound, and
 * the whole has two more, so that the lists' bounds multiplied (100 sections of 1,000 links of
 * 6 KB each) cannot freeze the popup: `links` counts every link it would draw (notes, cited,
 * people's), `characters` every character of text and URL.
 */
export const POPUP_LIMITS = {
  sections: 100,
  linksPerSection: 1000,
  citedLinks: 2000,
  people: 100,
  sponsors: 50,
  text: 2000,
  url: 2048,
  links: 3000,
  characters: 1_000_000,
};

const cut = (text: string) => text.slice(0, POPUP_LIMITS.text);

/** How many links the popup would draw for `episode`, and how many characters of text and URL. */
export function popupSize(episode: PopupEpisode): { links: number; characters: number } {
  let links = 0;
  let characters = (episode.title?.length ?? 0) + episode.podcast.length + episode.slug.length;
  const add = (...texts: (string | null | undefined)[]) => {
    for (const text of texts) characters += text?.length ?? 0;
  };
  for (const section of episode.notes) {
    add(section.heading);
    links += section.links.length;
    for (const link of section.links) add(link.text, link.url, link.domain, link.label, link.description);
  }
  links += episode.transcriptLinks.length;
  for (const link of episode.transcriptLinks) add(link.text, link.url, link.domain, link.speaker);
  for (const person of episode.featuring) {
    add(person.name, person.profile);
    links += person.links.length + 1;
    for (const link of person.links) add(link.text, link.url);
  }
  for (const sponsor of episode.sponsors) add(sponsor.name, sponsor.url, sponsor.description);
  return { links, characters };
}

const withinTotals = (episode: PopupEpisode) => {
  const size = popupSize(episode);
  return size.links <= POPUP_LIMITS.links && size.characters <= POPUP_LIMITS.characters;
};

/**
 * The popup's part of an episode, every list and text within {@link POPUP_LIMITS}. Past the
 * totals, the longest list loses its later half until it fits (show notes first, then the cited
 * links, people, sponsors), so what a page sends always passes {@link isPopupEpisode}.
 */
export function popupEpisode(episode: Episode): PopupEpisode {
  const shown: PopupEpisode = {
    podcast: episode.podcast,
    slug: episode.slug,
    notes: episode.notes.slice(0, POPUP_LIMITS.sections).map((section) => ({
      heading: section.heading === null ? null : cut(section.heading),
      links: section.links.slice(0, POPUP_LIMITS.linksPerSection).map((link) => ({
        ...link,
        text: cut(link.text),
        ...(link.description !== undefined && { description: cut(link.description) }),
      })),
    })),
    transcriptLinks: episode.transcriptLinks.slice(0, POPUP_LIMITS.citedLinks).map((link) => ({ ...link, text: cut(link.text) })),
    featuring: episode.featuring.slice(0, POPUP_LIMITS.people),
    sponsors: episode.sponsors.slice(0, POPUP_LIMITS.sponsors).map((sponsor) => ({ ...sponsor, description: cut(sponsor.description) })),
  };
  if (episode.number !== undefined) shown.number = episode.number;
  if (episode.title !== undefined) shown.title = cut(episode.title);
  // Over the totals (only a hostile page gets here): halve the longest list until it fits. With
  // every list empty, what is left (headings, title) is far under the totals.
  const half = <T>(list: T[]) => list.slice(0, Math.floor(list.length / 2));
  while (!withinTotals(shown)) {
    const longest = [...shown.notes].sort((a, b) => b.links.length - a.links.length)[0];
    if (longest && longest.links.length > 0) longest.links = half(longest.links);
    else if (shown.transcriptLinks.length > 0) shown.transcriptLinks = half(shown.transcriptLinks);
    else if (shown.featuring.length > 0) shown.featuring = half(shown.featuring);
    else if (shown.sponsors.length > 0) shown.sponsors = half(shown.sponsors);
    else break;
  }
  return shown;
}

/** A plain object: where every check of a value from outside (a message, its parts) starts. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= POPUP_LIMITS.text;
const isOptionalText = (value: unknown) => value === undefined || isText(value);
const isUrl = (value: unknown): value is string => typeof value === 'string' && value.length <= POPUP_LIMITS.url && isHttpUrl(value);
const isSeconds = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const listOf = <T>(value: unknown, limit: number, item: (entry: unknown) => entry is T): value is T[] =>
  Array.isArray(value) && value.length <= limit && value.every(item);

const isNoteLink = (value: unknown): value is NoteLink =>
  isRecord(value) &&
  isText(value.text) &&
  isUrl(value.url) &&
  isText(value.domain) &&
  LINK_KINDS.has(value.kind as LinkKind) &&
  isOptionalText(value.label) &&
  isOptionalText(value.description);
const isSection = (value: unknown): value is NotesSection =>
  isRecord(value) && (value.heading === null || isText(value.heading)) && listOf(value.links, POPUP_LIMITS.linksPerSection, isNoteLink);
const isCitedLink = (value: unknown): value is CitedLink =>
  isRecord(value) &&
  isText(value.text) &&
  isUrl(value.url) &&
  isText(value.domain) &&
  Number.isInteger(value.item) &&
  (value.speaker === null || isText(value.speaker)) &&
  isSeconds(value.at);
const isPerson = (value: unknown): value is FeaturedPerson =>
  isRecord(value) &&
  isText(value.name) &&
  (value.profile === undefined || isUrl(value.profile)) &&
  listOf(
    value.links,
    POPUP_LIMITS.linksPerSection,
    (link): link is { text: string; url: string } => isRecord(link) && isText(link.text) && isUrl(link.url),
  );
const isSponsor = (value: unknown): value is Sponsor =>
  isRecord(value) && isText(value.name) && (value.url === undefined || isUrl(value.url)) && isText(value.description);

/**
 * Whether a value is a {@link PopupEpisode} within bounds, checked all the way down: every text a
 * string of bounded length, every URL http(s), every count bounded. What the popup renders from a
 * page's answer passes through here.
 */
export function isPopupEpisode(value: unknown): value is PopupEpisode {
  return (
    isRecord(value) &&
    isText(value.podcast) &&
    isText(value.slug) &&
    (value.number === undefined || (Number.isInteger(value.number) && (value.number as number) >= 0)) &&
    isOptionalText(value.title) &&
    listOf(value.notes, POPUP_LIMITS.sections, isSection) &&
    listOf(value.transcriptLinks, POPUP_LIMITS.citedLinks, isCitedLink) &&
    listOf(value.featuring, POPUP_LIMITS.people, isPerson) &&
    listOf(value.sponsors, POPUP_LIMITS.sponsors, isSponsor) &&
    withinTotals(value as PopupEpisode)
  );
}
