/**
 * Markdown as the site renders it (cmark, CommonMark with raw HTML passed through), reduced to
 * blocks of flat inline runs. Both archive parsers (transcripts, show notes) read Markdown only
 * through this file. markdown-it in its CommonMark preset stands in for cmark.
 */
import { decodeHTML } from 'entities';
import MarkdownIt from 'markdown-it';
import type { Paragraph } from '../../lib/model/episode';
import { safeHttpUrl } from '../../lib/model/links';
import { LinkTracker, ParagraphBuilder, type RunStyle, strongerStyle } from '../../lib/model/paragraphs';
import { SITE_ORIGIN } from '../../lib/site/urls';

type Token = ReturnType<MarkdownIt['parse']>[number];

/** A heading, a paragraph (or list item, or quote), or a code block, with its runs. */
export type MarkdownBlock = { kind: 'heading'; level: number; runs: Paragraph } | { kind: 'paragraph'; inList: boolean; runs: Paragraph };

const markdown = new MarkdownIt('commonmark');

/** The blocks of a Markdown document, in order; empty blocks are dropped. */
export function markdownBlocks(source: string): MarkdownBlock[] {
  const tokens = markdown.parse(source, {});
  const blocks: MarkdownBlock[] = [];
  let listDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        listDepth++;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDepth--;
        break;
      case 'heading_open': {
        const runs = inlineRuns(tokens[i + 1]?.children ?? []);
        if (runs.length > 0) blocks.push({ kind: 'heading', level: Number(token.tag.slice(1)) || 1, runs });
        break;
      }
      case 'paragraph_open': {
        const runs = inlineRuns(tokens[i + 1]?.children ?? []);
        if (runs.length > 0) blocks.push({ kind: 'paragraph', inList: listDepth > 0, runs });
        break;
      }
      case 'code_block':
      case 'fence': {
        const builder = new ParagraphBuilder();
        builder.push('code', token.content.replace(/\n$/, ''));
        const runs = builder.finish();
        if (runs.length > 0) blocks.push({ kind: 'paragraph', inList: listDepth > 0, runs });
        break;
      }
      case 'html_block':
        blocks.push(...htmlBlocks(token.content, listDepth > 0));
        break;
      default:
        break;
    }
  }
  return blocks;
}

/** The paragraphs of a Markdown text, headings included as plain paragraphs. */
export function markdownParagraphs(source: string): Paragraph[] {
  return markdownBlocks(source).map((block) => block.runs);
}

