/**
 * Archive transcripts (thechangelog/transcripts) → items, by the site's own rules
 * (`Changelog.Transcripts.Parser`): the text is split at every `**Name:**` marker, wherever it
 * stands, and each piece is one item rendered as Markdown. Text before the first marker becomes
 * an item labelled `Unknown`. A break written `**Break**:` (colon outside the bold) is no marker:
 * it stays a paragraph of the item before, recognised as a break (lib/site/speakers.ts).
 */
import type { Paragraph, ParsedItem } from '../../lib/model/episode';
import { ParagraphBuilder } from '../../lib/model/paragraphs';
import { parsedItem, UNATTRIBUTED_LABEL } from '../../lib/site/speakers';
import { markdownParagraphs } from './markdown';

/** The site's speaker marker: `**Name:**`, non-greedy, on one line. */
const SPEAKER_MARKER = /\*\*(.*?):\*\*/g;

/** A body that is only a year ("1997.") renders as a paragraph, not a list item, on the site. */
const LONE_YEAR = /^\d{2,4}\.$/;

function bodyParagraphs(body: string): Paragraph[] {
  const trimmed = body.trim();
  if (trimmed === '') return [];
  if (LONE_YEAR.test(trimmed)) {
    const builder = new ParagraphBuilder();
    builder.push('text', trimmed);
    return [builder.finish()];
  }
  return markdownParagraphs(trimmed);
}

function item(index: number, label: string, body: string): ParsedItem {
  return parsedItem(index, label, bodyParagraphs(body));
}

/** The items of a Markdown transcript, in order, indexed as the site's `#transcript-N` anchors. */
export function parseTranscriptMarkdown(markdown: string): ParsedItem[] {
  const source = markdown.replace(/\r\n?/g, '\n');
  const items: ParsedItem[] = [];
  SPEAKER_MARKER.lastIndex = 0;
  let match = SPEAKER_MARKER.exec(source);
  const preamble = source.slice(0, match ? match.index : source.length);
  if (preamble.trim() !== '') items.push(item(items.length, UNATTRIBUTED_LABEL, preamble));
  while (match) {
    const label = (match[1] as string).trim();
    const bodyStart = match.index + match[0].length;
    const next = SPEAKER_MARKER.exec(source);
    items.push(item(items.length, label, source.slice(bodyStart, next ? next.index : source.length)));
    match = next;
  }
  return items;
}
