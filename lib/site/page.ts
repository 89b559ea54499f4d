/**
 * A changelog.com episode page (its DOM) → {@link EpisodeParts}: header, featuring, sponsors,
 * notes, the chapters table and the transcript items. Works on the live document in the content
 * script and on a parsed fixture in tests. Never throws: whatever it cannot find is left out and
 * named in `missing`, so the panel can say what it could not read.
 */
import type { EpisodeParts, FeaturedPerson, Paragraph, ParsedItem, Sponsor, TranscriptStatus } from '../model/episode';
import { safeHttpUrl } from '../model/links';
import { ParagraphBuilder, type RunStyle, runStyleOfTag, strongerStyle } from '../model/paragraphs';
import { parseChaptersTable } from './chapters';
import { itemIndexOfAnchor, SITE_CLASSES, sectionById, select, selectAll } from './selectors';
import { type NotesBlock, sectionsFromBlocks } from './show-notes';
import { parsedItem } from './speakers';
import { type EpisodeRef, episodeNumber, SITE_ORIGIN } from './urls';

/** What the page parser read, and the parts of the page it expected but did not find. */
export interface PageParse {
  parts: EpisodeParts;
  /** Transcript items on the page, whether or not their text was parsed. */
  itemCount: number;
  /** Reads the items' text when `parts.items` was left empty (`items: 'count'`). */
  readItems: () => ParsedItem[];
  /** The same, a chunk at a time, yielding to the browser between chunks (huge transcripts). */
  readItemsInChunks: (chunkSize?: number) => Promise<ParsedItem[]>;
  /** Names of page parts not found: `title`, `transcript`, … (empty on a complete page). */
  missing: string[];
}

