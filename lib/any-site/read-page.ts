/**
 * The any-site reader's entry: a transcript found in any page (a podcast host's, a blog's, a
 * show's own site), offline and without per-site code, as the parts the panel's model takes
 * (`buildEpisode(found.parts)`), with what the panel needs of the page around it: each turn's
 * element, a link to each turn, the page's title and show, its own media and chapters.
 *
 * It reads the document and never changes it. See docs in README.md ("A transcript on any page")
 * for how the wiring calls it.
 */
import type { EpisodeParts } from '../model/episode';
import { pageChapters } from './chapters';
import { findTranscriptIn, headsOf } from './find-block';
import { type PageLines, readLines } from './lines';
import { episodeMedia, knownDuration } from './media';
import { type PageFacts, pageFacts } from './page-facts';
import { fragmentKey, linkWithFragment, textDirective, turnAnchor } from './turn-links';
import type { FoundTranscript, TranscriptForm } from './turns';

export interface TranscriptPage {
  /**
   * What `buildEpisode` takes: the items in page order, the page's title, the episode's length
   * when known, the page's own chapters. `podcast` is the page's host name and `slug` its path,
   * so the page is told apart from changelog.com's episodes.
   */
  parts: EpisodeParts;
  /** How the page writes its turns: `named` (speakers), `timed` (times only), `captions` (WebVTT or SRT shown as text), `paragraphs`. */
  form: TranscriptForm;
  /** The smallest element holding every turn: the panel goes just before it. */
  block: Element;
  /** Each item's element in the page, by item index: what "show on page" scrolls to. */
  elements: Element[];
  /** The page's title and show name (quotes, file names), and the length its metadata states. */
  facts: PageFacts;
  /** The page's own `<audio>` or `<video>` that plays the episode (see media.ts), or null. */
  media: HTMLMediaElement | null;
  /**
   * A link to item `index`: the page's URL with its own anchor for the turn, else with a text
   * fragment (`#:~:text=`). Null for an index out of range or a turn without words. Computed when
   * asked: a text fragment is checked for uniqueness against the whole page's text.
   */
  linkTo: (index: number) => string | null;
}

/** The host and path a page is named by in the model (`podcast`, `slug`). */
function pageName(url: string): { podcast: string; slug: string } {
  try {
    const parsed = new URL(url);
    return { podcast: parsed.hostname, slug: parsed.pathname.replace(/^\/+|\/+$/g, '') };
  } catch {
    return { podcast: '', slug: '' };
  }
}

function lastTimestamp(found: FoundTranscript): number | undefined {
  let last: number | undefined;
  for (const turn of found.turns) {
    for (const paragraph of turn.item.paragraphs) for (const run of paragraph) if (run.kind === 'timestamp') last = run.seconds;
  }
  return last;
}

/** The page's lines and its transcript among them, or null. */
export function findTranscript(doc: Document, url: string = doc.URL): { lines: PageLines; found: FoundTranscript } | null {
  const root = doc.body ?? doc.documentElement;
  if (!root) return null;
  const lines = readLines(root, url);
  const found = findTranscriptIn(lines, headsOf(lines));
  return found ? { lines, found } : null;
}

/** Whether the page has a transcript the panel can show: what the popup asks before offering its button. */
export function hasTranscript(doc: Document): boolean {
  return findTranscript(doc) !== null;
}

/** The page's transcript and everything the panel needs of the page around it, or null when it has none. */
export function readTranscriptPage(doc: Document, url: string = doc.URL): TranscriptPage | null {
  const result = findTranscript(doc, url);
  if (!result) return null;
  const { lines, found } = result;
  const facts = pageFacts(doc);
  const media = episodeMedia(doc, found.block, lastTimestamp(found));
  const duration = (media ? knownDuration(media) : undefined) ?? facts.duration;
  const { turns } = found;
  const range = turns.length > 0 ? { first: (turns[0] as (typeof turns)[number]).line, last: lastLineOf(found, lines) } : null;
  const parts: EpisodeParts = {
    ...pageName(url),
    items: turns.map((turn) => turn.item),
    transcriptStatus: 'available',
    chapters: pageChapters(lines.lines, range, duration),
  };
  if (facts.title) parts.title = facts.title;
  if (duration !== undefined) parts.duration = duration;

  let pageKey: string | null = null;
  const linkTo = (index: number): string | null => {
    const turn = turns[index];
    if (!turn) return null;
    const anchor = turnAnchor(turn.element, [turns[index - 1]?.element ?? null, turns[index + 1]?.element ?? null]);
    if (anchor) return linkWithFragment(url, { anchor });
    pageKey ??= fragmentKey(lines.lines.map((line) => line.text).join(' '));
    const directive = textDirective(turn.item.paragraphs, turn.prefix, pageKey);
    return directive ? linkWithFragment(url, { directive }) : null;
  };

  return { parts, form: found.form, block: found.block, elements: turns.map((turn) => turn.element), facts, media, linkTo };
}

/** The last page line inside the transcript's block (where its own chapters cannot be). */
function lastLineOf(found: FoundTranscript, lines: PageLines): number {
  let last = found.turns[found.turns.length - 1]?.line ?? 0;
  while (last + 1 < lines.lines.length && found.block.contains(lines.lines[last + 1]?.block ?? null)) last++;
  return last;
}
