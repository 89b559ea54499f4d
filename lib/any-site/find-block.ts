/**
 * Which block of a page holds its transcript, found the way Mozilla's Readability finds an
 * article, with turns where Readability counts paragraphs: every line that opens a turn scores
 * its ancestors (its container in full, the next one up half, then a third of that and less, five
 * levels up), a container's id or class adjusts its score (`transcript` up; `comment`, `sidebar`
 * and kin never score), links dilute it, and the best container wins. A transcript split into
 * sections (chapters, one wrapper per turn) is one block: the winner grows to the ancestor that
 * holds clearly more turns. The turns inside are then read and judged (turns.ts); a block that is
 * not a transcript gives way to the next best that does not overlap it.
 *
 * A page whose transcript is plain paragraphs, without names or times, has no turn heads; it is
 * read only where the page itself says "transcript" (an id or class, or a heading), one item per
 * paragraph.
 */
import { type Head, readHead } from './heads';
import { type Line, nameWords, type PageLines } from './lines';
import { acceptedHeads, type FoundTranscript, judge, mergeCues, readTurns } from './turns';

/** Readability's scoring depth and dividers: the parent in full, then 1/2, 1/6, 1/9, 1/12. */
const LEVELS = 5;
/** Candidates tried, best first, before the page is said to have no transcript. */
const TRIES = 4;
/** An ancestor this much richer in turns than the winner (sections of one transcript) takes its place. */
const GROWTH = 1.25;
/** Id and class words of content (Readability's "positive" list) and of what is not (its "negative"). */
const POSITIVE = new Set(['article', 'body', 'content', 'entry', 'main', 'page', 'post', 'text', 'blog', 'story']);
const NEGATIVE = new Set(['hidden', 'banner', 'contact', 'masthead', 'media', 'meta', 'outbrain', 'scroll', 'shoutbox', 'tags', 'tool']);

interface Candidate {
  element: Element;
  score: number;
  heads: number;
  chars: number;
  linkChars: number;
}

function classWeight(element: Element, marked: ReadonlySet<Element>): number {
  if (marked.has(element)) return 10;
  let weight = 0;
  for (const word of nameWords(element)) {
    if (POSITIVE.has(word)) weight = Math.max(weight, 3);
    else if (NEGATIVE.has(word)) return -10;
  }
  return weight;
}

/** The element a line scores from: a paragraph's parent, or the container of loose lines itself. */
function scoringStart(line: Line): Element | null {
  return line.siblings.count === 1 ? line.block.parentElement : line.block;
}

function scoreCandidates(page: PageLines, heads: readonly (Head | null)[]): Candidate[] {
  const candidates = new Map<Element, Candidate>();
  page.lines.forEach((line, i) => {
    const head = heads[i];
    if (!head || line.unlikely) return;
    const points = 1 + (head.name ? 1 : 0) + (head.seconds !== null ? 1 : 0);
    let element = scoringStart(line);
    for (let level = 0; element && level < LEVELS; level++, element = element.parentElement) {
      let candidate = candidates.get(element);
      if (!candidate) {
        candidate = { element, score: classWeight(element, page.marked), heads: 0, chars: 0, linkChars: 0 };
        candidates.set(element, candidate);
      }
      candidate.score += points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
      candidate.heads++;
    }
  });
  // Link density, as Readability scales by it: text in links over all text, per candidate.
  for (const line of page.lines) {
    let element: Element | null = line.block;
    for (let level = 0; element && level <= LEVELS; level++, element = element.parentElement) {
      const candidate = candidates.get(element);
      if (!candidate) continue;
      candidate.chars += line.text.length;
      candidate.linkChars += line.linkChars;
    }
  }
  const list = [...candidates.values()];
  for (const candidate of list) candidate.score *= 1 - (candidate.chars > 0 ? candidate.linkChars / candidate.chars : 0);
  return list.sort((a, b) => b.score - a.score);
}

/** The page's lines, their heads, and which lines open a turn (outside unlikely parts). */
interface Scan {
  page: PageLines;
  heads: readonly (Head | null)[];
  headLines: number[];
  /** How often each name opens a line in the page: a name said once is no sign of a conversation. */
  nameCounts: Map<string, number>;
}

/** Whether a head names a speaker who speaks more than once in the page. */
function namesSpeaker(head: Head | null | undefined, scan: Scan): boolean {
  return Boolean(head?.name) && (scan.nameCounts.get(head?.name as string) ?? 0) >= 2;
}