/** Tags whose content is a paragraph of its own. */
const LEAF_BLOCKS = new Set(['P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'TD', 'TH', 'FIGCAPTION', 'DT', 'DD']);
/** Tags that only hold blocks. */
const CONTAINER_BLOCKS = new Set([
  'UL',
  'OL',
  'DIV',
  'BLOCKQUOTE',
  'FIGURE',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'SECTION',
  'DL',
  'ARTICLE',
  'HEADER',
]);
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'IMG',
  'SVG',
  'VIDEO',
  'AUDIO',
  'IFRAME',
  'BUTTON',
  'INPUT',
  'SELECT',
  'TEXTAREA',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Browsers collapse runs of whitespace (not NBSP) to one space. */
function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ');
}

function styleOf(element: Element, base: string): { style: RunStyle; url?: string } | null {
  if (element.tagName !== 'A') {
    const style = runStyleOfTag(element.tagName);
    return style ? { style } : null;
  }
  // The site links every time-like string to `#t=…`; those are text, not links.
  const url = element.classList.contains(SITE_CLASSES.timestamp) ? null : safeHttpUrl(element.getAttribute('href'), base);
  return url ? { style: 'link', url } : null;
}

class BlockWalker {
  readonly blocks: NotesBlock[] = [];

  constructor(private readonly base: string) {}

  /** Walks a container: leaf blocks become blocks, loose inline content becomes paragraphs. */
  container(element: Element): void {
    let loose = new ParagraphBuilder();
    const flushLoose = () => {
      if (!loose.isEmpty) this.blocks.push({ kind: 'paragraph', runs: loose.finish() });
      loose = new ParagraphBuilder();
    };
    for (const child of element.childNodes) {
      if (child.nodeType === ELEMENT_NODE) {
        const el = child as Element;
        if (SKIPPED.has(el.tagName)) continue;
        if (LEAF_BLOCKS.has(el.tagName)) {
          flushLoose();
          this.leaf(el);
          continue;
        }
        if (CONTAINER_BLOCKS.has(el.tagName)) {
          flushLoose();
          this.container(el);
          continue;
        }
        this.inline(el, loose, 'text', undefined);
      } else if (child.nodeType === TEXT_NODE) {
        loose.push('text', collapse(child.textContent ?? ''));
      }
    }
    flushLoose();
  }

  /** A paragraph-like element; nested blocks inside it (a list in a list item) follow it. */
  private leaf(element: Element): void {
    const builder = new ParagraphBuilder();
    const nested: Element[] = [];
    for (const child of element.childNodes) {
      if (child.nodeType === ELEMENT_NODE) {
        const el = child as Element;
        if (SKIPPED.has(el.tagName)) continue;
        if (LEAF_BLOCKS.has(el.tagName) || CONTAINER_BLOCKS.has(el.tagName)) {
          nested.push(el);
          continue;
        }
        this.inline(el, builder, 'text', undefined);
      } else if (child.nodeType === TEXT_NODE) {
        builder.push('text', collapse(child.textContent ?? ''));
      }
    }
    const heading = /^H[1-6]$/.test(element.tagName);
    if (!builder.isEmpty) this.blocks.push({ kind: heading ? 'heading' : 'paragraph', runs: builder.finish() });
    for (const el of nested) {
      if (LEAF_BLOCKS.has(el.tagName)) this.leaf(el);
      else this.container(el);
    }
  }

  private inline(element: Element, builder: ParagraphBuilder, style: RunStyle, url: string | undefined): void {
    if (SKIPPED.has(element.tagName)) return;
    if (element.tagName === 'BR') {
      builder.push(style, '\n', url);
      return;
    }
    let current = style;
    let currentUrl = url;
    const own = styleOf(element, this.base);
    if (own && current !== 'link') {
      current = strongerStyle(current, own.style);
      if (own.style === 'link') currentUrl = own.url;
    }
    for (const child of element.childNodes) {
      if (child.nodeType === ELEMENT_NODE) this.inline(child as Element, builder, current, currentUrl);
      else if (child.nodeType === TEXT_NODE) builder.push(current, collapse(child.textContent ?? ''), currentUrl);
    }
    // A link without text (an image link) is named by its image's alt text, else its URL.
    if (own?.style === 'link' && currentUrl && style !== 'link' && (element.textContent ?? '').trim() === '') {
      const alt = select(element, 'linkImage')?.getAttribute('alt')?.trim();
      builder.push('link', alt || currentUrl, currentUrl);
    }
  }
}

/** The blocks (headings and paragraphs of flat runs) of a rich-text element. */
export function domBlocks(element: Element, base: string = SITE_ORIGIN): NotesBlock[] {
  const walker = new BlockWalker(base);
  walker.container(element);
  return walker.blocks;
}

/** The paragraphs of a transcript item's text element. */
function itemParagraphs(element: Element | null, base: string): Paragraph[] {
  if (!element) return [];
  return domBlocks(element, base).map((block) => block.runs);
}

/** An item's anchor number and its `div.transcript-item`, as found in the page. */
interface ItemElement {
  index: number;
  element: Element;
}

/**
 * The transcript's item elements: every `a#transcript-N.anchor` and the `div.transcript-item`
 * after it. The "Changelog" items that open and close the list have no anchor and are not items.
 */
function itemElements(root: ParentNode): ItemElement[] {
  const transcript = select(root, 'transcript');
  if (!transcript) return [];
  const found: ItemElement[] = [];
  // From each item back to its anchor (the `a#transcript-N` just before it, other siblings
  // skipped): one live class lookup instead of a selector over every descendant, which matters
  // on huge pages (100,000 items).
  for (const item of transcript.getElementsByClassName(SITE_CLASSES.transcriptItem)) {
    let anchor = item.previousElementSibling;
    while (anchor && anchor.tagName !== 'A' && !anchor.classList.contains(SITE_CLASSES.transcriptItem))
      anchor = anchor.previousElementSibling;
    if (anchor?.tagName !== 'A') continue;
    const index = itemIndexOfAnchor(anchor.id);
    if (index !== null) found.push({ index, element: item });
  }
  return found;
}

function parseItem({ index, element }: ItemElement, base: string): ParsedItem {
  const label = (select(element, 'itemSpeakerName')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return parsedItem(index, label, itemParagraphs(select(element, 'itemText'), base));
}

function transcriptStatus(doc: ParentNode, itemCount: number): TranscriptStatus {
  if (itemCount > 0) return 'available';
  // The page's own word first: a legacy or coming-soon transcript still shows the site's
  // "Changelog" opening item, which is item-like markup.
  const section = sectionById(doc, 'transcript');
  const note = section ? (select(section, 'transcriptNote')?.textContent ?? '') : '';
  if (/legacy/i.test(note)) return 'legacy';
  if (/coming soon/i.test(note)) return 'coming-soon';
  // Turns' anchors or item-like markup (other than the site's break-style opening and closing
  // items) without items we could read: the site changed its layout.
  const breakItem = `.${SITE_CLASSES.breakItem}`;
  if (selectAll(doc, 'itemTraces').some((trace) => !trace.closest(breakItem))) return 'unreadable';
  return 'missing';
}

/**
 * Bounds on the page's own facts outside the transcript (the transcript is the archive's size
 * and handled in chunks): far above any real page, far below what would slow the panel or fill
 * the popup's message.
 */
export const PAGE_LIMITS = { text: 1000, people: 100, linksPerPerson: 50, sponsors: 50 };

/** Page text as the parser keeps it: whitespace collapsed, at most `PAGE_LIMITS.text` characters. */
function pageText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, PAGE_LIMITS.text);
}

