/**
 * Markdown (CommonMark): the title as a heading, where it is from, then each item as its speaker in
 * bold and the time the panel shows (`~` before an estimate), linked to that moment when the site
 * gives such links, and its paragraphs. Every character of the transcript reads as itself: what
 * Markdown would take for syntax is escaped with a backslash (emphasis, code, links, HTML, entities,
 * and what opens a heading, list, quote, rule or fence at the start of a line).
 */
import { formatClock } from '../clock';
import { isHttpUrl } from '../links';
import { markdownUrl } from '../notes-export';
import { cleanLine, type ExportEntry, type TranscriptExport } from './transcript-export';

export const MARKDOWN_MIME = 'text/markdown';

/**
 * One clean line of text that renders as itself in CommonMark (and in markdown-it's defaults, which
 * add strikethrough and tables): inline syntax escaped everywhere, block syntax where the line
 * starts. In a heading every `#` is escaped (a trailing run would close it).
 */
export function markdownLine(text: string, options: { heading?: boolean } = {}): string {
  const inline = cleanLine(text)
    .replace(options.heading ? /[\\`*_[\]<>~|#]/g : /[\\`*_[\]<>~|]/g, '\\$&')
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&');
  return inline.replace(/^([#+\-=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** An http(s) URL as a CommonMark autolink, or null for anything else. */
function autolink(url: string): string | null {
  const clean = cleanLine(url);
  return isHttpUrl(clean) ? `<${clean.replace(/[\s<>]/g, encodeURIComponent)}>` : null;
}

/** `~4:15`, as the panel shows an estimated start; `4:15` for a given one. */
export function shownClock(entry: ExportEntry): string {
  return `${entry.estimated ? '~' : ''}${formatClock(entry.at)}`;
}

/** The transcript as Markdown. */
export function writeMarkdown(doc: TranscriptExport): string {
  const { info } = doc;
  const blocks: string[] = [];
  const title = markdownLine(info.title, { heading: true });
  if (title !== '') blocks.push(`# ${title}`);
  const about = [info.url ? autolink(info.url) : null, info.notice ? markdownLine(info.notice) : null].filter(Boolean);
  if (about.length > 0) blocks.push(about.join('  \n'));
  if (doc.selection)
    blocks.push(`_${markdownLine(`Only what was picked: ${doc.selection} (${doc.entries.length} of ${doc.total} items).`)}_`);
  if (doc.entries.some((entry) => entry.estimated)) blocks.push('_Times marked \\~ are estimated._');
  for (const entry of doc.entries) {
    const clock = shownClock(entry).replace('~', '\\~');
    const url = info.timeUrl?.(entry.at);
    const time = url && isHttpUrl(url) ? `[${clock}](${markdownUrl(url)})` : clock;
    blocks.push(`**${markdownLine(entry.label)}** · ${time}`);
    for (const paragraph of entry.paragraphs) blocks.push(markdownLine(paragraph));
  }
  return `${blocks.join('\n\n')}\n`;
}