/** Indices of the lines that open turns inside `element`. */
function headLinesIn(element: Element, scan: Scan): number[] {
  return scan.headLines.filter((i) => element.contains((scan.page.lines[i] as Line).block));
}

/** Whether most of these heads name a speaker (a conversation) rather than give a time alone. */
function mostlyNamed(lines: readonly number[], scan: Scan): boolean {
  const named = lines.filter((i) => namesSpeaker(scan.heads[i], scan)).length;
  return named * 2 >= lines.length;
}

/**
 * The winner, grown to an ancestor (up to three levels) that holds clearly more turns of the same
 * kind: the sections of one transcript name (or only time) their turns alike, while a chapter list
 * beside a conversation is times alone, and a conversation beside a timed list has names.
 */
function grow(candidate: Element, scan: Scan): Element {
  let block = candidate;
  const named = mostlyNamed(headLinesIn(block, scan), scan);
  const alike = (element: Element) => headLinesIn(element, scan).filter((i) => namesSpeaker(scan.heads[i], scan) === named).length;
  let count = alike(block);
  for (;;) {
    let grown: Element | null = null;
    let ancestor = block.parentElement;
    for (let level = 0; ancestor && level < 3; level++, ancestor = ancestor.parentElement) {
      const more = alike(ancestor);
      if (more >= count * GROWTH) {
        grown = ancestor;
        count = more;
        break;
      }
    }
    if (!grown) return block;
    block = grown;
  }
}

/** The deepest element holding every one of `lines`. */
function commonAncestor(lines: readonly Line[]): Element | null {
  let common: Element | null = lines[0]?.block ?? null;
  for (const line of lines) while (common && !common.contains(line.block)) common = common.parentElement;
  return common;
}

/** The range of page lines inside `block`, from its first turn head to its last line. */
function rangeIn(block: Element, page: PageLines, firstHead: number): { first: number; last: number } {
  let last = firstHead;
  while (last + 1 < page.lines.length && block.contains((page.lines[last + 1] as Line).block)) last++;
  return { first: firstHead, last };
}

/** Lines a page shows of a caption file that are not words said: `WEBVTT`, cue numbers, `NOTE` blocks. */
function captionFurniture(page: PageLines, heads: readonly (Head | null)[], first: number, last: number): Set<number> {
  const ignored = new Set<number>();
  let inNote = false;
  for (let i = first; i <= last; i++) {
    const text = (page.lines[i] as Line).text;
    if (heads[i]?.form === 'cue') {
      inNote = false;
      if (i > first && /^\d+$/.test((page.lines[i - 1] as Line).text)) ignored.add(i - 1);
      continue;
    }
    if (/^(?:NOTE|STYLE|REGION)\b/.test(text)) inNote = true;
    if (inNote || /^WEBVTT\b/.test(text)) ignored.add(i);
  }
  return ignored;
}

function transcriptIn(block: Element, scan: Scan): FoundTranscript | null {
  const { page, heads } = scan;
  const headLines = headLinesIn(block, scan);
  if (headLines.length === 0) return null;
  const tight = commonAncestor(headLines.map((i) => page.lines[i] as Line)) ?? block;
  const { first, last } = rangeIn(tight, page, headLines[0] as number);
  const cues = headLines.filter((i) => heads[i]?.form === 'cue').length;
  const ignored = cues >= 3 ? captionFurniture(page, heads, first, last) : new Set<number>();
  const accepted = acceptedHeads(page.lines, heads, first, last);
  const lines = ignored.size > 0 ? page.lines.map((line, i) => (ignored.has(i) ? { ...line, unlikely: true } : line)) : page.lines;
  let turns = readTurns(lines, accepted, first, last);
  const form = judge(turns, cues);
  if (!form) return null;
  if (form === 'captions' && turns.some((turn) => turn.item.speaker !== null)) turns = mergeCues(turns);
  return { form, block: tight, turns };
}

