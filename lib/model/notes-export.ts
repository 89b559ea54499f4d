/**
 * What the popup's copy buttons produce from show notes: Markdown lists
 * (`- [text](url) — description`), sections with their headings, and plain URL lists.
 */
import type { CitedLink, NoteLink, NotesSection } from './episode';

/** Link text safe inside `[…]`: brackets and backslashes escaped, whitespace collapsed. */
function markdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\[\]])/g, '\\$1');
}

/** A URL safe inside `(…)`: spaces and parentheses percent-encoded. */
function markdownUrl(url: string): string {
  return url.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** `- [text](url) — description` */
export function linkMarkdown(link: NoteLink): string {
  const line = `- [${markdownText(link.text)}](${markdownUrl(link.url)})`;
  return link.description ? `${line} — ${link.description.replace(/\s+/g, ' ').trim()}` : line;
}

/** A section as a Markdown list, under its heading when it has one. */
export function sectionMarkdown(section: NotesSection): string {
  const list = section.links.map(linkMarkdown).join('\n');
  return section.heading ? `### ${section.heading}\n\n${list}` : list;
}

/** Every section with links, in order. */
export function notesMarkdown(sections: readonly NotesSection[]): string {
  return sections
    .filter((section) => section.links.length > 0)
    .map(sectionMarkdown)
    .join('\n\n');
}

/** One URL per line. */
export function plainUrls(links: readonly NoteLink[]): string {
  return links.map((link) => link.url).join('\n');
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
