/**
 * Which copy of an episode the panel and the popup show. The bundled record is instant and works
 * when the page's transcript cannot be read; the page is the truth when it is newer. Page-only
 * facts (title, sponsors, featuring, duration, the site's chapters) always come from the page.
 */
import type { RecordLookup } from '../archive/lookup';
import type { EpisodeParts } from '../model/episode';
import type { PageParse } from '../site/page';

/** Where the transcript shown came from, and why, for the panel's one-line source note. */
export type SourceNote =
  /** The bundled record, agreeing with the page (or the page's transcript could not be read). */
  | { kind: 'bundle'; pageHadTranscript: boolean }
  /** The page's own transcript: the bundle does not have this episode. */
  | { kind: 'page'; reason: 'not-in-bundle' }
  /** The page's own transcript: it differs from the bundled copy (corrected since the build). */
  | { kind: 'page'; reason: 'newer-than-bundle'; pageItems: number; bundleItems: number }
  /** The page's own transcript: the bundled copy is unreadable. */
  | { kind: 'page'; reason: 'bundle-corrupt' }
  /** Neither has a transcript. */
  | { kind: 'none' };

export interface ChosenSource {
  parts: EpisodeParts;
  note: SourceNote;
  /** Where the show notes came from: the page's when it has any, else the bundle's. */
  notesFrom: 'page' | 'bundle';
}

/** Whether the page's own items will be shown, so their text must be read. */
export function pageWins(pageItems: number, bundle: RecordLookup): boolean {
  return bundle.status !== 'found' || (pageItems > 0 && pageItems !== bundle.items);
}

/**
 * Combines the page's parse with the bundle's lookup. The page wins whenever it has a transcript
 * that differs in item count from the bundle, or the bundle has none; the bundle fills in when the
 * page's transcript is missing or unreadable. Reads the page's items only when they win.
 */
export function chooseSource(page: PageParse, bundle: RecordLookup): ChosenSource {
  const pageItems = page.itemCount;
  const fromPage: EpisodeParts =
    pageWins(pageItems, bundle) && page.parts.items.length !== pageItems ? { ...page.parts, items: page.readItems() } : page.parts;
  const withPageFacts = (record: EpisodeParts): EpisodeParts => ({
    ...record,
    ...(fromPage.title !== undefined && { title: fromPage.title }),
    ...(fromPage.subtitle !== undefined && { subtitle: fromPage.subtitle }),
    ...(fromPage.number !== undefined && { number: fromPage.number }),
    ...(fromPage.duration !== undefined && { duration: fromPage.duration }),
    sponsors: fromPage.sponsors ?? [],
    featuring: fromPage.featuring ?? [],
    chapters: fromPage.chapters ?? [],
    notes: fromPage.notes && fromPage.notes.length > 0 ? fromPage.notes : (record.notes ?? []),
    transcriptStatus: record.items.length > 0 ? 'available' : (fromPage.transcriptStatus ?? 'missing'),
  });

  if (bundle.status === 'found') {
    const notesFrom = fromPage.notes && fromPage.notes.length > 0 ? 'page' : 'bundle';
    if (pageItems === 0 || pageItems === bundle.items) {
      const note: SourceNote = bundle.items > 0 || pageItems > 0 ? { kind: 'bundle', pageHadTranscript: pageItems > 0 } : { kind: 'none' };
      return { parts: withPageFacts(bundle.parts), note, notesFrom };
    }
    return {
      parts: { ...fromPage, notes: fromPage.notes && fromPage.notes.length > 0 ? fromPage.notes : (bundle.parts.notes ?? []) },
      note: { kind: 'page', reason: 'newer-than-bundle', pageItems, bundleItems: bundle.items },
      notesFrom,
    };
  }
  if (pageItems === 0) return { parts: fromPage, note: { kind: 'none' }, notesFrom: 'page' };
  return {
    parts: fromPage,
    note: { kind: 'page', reason: bundle.status === 'corrupt' ? 'bundle-corrupt' : 'not-in-bundle' },
    notesFrom: 'page',
  };
}
