/**
 * Where the archive marks an ad break: a `Break` label, or a break written inside a turn. One rule
 * for every source of items (the archive's Markdown, the page, the bundle's records: all make
 * their items with lib/site/speakers.ts's `parsedItem`), for the start estimator and for derived
 * chapters alike.
 */
import type { Paragraph } from './episode';

/** Whether a transcript label (or a bold marker's text without its colon) names an ad break. */
export function isBreakLabel(label: string): boolean {
  return label.trim().toLowerCase() === 'break';
}

/**
 * The paragraphs that mark an ad break inside an item. The archive writes most breaks as items of
 * their own (`**Break:** [18:45]`), but 797 of them in 501 transcripts as `**Break**: [18:45]`,
 * the colon outside the bold, a few as `**Break** : [20:00]` and one as `**Break: [43:56]**`. The
 * site's transcript parser splits items only at `**Name:**` (Changelog.Transcripts.Parser), so
 * such a break stays a paragraph of the turn before it, as it does here. The one rule: a paragraph
 * that opens with a bold `Break` and a colon, inside the bold or right after it.
 */
export function breakParagraphs(paragraphs: readonly Paragraph[]): number[] {
  const found: number[] = [];
  paragraphs.forEach((paragraph, p) => {
    if (breakMarkerRuns(paragraph) > 0) found.push(p);
  });
  return found;
}

/**
 * How many of a paragraph's first runs are a break marker no one says: 1 for `**Break:**…`
 * (the bold holds the colon), 2 for `**Break**: …` (the colon opens the next run, which may say
 * more after it), 0 when the paragraph is no break marker.
 */
export function breakMarkerRuns(paragraph: Paragraph): 0 | 1 | 2 {
  const [marker, next] = paragraph;
  if (marker?.kind !== 'strong') return 0;
  const bold = /^\s*(.*?)\s*(:?)\s*$/.exec(marker.text) as RegExpExecArray;
  if (!isBreakLabel(bold[1] as string)) return 0;
  if (bold[2] === ':') return 1;
  return next && next.kind !== 'timestamp' && /^\s*:/.test(next.text) ? 2 : 0;
}
