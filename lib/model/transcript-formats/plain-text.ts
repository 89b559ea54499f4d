/**
 * Plain text: the title, where it is from, then each item as a line with its speaker and the time
 * the panel shows (`~` before an estimate), its paragraphs one line each, and a blank line before
 * the next item. Nothing is escaped; nothing needs to be.
 */
import { shownClock } from './markdown';
import { cleanLine, type TranscriptExport } from './transcript-export';

export const PLAIN_TEXT_MIME = 'text/plain';

/** The transcript as plain text. */
export function writePlainText(doc: TranscriptExport): string {
  const { info } = doc;
  const head = [
    info.title,
    info.url,
    info.notice,
    doc.selection ? `Only what was picked: ${doc.selection} (${doc.entries.length} of ${doc.total} items).` : undefined,
    doc.entries.some((entry) => entry.estimated) ? 'Times marked ~ are estimated.' : undefined,
  ]
    .map((line) => cleanLine(line ?? ''))
    .filter(Boolean);
  const blocks = doc.entries.map((entry) => [`${entry.label} · ${shownClock(entry)}`, ...entry.paragraphs].join('\n'));
  return `${[head.join('\n'), ...blocks].filter(Boolean).join('\n\n')}\n`;
}