/** Words that say a heading introduces a transcript: "Transcript", "Episode transcript", "Full Transcript:". */
const TRANSCRIPT_HEADING = /^(?:[\p{L}'’]+\s+){0,3}transcript(?:ion)?s?\b[^.!?]{0,60}$/iu;
/** A plain-paragraph transcript is prose: this many paragraphs and words at least, few links. */
const PLAIN_MIN = { paragraphs: 3, words: 150, linkDensity: 0.3 };

/** One unattributed item per paragraph of lines `from`…`to` (only those inside `within`). */
function plainTurns(scan: Scan, from: number, to: number, within: Element): FoundTranscript | null {
  const { page } = scan;
  let words = 0;
  let chars = 0;
  let linkChars = 0;
  let heads = 0;
  const usable = new Set<number>();
  for (let i = from; i <= to; i++) {
    const line = page.lines[i] as Line;
    if (line.unlikely || line.heading > 0 || !within.contains(line.block)) continue;
    usable.add(i);
    chars += line.text.length;
    linkChars += line.linkChars;
    words += line.text.split(' ').length;
    if (scan.heads[i]) heads++;
  }
  if (usable.size < PLAIN_MIN.paragraphs || words < PLAIN_MIN.words || linkChars > chars * PLAIN_MIN.linkDensity) return null;
  // Turn heads here were judged already and found no conversation (a list of notes, a chapter list).
  if (heads >= 3 && heads >= usable.size * 0.2) return null;
  // Each paragraph is a turn of its own: every usable line gets a head of no name and no time.
  const accepted: (Head | null)[] = [];
  for (let i = from; i <= to; i++)
    accepted.push(usable.has(i) ? { form: 'time', name: null, seconds: null, clock: null, end: 0, apart: false, timeEnd: null } : null);
  const turns = readTurns(page.lines, accepted, from, to);
  const block = commonAncestor([...usable].map((i) => page.lines[i] as Line)) ?? within;
  return turns.length >= PLAIN_MIN.paragraphs ? { form: 'paragraphs', block, turns } : null;
}

/** A transcript of plain paragraphs, where the page names it: an element or a heading that says "transcript". */
function plainTranscript(scan: Scan): FoundTranscript | null {
  const { lines } = scan.page;
  // An element named transcript: its lines (not the whole page's, for a body class such as
  // WordPress's `category-transcripts`).
  for (const element of scan.page.marked) {
    if (element.tagName === 'BODY' || element.tagName === 'HTML') continue;
    let from = lines.findIndex((line) => element.contains(line.block));
    if (from < 0) continue;
    let to = from;
    while (to + 1 < lines.length && element.contains((lines[to + 1] as Line).block)) to++;
    // Its own heading ("Transcript") is not a paragraph of it.
    if (TRANSCRIPT_HEADING.test((lines[from] as Line).text)) from++;
    const found = plainTurns(scan, from, to, element);
    if (found) return found;
  }
  // A heading that says transcript: the lines after it, up to the next heading of its rank or above.
  for (let i = 0; i < lines.length; i++) {
    const heading = lines[i] as Line;
    if (heading.heading === 0 || heading.unlikely || !TRANSCRIPT_HEADING.test(heading.text)) continue;
    let to = i;
    while (to + 1 < lines.length && !((lines[to + 1] as Line).heading > 0 && (lines[to + 1] as Line).heading <= heading.heading)) to++;
    const found = plainTurns(scan, i + 1, to, heading.block.parentElement ?? heading.block);
    if (found) return found;
  }
  return null;
}

/** The heads of every line (null where a line opens no turn). */
export function headsOf(page: PageLines): (Head | null)[] {
  return page.lines.map((line) => (line.unlikely ? null : readHead(line)));
}

/** The page's transcript, or null when it has none. */
export function findTranscriptIn(page: PageLines, heads: readonly (Head | null)[] = headsOf(page)): FoundTranscript | null {
  const headLines: number[] = [];
  const nameCounts = new Map<string, number>();
  heads.forEach((head, i) => {
    if (!head || (page.lines[i] as Line).unlikely) return;
    headLines.push(i);
    if (head.name) nameCounts.set(head.name, (nameCounts.get(head.name) ?? 0) + 1);
  });
  const scan: Scan = { page, heads, headLines, nameCounts };
  const tried: Element[] = [];
  for (const candidate of scoreCandidates(page, heads)) {
    if (tried.length >= TRIES) break;
    if (tried.some((done) => done.contains(candidate.element) || candidate.element.contains(done))) continue;
    const block = grow(candidate.element, scan);
    tried.push(block);
    const found = transcriptIn(block, scan);
    if (found) return found;
  }
  return plainTranscript(scan);
}
