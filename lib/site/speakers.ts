/**
 * Which transcript labels name a person. The site
 * attributes an item to a person only when its label matches a participant; these labels never
 * do, so they are speaker-less items. Every source of items (the page, the archive's Markdown,
 * the bundle's records) makes its items with {@link parsedItem}, so they agree, also on the breaks
 * written inside a turn (lib/model/breaks.ts).
 */
import { breakParagraphs, isBreakLabel } from '../model/breaks';
import type { ItemKind, Paragraph, ParsedItem } from '../model/episode';

/** The label the site gives text that comes before the first speaker marker. */
export const UNATTRIBUTED_LABEL = 'Unknown';

/** Labels of music and stings rather than speech, as the archive writes them. */
const INTERLUDE_LABELS = new Set(['jingle', 'intro', 'outro', 'old changelog intro', 'snl jingle']);

/** The kind of item a label stands for. */
export function kindOfLabel(label: string): ItemKind {
  const normalized = label.trim().toLowerCase();
  if (normalized === '') return 'unattributed';
  if (isBreakLabel(normalized)) return 'break';
  if (INTERLUDE_LABELS.has(normalized)) return 'interlude';
  if (normalized === UNATTRIBUTED_LABEL.toLowerCase()) return 'unattributed';
  return 'speech';
}

/** The speaker a label names, or null for speaker-less labels. */
export function speakerOfLabel(label: string): string | null {
  return kindOfLabel(label) === 'speech' ? label.trim() : null;
}

/** An item as every source reads it: speaker and kind from its label, its breaks from its paragraphs. */
export function parsedItem(index: number, label: string, paragraphs: Paragraph[]): ParsedItem {
  const item: ParsedItem = { index, label, speaker: speakerOfLabel(label), kind: kindOfLabel(label), paragraphs };
  const breaks = breakParagraphs(paragraphs);
  if (breaks.length > 0) item.breaks = breaks;
  return item;
}
