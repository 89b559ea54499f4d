/**
 * The transcript's text size: how much larger than normal each size sets it, and the row heights
 * the list guesses for rows it has not measured yet at that size. The scale reaches the CSS as
 * `--text-scale`, so geometry and styles cannot drift apart.
 */
import { TEXT_SIZES, type TextSize } from '@/lib/app/settings';
import type { TranscriptItem } from '@/lib/model/episode';

export const TEXT_SCALE: Record<TextSize, number> = { small: 0.88, normal: 1, large: 1.18 };

/** The size after `size`, round and round. */
export function nextTextSize(size: TextSize): TextSize {
  return TEXT_SIZES[(TEXT_SIZES.indexOf(size) + 1) % TEXT_SIZES.length] ?? 'normal';
}

/** A row's height in pixels before it is measured: its lines at this width and scale. */
export function estimateRowHeight(item: TranscriptItem | undefined, width: number, scale: number): number {
  if (!item) return 60 * scale;
  const characters = item.paragraphs.reduce((sum, paragraph) => sum + paragraph.reduce((s, run) => s + run.text.length, 0), 0);
  const perLine = Math.max(20, Math.floor((width - 24) / (7.4 * scale)));
  const lines = item.paragraphs.length + Math.ceil(characters / perLine);
  return (40 + lines * 21) * scale;
}

/** The list's height: what the transcript needs, up to a cap, kept while searching so the page below never jumps. */
export function listHeight(items: readonly TranscriptItem[], scale: number): string {
  let total = 0;
  for (const item of items) {
    total += estimateRowHeight(item, 600, scale);
    if (total > 2000) break;
  }
  return `min(70vh, 40rem, ${Math.max(120, total)}px)`;
}
