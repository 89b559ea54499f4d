/**
 * A link to one turn of a page that is not ours: the page's own anchor when the turn has one (an
 * `id` on the turn or on an empty anchor just before it), else a text fragment (`#:~:text=`, the
 * URL Fragment Text Directives spec, which Chrome and Firefox both follow) that quotes the turn's
 * first words, as many as it takes to be unique in the page.
 */
import { type Paragraph, spokenText } from '../model/episode';

/** Words a text fragment quotes at least, and at most (a longer quote is fragile, not more unique). */
const FRAGMENT_WORDS = { least: 4, most: 12 };
/** Ids longer than this are not an anchor a page means to be linked (hostile or generated blobs). */
const MAX_ID = 200;

/** An element's own anchor: its id, or the name of an `<a name>`; resolvable and unique in its document. */
function anchorOf(element: Element): string | null {
  const id = element.getAttribute('id');
  if (id && id.length <= MAX_ID && element.ownerDocument.getElementById(id) === element) return id;
  const name = element.tagName === 'A' ? element.getAttribute('name') : null;
  if (name && name.length <= MAX_ID && element.ownerDocument.getElementsByName(name).length === 1) return name;
  return null;
}

/** An empty element (an anchor target such as `<a id="t-12"></a>`) says nothing of its own. */
function isEmptyMarker(element: Element): boolean {
  return element.childElementCount === 0 && (element.textContent ?? '').trim() === '';
}

/**
 * The page's own anchor for a turn whose element is `element`: an id on it, on an ancestor that
 * holds this turn and no other (the wrapper of one turn), on its first child if that is an empty
 * marker, or on an empty marker just before any of those. `others` are the elements of the turns
 * before and after, which a wrapper of this turn must not hold.
 */
export function turnAnchor(element: Element, others: readonly (Element | null)[] = []): string | null {
  const holds = (ancestor: Element) => others.some((other) => other !== null && ancestor.contains(other));
  let current: Element | null = element;
  for (let level = 0; current && level < 4 && !holds(current) && current.tagName !== 'BODY'; level++) {
    const own = anchorOf(current);
    if (own) return own;
    const firstChild = current.firstElementChild;
    if (firstChild && isEmptyMarker(firstChild)) {
      const marker = anchorOf(firstChild);
      if (marker) return marker;
    }
    const before = current.previousElementSibling;
    if (before && isEmptyMarker(before)) {
      const marker = anchorOf(before);
      if (marker) return marker;
    }
    current = current.parentElement;
  }
  return null;
}

/** Text as a text directive compares it: case and whitespace set aside (a count here errs toward "not unique"). */
export function fragmentKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

/** How often `needle` occurs in `haystack` (both keys), counting overlaps, up to 2. */
function occurrences(haystack: string, needle: string): number {
  if (needle === '') return 2;
  const first = haystack.indexOf(needle);
  if (first < 0) return 0;
  return haystack.indexOf(needle, first + 1) < 0 ? 1 : 2;
}

/** A text directive term: percent-encoded, with `-`, `&` and `,` encoded too (they are its syntax). */
export function encodeTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** The first line of the turn's words: what a text fragment quotes (it cannot cross a block). */
function openingWords(paragraphs: readonly Paragraph[]): string[] {
  for (const paragraph of paragraphs) {
    const text = spokenText(paragraph, ' ').split('\n')[0]?.replace(/\s+/g, ' ').trim() ?? '';
    if (text !== '') return text.split(' ');
  }
  return [];
}

/**
 * The text directive (`:~:text=…`, without the `#`) for a turn, or null when it has no words.
 * `pageKey` is the page's text as {@link fragmentKey} makes it; `prefix` is what the page prints
 * just before the words in the same line (`Liz:`), used when the words alone are not unique.
 */
export function textDirective(paragraphs: readonly Paragraph[], prefix: string, pageKey: string): string | null {
  const words = openingWords(paragraphs);
  if (words.length === 0) return null;
  let best = words.slice(0, FRAGMENT_WORDS.least).join(' ');
  for (let count = Math.min(FRAGMENT_WORDS.least, words.length); count <= Math.min(FRAGMENT_WORDS.most, words.length); count++) {
    const start = words.slice(0, count).join(' ');
    best = start;
    if (occurrences(pageKey, fragmentKey(start)) === 1) return `:~:text=${encodeTerm(start)}`;
  }
  // Short turns ("Yeah.") are said many times: the label before them tells them apart, if anything does.
  const before = prefix.replace(/\s+/g, ' ').trim();
  if (before !== '' && occurrences(pageKey, fragmentKey(`${before}${best}`)) === 1) {
    return `:~:text=${encodeTerm(before)}-,${encodeTerm(best)}`;
  }
  return `:~:text=${encodeTerm(best)}`;
}

/** The page's URL with a fragment: its own anchor's, or a text directive's. */
export function linkWithFragment(pageUrl: string, fragment: { anchor: string } | { directive: string }): string {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return pageUrl;
  }
  url.hash = '';
  const base = url.href.replace(/#$/, '');
  return 'anchor' in fragment ? `${base}#${encodeURIComponent(fragment.anchor)}` : `${base}#${fragment.directive}`;
}