function inlineRuns(children: readonly Token[]): Paragraph {
  const builder = new ParagraphBuilder();
  const links = new LinkTracker();
  let emphasis = 0;
  let strong = 0;
  const push = (style: RunStyle, text: string) => {
    const url = links.url;
    let current: RunStyle = strong > 0 ? 'strong' : emphasis > 0 ? 'emphasis' : 'text';
    current = strongerStyle(current, style);
    if (url) current = 'link';
    builder.push(current, text, url);
    links.sawText(text);
  };
  for (const child of children) {
    switch (child.type) {
      case 'text':
        push('text', child.content);
        break;
      case 'code_inline':
        push('code', child.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        push('text', '\n');
        break;
      case 'em_open':
        emphasis++;
        break;
      case 'em_close':
        emphasis = Math.max(0, emphasis - 1);
        break;
      case 'strong_open':
        strong++;
        break;
      case 'strong_close':
        strong = Math.max(0, strong - 1);
        break;
      case 'link_open':
        links.enter(safeHttpUrl(child.attrGet('href'), SITE_ORIGIN));
        break;
      case 'link_close':
        links.leave(builder);
        break;
      case 'image':
        // An image renders as <img>, which has no text on the page; it only names an empty link.
        links.sawImage(child.content);
        break;
      case 'html_inline': {
        const tag = parseTag(child.content);
        if (!tag) break;
        if (tag.name === 'a') {
          if (tag.closing) links.leave(builder);
          else links.enter(safeHttpUrl(tag.href, SITE_ORIGIN));
        } else if (tag.name === 'br') {
          push('text', '\n');
        } else if (tag.name === 'img' && tag.alt !== undefined) {
          links.sawImage(tag.alt);
        } else if (tag.name === 'em' || tag.name === 'i') {
          emphasis = Math.max(0, emphasis + (tag.closing ? -1 : 1));
        } else if (tag.name === 'strong' || tag.name === 'b') {
          strong = Math.max(0, strong + (tag.closing ? -1 : 1));
        }
        break;
      }
      default:
        break;
    }
  }
  return builder.finish();
}

interface Tag {
  name: string;
  closing: boolean;
  href?: string;
  alt?: string;
}

const TAG = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>$/;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
const ALT = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

function parseTag(html: string): Tag | null {
  const match = TAG.exec(html.trim());
  if (!match) return null;
  const tag: Tag = { name: (match[2] as string).toLowerCase(), closing: match[1] === '/' };
  const href = HREF.exec(match[3] ?? '');
  if (href) tag.href = decodeHTML(href[1] ?? href[2] ?? href[3] ?? '');
  const alt = ALT.exec(match[3] ?? '');
  if (alt) tag.alt = decodeHTML(alt[1] ?? alt[2] ?? alt[3] ?? '');
  return tag;
}

/** Tags that end a paragraph in raw HTML blocks. */
const BLOCK_TAGS = new Set(['p', 'li', 'div', 'ul', 'ol', 'figure', 'figcaption', 'table', 'tr', 'blockquote', 'section']);
const HEADING_TAG = /^h([1-6])$/;

/**
 * Raw HTML the notes embed (`<figure>`, old `<ul><li><a …>` lists): text and links only, split
 * into blocks at block-level tags. Scripts, styles and attributes other than `href` are dropped.
 */
function htmlBlocks(html: string, inList: boolean): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let builder = new ParagraphBuilder();
  let heading = 0;
  let skipping: string | null = null;
  let listItem = inList;
  const links = new LinkTracker();
  const flush = () => {
    const runs = builder.finish();
    builder = new ParagraphBuilder();
    if (runs.length === 0) return;
    blocks.push(heading > 0 ? { kind: 'heading', level: heading, runs } : { kind: 'paragraph', inList: listItem, runs });
  };
  const pieces = /<!--[\s\S]*?-->|<\/?[A-Za-z][^>]*>|[^<]+|</g;
  for (let match = pieces.exec(html); match; match = pieces.exec(html)) {
    const piece = match[0];
    if (piece.startsWith('<!--')) continue;
    const tag = piece.length > 1 && piece.startsWith('<') ? parseTag(piece) : null;
    if (!tag) {
      if (skipping) continue;
      const text = decodeHTML(piece).replace(/\s+/g, ' ');
      const url = links.url;
      builder.push(url ? 'link' : 'text', text, url);
      links.sawText(text);
      continue;
    }
    if (skipping) {
      if (tag.closing && tag.name === skipping) skipping = null;
      continue;
    }
    if (tag.name === 'script' || tag.name === 'style') {
      if (!tag.closing) skipping = tag.name;
      continue;
    }
    if (tag.name === 'a') {
      if (tag.closing) links.leave(builder);
      else links.enter(safeHttpUrl(tag.href, SITE_ORIGIN));
      continue;
    }
    if (tag.name === 'img') {
      if (tag.alt !== undefined) links.sawImage(tag.alt);
      continue;
    }
    if (tag.name === 'br') {
      builder.push('text', '\n');
      continue;
    }
    const headingLevel = HEADING_TAG.exec(tag.name);
    if (headingLevel || BLOCK_TAGS.has(tag.name)) {
      flush();
      heading = headingLevel && !tag.closing ? Number(headingLevel[1]) : 0;
      if (tag.name === 'li') listItem = !tag.closing || inList;
    }
  }
  flush();
  return blocks;
}
