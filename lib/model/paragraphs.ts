/**
 * Builds the flat {@link Inline} runs of a paragraph from either source: the Markdown parser
 * feeds it markdown-it tokens, the page parser feeds it DOM text nodes. Both then agree on
 * runs, bracketed timestamps and which URLs may be links (see links.ts).
 */

import { BRACKETED_TIMESTAMP, parseClock } from './clock';
import type { Inline, Paragraph } from './episode';

/** Run styles by strength: a stronger style wins when styles nest. */
export type RunStyle = 'text' | 'emphasis' | 'strong' | 'code' | 'link';
const STRENGTH: Record<RunStyle, number> = { text: 0, emphasis: 1, strong: 2, code: 3, link: 4 };

/** The stronger of two styles. */
export function strongerStyle(a: RunStyle, b: RunStyle): RunStyle {
  return STRENGTH[b] > STRENGTH[a] ? b : a;
}

/** HTML's inline formatting elements as run styles (links apart: their URL needs checking). */
const TAG_STYLES: Readonly<Record<string, RunStyle>> = {
  EM: 'emphasis',
  I: 'emphasis',
  STRONG: 'strong',
  B: 'strong',
  CODE: 'code',
  KBD: 'code',
  SAMP: 'code',
};

/** The run style an element's tag name (upper case, as the DOM gives it) stands for, if any. */
export function runStyleOfTag(tagName: string): RunStyle | null {
  return TAG_STYLES[tagName] ?? null;
}

/** Collects runs for one paragraph; adjacent runs of the same style and URL merge. */
export class ParagraphBuilder {
  private runs: { style: RunStyle; text: string; url?: string }[] = [];

  /** Adds text in a style; `url` only for `link` (already checked with {@link safeHttpUrl}). */
  push(style: RunStyle, text: string, url?: string): void {
    if (text === '') return;
    const effective: RunStyle = style === 'link' && !url ? 'text' : style;
    const last = this.runs[this.runs.length - 1];
    if (last && last.style === effective && last.url === url) {
      last.text += text;
      return;
    }
    this.runs.push(effective === 'link' ? { style: effective, text, url } : { style: effective, text });
  }

  get isEmpty(): boolean {
    return this.runs.every((run) => run.text.trim() === '');
  }

  /** The paragraph's runs, plain runs split at bracketed timestamps, outer whitespace trimmed. */
  finish(): Paragraph {
    const out: Paragraph = [];
    for (const run of this.runs) {
      if (run.style === 'link') out.push({ kind: 'link', text: run.text, url: run.url as string });
      else if (run.style === 'code') out.push({ kind: 'code', text: run.text });
      // The site links bracketed times wherever they stand, bold ones (`**\[18:05\]**`) included.
      else splitTimestamps(run.text.replace(/ *\n */g, '\n'), run.style, out);
    }
    trimEdges(out);
    this.runs = [];
    return out;
  }
}

function splitTimestamps(text: string, style: 'text' | 'emphasis' | 'strong', out: Paragraph): void {
  BRACKETED_TIMESTAMP.lastIndex = 0;
  let from = 0;
  for (let match = BRACKETED_TIMESTAMP.exec(text); match; match = BRACKETED_TIMESTAMP.exec(text)) {
    const clock = match[1] as string;
    const seconds = parseClock(clock);
    if (seconds === null) continue;
    if (match.index > from) out.push({ kind: style, text: text.slice(from, match.index) });
    out.push({ kind: 'timestamp', text: clock, seconds });
    from = match.index + match[0].length;
  }
  if (from < text.length) out.push({ kind: style, text: text.slice(from) });
}

function trimEdges(runs: Paragraph): void {
  const first = runs[0];
  if (first && first.kind !== 'timestamp') first.text = first.text.replace(/^\s+/, '');
  const last = runs[runs.length - 1];
  if (last && last.kind !== 'timestamp') last.text = last.text.replace(/\s+$/, '');
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i] as Inline;
    if (run.kind !== 'timestamp' && run.text === '') runs.splice(i, 1);
  }
}

/**
 * The links open around the current position of an inline walk. A link that closes without
 * any text (an image link, `[](url)`) still becomes a run: its image's alt text, else its URL.
 */
export class LinkTracker {
  private readonly open: { url: string | null; hasText: boolean; alt: string }[] = [];

  /** The URL text pushed now belongs to: the outermost open http(s) link. */
  get url(): string | undefined {
    for (const link of this.open) if (link.url) return link.url;
    return undefined;
  }

  enter(url: string | null): void {
    this.open.push({ url, hasText: false, alt: '' });
  }

  /** Text was pushed inside the open links. */
  sawText(text: string): void {
    if (text.trim() === '') return;
    for (const link of this.open) link.hasText = true;
  }

  /** An image inside the open links: its alt text names an otherwise empty link. */
  sawImage(alt: string): void {
    const top = this.open[this.open.length - 1];
    if (top && !top.alt) top.alt = alt.trim();
  }

  leave(builder: ParagraphBuilder): void {
    const link = this.open.pop();
    if (!link?.url || link.hasText) return;
    const text = link.alt || link.url;
    builder.push('link', text, link.url);
    this.sawText(text);
  }
}
