/**
 * Show notes → sections of links. One function turns blocks (from the archive's Markdown, see
 * show-notes-markdown.ts, or from the page's `#notes` HTML) into sections, so both sources agree: a heading opens a section, and
 * every http(s) link of a paragraph or list item becomes a {@link NoteLink} with the text that
 * follows it as its description.
 */
import type { NoteLink, NotesSection, Paragraph } from '../model/episode';
import { domainOf } from '../model/links';
import { episodeLabel, linkKind } from './link-kinds';

/** A block of notes as either source yields it. */
export type NotesBlock = { kind: 'heading'; runs: Paragraph } | { kind: 'paragraph'; runs: Paragraph };

/** Separators the notes put between a link and its description: " - ", " – ", ": ", "|", ",". */
const LEADING_SEPARATOR = /^[\s\-–—:|,]+/;

function plain(runs: Paragraph): string {
  return runs.map((run) => (run.kind === 'timestamp' ? `[${run.text}]` : run.text)).join('');
}

/** The links of one paragraph, each with the text after it (up to the next link). */
export function paragraphLinks(runs: Paragraph): NoteLink[] {
  const links: NoteLink[] = [];
  let leading = '';
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    if (!run) continue;
    if (run.kind !== 'link') {
      leading += run.kind === 'timestamp' ? `[${run.text}]` : run.text;
      continue;
    }
    let trailing = '';
    for (let j = i + 1; j < runs.length; j++) {
      const next = runs[j];
      if (!next || next.kind === 'link') break;
      trailing += next.kind === 'timestamp' ? `[${next.text}]` : next.text;
    }
    const label = episodeLabel(run.url);
    const written = run.text.replace(/\s+/g, ' ').trim();
    // "[#](url)" and the like name nothing; fall back to the episode label or the URL.
    const text = /[\p{L}\p{N}]/u.test(written) ? written : (label ?? run.url);
    const link: NoteLink = { text, url: run.url, domain: domainOf(run.url), kind: linkKind(run.url, leading) };
    if (label) link.label = label;
    const description = trailing.replace(LEADING_SEPARATOR, '').replace(/\s+/g, ' ').trim();
    if (description) link.description = description;
    links.push(link);
    leading = '';
  }
  return links;
}

/**
 * Sections in the notes' order. Links before the first heading form a section with a null
 * heading (only when there are any); every heading opens a section, even one without links.
 */
export function sectionsFromBlocks(blocks: readonly NotesBlock[]): NotesSection[] {
  const sections: NotesSection[] = [];
  let current: NotesSection = { heading: null, links: [] };
  for (const block of blocks) {
    if (block.kind === 'heading') {
      if (current.heading !== null || current.links.length > 0) sections.push(current);
      // A link in a heading ("JS Party #234 - [#](…)") belongs to the section it opens.
      current = { heading: plain(block.runs).replace(/\s+/g, ' ').trim(), links: paragraphLinks(block.runs) };
      continue;
    }
    current.links.push(...paragraphLinks(block.runs));
  }
  if (current.heading !== null || current.links.length > 0) sections.push(current);
  return sections;
}
