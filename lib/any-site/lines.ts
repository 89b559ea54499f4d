/**
 * Any page as a list of lines: the text a reader sees, one line per block element (a paragraph,
 * a list item, a cell, loose text between blocks) and per `<br>` or `\n` in preformatted text,
 * in page order, each with the element it came from and its styled pieces (links only when
 * http(s)). Everything else in lib/any-site/ reads these lines instead of the DOM.
 *
 * The walk is iterative (a page nested 100,000 deep cannot overflow the stack) and bounded in
 * nodes and characters, so a hostile page costs at most a fixed amount of work. It only reads:
 * nothing in the page is changed, not even an attribute.
 */
import { safeHttpUrl } from '../model/links';
import { type RunStyle, runStyleOfTag, strongerStyle } from '../model/paragraphs';

/** A run of a line's text in one style; `url` only for links (already http(s)). */
export interface Piece {
  text: string;
  style: RunStyle;
  url?: string;
}

export interface Line {
  /** Text as shown: whitespace collapsed, trimmed. */
  text: string;
  pieces: Piece[];
  /** The nearest block element holding the line. */
  block: Element;
  /** The first element that opens the line (a label's `<strong>`, `<cite>`, `<time>`), if any. */
  firstElement: Element | null;
  /**
   * Where the line's opening element ends in `text` (a name set apart as `<strong>Name</strong>`),
   * or -1 when the line opens with bare text.
   */
  labelEnd: number;
  /** Characters of `text` inside links. */
  linkChars: number;
  /** 1–6 for a heading, 0 otherwise. */
  heading: number;
  /** In a part of the page that never holds the transcript: navigation, comments, sidebars, forms. */
  unlikely: boolean;
  /** A thematic break (`<hr>`) came between this line and the one before. */
  afterRule: boolean;
  /** Lines in the same block element (1 when the line is the whole block). */
  siblings: { count: number };
}

export interface PageLines {
  lines: Line[];
  /** Elements whose id or class names a transcript (`transcript`, `episode-transcript`, …). */
  marked: Set<Element>;
  /** False when a bound cut the walk short: the page is read up to there. */
  complete: boolean;
}

/**
 * Bounds far above any real page (a 2,000-turn transcript page has about 10,000 elements and
 * 500,000 characters) that keep a hostile one from costing more than a few tens of milliseconds.
 */
export const LINE_LIMITS = { nodes: 400_000, chars: 6_000_000, lineChars: 20_000, depth: 1_000, attribute: 200 };

/** Tags that start and end a line. Custom elements (`<podcast-turn>`) count as blocks too. */
const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY CAPTION CENTER DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HGROUP HR HTML LEGEND LI MAIN MENU NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL'.split(
    ' ',
  ),
);

/** Tags whose content is never text a reader reads as the page's. */
const SKIPPED = new Set(
  'AUDIO BUTTON CANVAS EMBED HEAD IFRAME IMG INPUT MATH NOSCRIPT OBJECT OPTION SCRIPT SELECT STYLE SVG TEMPLATE TEXTAREA VIDEO svg math'.split(
    ' ',
  ),
);

/** Containers whose tag alone says they are not the article (Readability strips the same). */
const UNLIKELY_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'FORM']);
const UNLIKELY_ROLES = new Set([
  'navigation',
  'complementary',
  'contentinfo',
  'banner',
  'search',
  'menu',
  'menubar',
  'dialog',
  'alertdialog',
]);
/**
 * Words in an id or class that mark a part of the page as not the article: Readability's
 * "unlikely candidates", as whole words (so `commentary` or `segment-header` stay in).
 */
const UNLIKELY_WORDS = new Set(
  'ad ads advert advertisement banner breadcrumb breadcrumbs comment comments commentlist cookie cookies disqus footer menu modal nav navbar navigation popup promo related replies reply respond share sharing sidebar social widget'.split(
    ' ',
  ),
);

/** Runs of the whitespace a browser collapses in normal text. */
const ASCII_SPACES = /[ \n\t\r\f]+/g;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function isBlock(tag: string): boolean {
  return BLOCKS.has(tag) || tag.includes('-');
}

