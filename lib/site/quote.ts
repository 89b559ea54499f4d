/**
 * What the panel's copy buttons put on the clipboard: a deep link to one item, and a quote as
 * Markdown that cites the speaker and links the moment it was said.
 */

import { formatClock } from '../model/clock';
import { type Episode, itemStart, spokenText, type TranscriptItem } from '../model/episode';
import { markdownText, markdownUrl } from '../model/notes-export';

import { type EpisodeRef, episodeName, timeUrl, transcriptItemUrl } from './urls';

/** The link to an item on the episode page (`…/shipit/26#transcript-12`). */
export function itemLink(ref: EpisodeRef, item: TranscriptItem): string {
  return transcriptItemUrl(ref, item.index);
}

/**
 * `> text` lines, then `— Speaker, [Ship It! #26 at 4:15](https://changelog.com/shipit/26#t=255)`.
 * Timestamps are left out of the quoted words; paragraphs stay paragraphs.
 */
export function quoteMarkdown(episode: Pick<Episode, 'podcast' | 'slug' | 'number' | 'title'>, item: TranscriptItem): string {
  const paragraphs = item.paragraphs.map((paragraph) => markdownText(spokenText(paragraph))).filter((text) => text !== '');
  const quoted = paragraphs.map((text) => `> ${text}`).join('\n>\n');
  const at = itemStart(item);
  const citation = `[${markdownText(episodeName(episode))} at ${formatClock(at)}](${markdownUrl(timeUrl(episode, at))})`;
  return `${quoted}\n\n— ${markdownText(item.speaker ?? item.label)}, ${citation}`;
}
