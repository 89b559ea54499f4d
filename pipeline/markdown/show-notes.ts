/**
 * Archive show notes (thechangelog/show-notes) → sections of links. Kept apart from
 * show-notes.ts so the page's content script never loads a Markdown parser.
 */
import type { NotesSection } from '../../lib/model/episode';
import { sectionsFromBlocks } from '../../lib/site/show-notes';
import { markdownBlocks } from './markdown';

/** The sections of an archive show-notes file (thechangelog/show-notes). */
export function parseShowNotesMarkdown(markdown: string): NotesSection[] {
  return sectionsFromBlocks(markdownBlocks(markdown.replace(/\r\n?/g, '\n')));
}
