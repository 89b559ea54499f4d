/**
 * What the popup's copy buttons produce from show notes: Markdown lists
 * (`- [text](url) — description`), sections with their headings, and plain URL lists.
 */
import type { CitedLink, NoteLink, NotesSection } from './episode';

/**
 * Characters that must not reach a paste: controls (C0 but tab and newline, DEL, C1) and the
 * bidirectional overrides and marks that make text read other than it is (`\u202E`…).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is what it is for.
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text safe anywhere in copied Markdown: controls and bidi overrides removed, whitespace collapsed,
 * brackets and backslashes escaped (so page text cannot make a link of its own).
 */
export function markdownText(text: string): string {
  return text
    .replace(UNSAFE_CHARACTERS, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\[\]])/g, '\\$1');
}

/** A URL safe inside `(…)`: as {@link plainUrl}, with spaces and parentheses percent-encoded. */
export function markdownUrl(url: string): string {
  return plainUrl(url).replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** `- [text](url) — description` */
export function linkMarkdown(link: NoteLink): string {
  const line = `- [${markdownText(link.text)}](${markdownUrl(link.url)})`;
  return link.description ? `${line} — ${markdownText(link.description)}` : line;
}

/** A section as a Markdown list, under its heading when it has one. */
export function sectionMarkdown(section: NotesSection): string {
  const list = section.links.map(linkMarkdown).join('\n');
  return section.heading ? `### ${markdownText(section.heading)}\n\n${list}` : list;
}

/** Every section with links, in order. */
export function notesMarkdown(sections: readonly NotesSection[]): string {
  return sections
    .filter((section) => section.links.length > 0)
    .map(sectionMarkdown)
    .join('\n\n');
}

/**
 * A URL as it is copied on its own: controls, line breaks and bidi overrides dropped, so a pasted
 * `…/\u202Egpj.exe` cannot read as `…/exe.jpg`, nor one URL pass for two lines of a list.
 */
export function plainUrl(url: string): string {
  return url.replace(UNSAFE_CHARACTERS, '').replace(/[\t\n\r]/g, '');
}

/** One URL per line. */
export function plainUrls(links: readonly NoteLink[]): string {
  return links.map((link) => plainUrl(link.url)).join('\n');
}

/** Links whose text, URL, domain, kind or description contain every word of `filter`. */
export function filterLinks(links: readonly NoteLink[], filter: string): NoteLink[] {
  return links.filter((link) =>
    matchesFilter(`${link.text} ${link.url} ${link.domain} ${link.kind} ${link.label ?? ''} ${link.description ?? ''}`, filter),
  );
}

/** The links cited in the transcript that match a filter: by text, URL or who cited them. */
export function filterCitedLinks(links: readonly CitedLink[], filter: string): CitedLink[] {
  return links.filter((link) => matchesFilter(`${link.text} ${link.url} ${link.speaker ?? ''}`, filter));
}

/** The popup's filter: every word of it is in `haystack`, case aside (an empty filter matches all). */
export function matchesFilter(haystack: string, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const text = haystack.toLowerCase();
  return words.every((word) => text.includes(word));
}