function parseFeaturing(doc: ParentNode, base: string): FeaturedPerson[] {
  const profiles = new Map<string, string>();
  for (const avatar of selectAll(doc, 'guestAvatars')) {
    const name = pageText(avatar.getAttribute('title'));
    const url = safeHttpUrl(avatar.getAttribute('href'), base);
    if (name && url) profiles.set(name, url);
  }
  const section = sectionById(doc, 'featuring');
  const people: FeaturedPerson[] = [];
  for (const li of section ? selectAll(section, 'featuredPerson').slice(0, PAGE_LIMITS.people) : []) {
    const links: { text: string; url: string }[] = [];
    for (const a of selectAll(li, 'featuredLink').slice(0, PAGE_LIMITS.linksPerPerson)) {
      const url = safeHttpUrl(a.getAttribute('href'), base);
      const text = pageText(a.textContent);
      if (url && text) links.push({ text, url });
    }
    const firstLink = select(li, 'featuredLink');
    let name = '';
    for (const node of li.childNodes) {
      if (node === firstLink) break;
      name += node.textContent ?? '';
    }
    name = pageText(name.replace(/[–—-]\s*$/u, ''));
    if (!name) continue;
    const person: FeaturedPerson = { name, links };
    const profile = profiles.get(name);
    if (profile) person.profile = profile;
    people.push(person);
  }
  if (people.length === 0) {
    for (const [name, profile] of [...profiles].slice(0, PAGE_LIMITS.people)) people.push({ name, profile, links: [] });
  }
  return people;
}

function parseSponsors(doc: ParentNode, base: string): Sponsor[] {
  const section = sectionById(doc, 'sponsors');
  if (!section) return [];
  const sponsors: Sponsor[] = [];
  for (const paragraph of selectAll(section, 'sponsorParagraph')) {
    if (sponsors.length >= PAGE_LIMITS.sponsors) break;
    const nameLink = select(paragraph, 'sponsorLink');
    const name = pageText(nameLink?.textContent ?? select(paragraph, 'sponsorName')?.textContent);
    if (!name) continue;
    const full = (paragraph.textContent ?? '').replace(/\s+/g, ' ').trim();
    const description = full.startsWith(name)
      ? full
          .slice(name.length)
          .replace(/^[\s–—:-]+/u, '')
          .trim()
      : full;
    const sponsor: Sponsor = { name, description: pageText(description) };
    const url = safeHttpUrl(nameLink?.getAttribute('href'), base);
    if (url) sponsor.url = url;
    sponsors.push(sponsor);
  }
  return sponsors;
}