/** The words of an element's id and class, lower-cased, split at separators and camelCase. */
export function nameWords(element: Element): string[] {
  const raw = `${element.getAttribute('id') ?? ''} ${element.getAttribute('class') ?? ''}`.slice(0, LINE_LIMITS.attribute * 2);
  if (raw.trim() === '') return [];
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** Whether an id or class names a transcript (`transcript`, `episode-transcript`, `transcriptBody`). */
export function namesTranscript(words: readonly string[]): boolean {
  return words.some((word) => word === 'transcript' || word === 'transcription' || word === 'transcripts');
}

function isUnlikely(element: Element, tag: string, words: readonly string[]): boolean {
  if (namesTranscript(words)) return false;
  if (UNLIKELY_TAGS.has(tag)) return true;
  const role = element.getAttribute('role');
  if (role && UNLIKELY_ROLES.has(role.slice(0, LINE_LIMITS.attribute).toLowerCase())) return true;
  return words.some((word) => UNLIKELY_WORDS.has(word));
}

/** Collects one line at a time. */
class LineBuilder {
  pieces: Piece[] = [];
  length = 0;
  linkChars = 0;
  /** The last character pushed was a space (or nothing was pushed): collapse the next ones. */
  spaced = true;
  firstElement: Element | null = null;
  /** The element that opened the line while it was empty, until it closes. */
  opener: Element | null = null;
  labelEnd = -1;

  push(text: string, style: RunStyle, url: string | undefined, limit: number): void {
    const room = limit - this.length;
    if (room <= 0) return;
    // Browsers collapse ASCII whitespace (not NBSP) to one space. The native replace is far
    // faster than a loop over characters; the input is cut first so a huge node costs little.
    let out = (text.length > room * 4 ? text.slice(0, room * 4) : text).replace(ASCII_SPACES, ' ');
    if (this.spaced && out.charCodeAt(0) === 32) out = out.slice(1);
    if (out.length > room) out = out.slice(0, room);
    if (out === '') return;
    this.spaced = out.charCodeAt(out.length - 1) === 32;
    if (this.length === 0 && this.opener === null) this.labelEnd = -2; // opened with bare text
    const last = this.pieces[this.pieces.length - 1];
    if (last && last.style === style && last.url === url) last.text += out;
    else this.pieces.push(url ? { text: out, style, url } : { text: out, style });
    this.length += out.length;
    if (style === 'link') this.linkChars += out.length;
  }

  get isEmpty(): boolean {
    return this.length === 0;
  }
}

interface StyleFrame {
  element: Element;
  style: RunStyle;
  url?: string;
}

function ownStyle(element: Element, tag: string, base: string): { style: RunStyle; url?: string } | null {
  if (tag !== 'A') {
    const style = runStyleOfTag(tag);
    return style ? { style } : null;
  }
  const url = safeHttpUrl(element.getAttribute('href')?.slice(0, 4096), base);
  return url ? { style: 'link', url } : null;
}

/** Reads the lines of `root` (the document's body, usually). `base` resolves relative links. */
export function readLines(root: Element, base: string): PageLines {
  const lines: Line[] = [];
  const marked = new Set<Element>();
  const blockLines = new Map<Element, { count: number }>();
  const styles: StyleFrame[] = [];
  const blocks: Element[] = [root];
  let unlikelyDepth = 0;
  const unlikelyAt: Element[] = [];
  let builder = new LineBuilder();
  let chars = 0;
  let nodes = 0;
  let depth = 0;
  let ruleBefore = false;
  let preformatted = 0;
  let complete = true;

  const flush = () => {
    if (builder.isEmpty) {
      builder = new LineBuilder();
      return;
    }
    const pieces = builder.pieces;
    // Trim the trailing space a collapsed run may have left.
    const last = pieces[pieces.length - 1] as Piece;
    if (last.text.endsWith(' ')) {
      last.text = last.text.slice(0, -1);
      if (last.style === 'link') builder.linkChars--;
      if (last.text === '') pieces.pop();
    }
    let text = '';
    for (const piece of pieces) text += piece.text;
    if (text !== '') {
      const block = blocks[blocks.length - 1] as Element;
      let siblings = blockLines.get(block);
      if (!siblings) {
        siblings = { count: 0 };
        blockLines.set(block, siblings);
      }
      siblings.count++;
      const heading = /^H[1-6]$/.test(block.tagName) ? Number(block.tagName[1]) : 0;
      lines.push({
        text,
        pieces,
        block,
        firstElement: builder.firstElement,
        labelEnd: builder.labelEnd >= 0 ? Math.min(builder.labelEnd, text.length) : -1,
        linkChars: builder.linkChars,
        heading,
        unlikely: unlikelyDepth > 0,
        afterRule: ruleBefore,
        siblings,
      });
      chars += text.length;
      ruleBefore = false;
    }
    builder = new LineBuilder();
  };

  const pushText = (text: string) => {
    const top = styles[styles.length - 1];
    const style = top?.style ?? 'text';
    if (preformatted > 0 && text.includes('\n')) {
      const parts = text.split('\n');
      parts.forEach((part, i) => {
        if (i > 0) flush();
        builder.push(part, style, top?.url, LINE_LIMITS.lineChars);
      });
      return;
    }
    builder.push(text, style, top?.url, LINE_LIMITS.lineChars);
  };

  /** Called when the walk enters an element; returns whether to walk its children. */
  const enter = (element: Element): boolean => {
    const tag = element.tagName;
    if (SKIPPED.has(tag)) return false;
    if (tag === 'BR') {
      flush();
      return false;
    }
    if (tag === 'HR') {
      flush();
      ruleBefore = true;
      return false;
    }
    if (depth >= LINE_LIMITS.depth) return false;
    if (isBlock(tag)) {
      flush();
      blocks.push(element);
      const words = nameWords(element);
      if (namesTranscript(words)) marked.add(element);
      if (isUnlikely(element, tag, words)) {
        unlikelyDepth++;
        unlikelyAt.push(element);
      }
      if (tag === 'PRE') preformatted++;
    } else {
      if (builder.isEmpty && builder.opener === null && builder.labelEnd === -1) {
        builder.opener = element;
        builder.firstElement = element;
      } else if (builder.firstElement === null) {
        builder.firstElement = element;
      }
      const own = ownStyle(element, tag, base);
      if (own) {
        const parent = styles[styles.length - 1];
        // A link's text keeps the link; styles inside a link are link text.
        if (parent?.style === 'link') styles.push({ element, style: 'link', url: parent.url });
        else if (own.style === 'link') styles.push({ element, style: 'link', url: own.url });
        else styles.push({ element, style: strongerStyle(parent?.style ?? 'text', own.style) });
      }
    }
    depth++;
    return true;
  };

  const leave = (element: Element) => {
    depth--;
    const tag = element.tagName;
    if (isBlock(tag)) {
      flush();
      blocks.pop();
      if (unlikelyAt[unlikelyAt.length - 1] === element) {
        unlikelyAt.pop();
        unlikelyDepth--;
      }
      if (tag === 'PRE') preformatted--;
      return;
    }
    if (styles[styles.length - 1]?.element === element) styles.pop();
    if (builder.opener === element) {
      builder.labelEnd = builder.length;
      builder.opener = null;
    }
  };

  let node: Node | null = root.firstChild;
  while (node) {
    if (++nodes > LINE_LIMITS.nodes || chars > LINE_LIMITS.chars) {
      complete = false;
      break;
    }
    let entered = false;
    if (node.nodeType === TEXT_NODE) pushText(node.nodeValue ?? '');
    else if (node.nodeType === ELEMENT_NODE) entered = enter(node as Element);
    if (entered && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    if (entered) leave(node as Element);
    // Every ancestor below the root was entered on the way down, so each one leaves.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root) leave(node as Element);
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  flush();
  return { lines, marked, complete };
}