function parseDuration(doc: ParentNode): number | undefined {
  for (const li of selectAll(doc, 'summaryMeta')) {
    const minutes = /^\s*(\d+)\s+minutes?\s*$/i.exec(li.textContent ?? '');
    if (minutes) return Number(minutes[1]) * 60;
  }
  return undefined;
}

function parseNumber(doc: ParentNode, slug: string): number | undefined {
  const heading = select(doc, 'showTitle')?.textContent ?? '';
  const match = /#\s*(\d+)/.exec(heading);
  return match ? Number(match[1]) : episodeNumber(slug);
}

/**
 * Everything the page shows about the episode. `ref` is the episode the URL names; `base`
 * resolves relative links (the page's URL).
 */
export function parseEpisodePage(
  doc: Document,
  ref: EpisodeRef,
  base: string = SITE_ORIGIN,
  options: { items: 'parse' | 'count' } = { items: 'parse' },
): PageParse {
  const missing: string[] = [];
  const parts: EpisodeParts = { podcast: ref.podcast, slug: ref.slug, items: [] };
  // Reads one part of the page. A part that throws, or that `isEmpty` finds empty, goes on the
  // missing list; one that throws gives `fallback`.
  const attempt = <T>(name: string, read: () => T, fallback: T, isEmpty: (value: T) => boolean = () => false): T => {
    try {
      const value = read();
      if (isEmpty(value)) missing.push(name);
      return value;
    } catch {
      missing.push(name);
      return fallback;
    }
  };

  const title = attempt(
    'title',
    () => pageText(select(doc, 'title')?.textContent),
    '',
    (v) => v === '',
  );
  if (title) parts.title = title;
  const subtitle = pageText(select(doc, 'subtitle')?.textContent);
  if (subtitle) parts.subtitle = subtitle;
  const number = parseNumber(doc, ref.slug);
  if (number !== undefined) parts.number = number;
  const duration = parseDuration(doc);
  if (duration !== undefined) parts.duration = duration;

  // Finding the items is cheap; reading their text is most of the work on a long episode, and
  // the panel skips it when the bundled record agrees with the page.
  const elements = attempt(
    'transcript',
    () => itemElements(doc),
    [],
    (v) => v.length === 0,
  );
  const readItems = () => {
    try {
      return elements.map((found) => parseItem(found, base));
    } catch {
      return [];
    }
  };
  const readItemsInChunks = async (chunkSize = 500) => {
    const items: ParsedItem[] = [];
    for (let from = 0; from < elements.length; from += chunkSize) {
      try {
        for (const found of elements.slice(from, from + chunkSize)) items.push(parseItem(found, base));
      } catch {
        return [];
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return items;
  };
  if (options.items === 'parse') parts.items = readItems();
  parts.transcriptStatus = transcriptStatus(doc, elements.length);
  parts.featuring = attempt('featuring', () => parseFeaturing(doc, base), []);
  parts.sponsors = attempt('sponsors', () => parseSponsors(doc, base), []);
  const notesBody = (() => {
    const section = sectionById(doc, 'notes');
    return section ? select(section, 'sectionBody') : null;
  })();
  parts.notes = attempt('notes', () => (notesBody ? sectionsFromBlocks(domBlocks(notesBody, base)) : []), []);
  parts.chapters = attempt('chapters', () => parseChaptersTable(sectionById(doc, 'chapters')), []);
  return { parts, missing, itemCount: elements.length, readItems, readItemsInChunks };
}

/** Where the panel goes: before the transcript list, else after the episode summary. */
export function panelAnchor(doc: Document): { element: Element; placement: 'before' | 'after' } | null {
  const transcript = sectionById(doc, 'transcript');
  const list = transcript ? select(transcript, 'transcript') : null;
  if (list) return { element: list, placement: 'before' };
  const summary = select(doc, 'summary');
  return summary ? { element: summary, placement: 'after' } : null;
}
