/**
 * The turns of a block of lines (the block find-block.ts picked), in page order, and whether
 * they make a transcript at all. Names must recur, speakers alternate, times run forward: a page
 * whose block is a print interview (`Q:`/`A:`), a recipe, a FAQ or a list of notes has heads too,
 * but not heads that agree like a conversation's.
 */
import type { Inline, Paragraph, ParsedItem } from '../model/episode';
import { ParagraphBuilder } from '../model/paragraphs';
import { type Head, isDated } from './heads';
import type { Line, Piece } from './lines';

/** How the transcript names its turns. */
export type TranscriptForm = 'named' | 'timed' | 'captions' | 'paragraphs';

/** A turn found in the page: its item, where it is, and what the page prints before its words. */
export interface FoundTurn {
  item: ParsedItem;
  /** The element to scroll to: the turn's head (or first) line's own element. */
  element: Element;
  /**
   * What the page prints just before the turn's words on the same line (`Rich:`, `[00:12:34]`),
   * empty when the head stands on a line of its own: a text fragment's prefix must touch its start.
   */
  prefix: string;
  /** The turn's first line, in the page's lines. */
  line: number;
}

export interface FoundTranscript {
  form: TranscriptForm;
  /** The smallest element holding every turn. */
  block: Element;
  turns: FoundTurn[];
}

/** Fewer turns than this is a few labelled lines, not a conversation. */
export const MIN_TURNS = 6;
/** Labels of print interviews and FAQs: questions and answers, not people. */
const QA_MARKERS = new Set(['q', 'a', 'question', 'answer', 'questions', 'answers', 'response']);
/** Timestamped lines shorter than this (median words) that are also minutes apart are a chapter list. */
const TIMED_MIN_WORDS = 8;
const TIMED_MAX_GAP = 20;

/** The element a line scrolls to: its block when it is the whole block, else its first element. */
export function lineElement(line: Line): Element {
  return line.siblings.count === 1 ? line.block : (line.firstElement ?? line.block);
}

/** A line's pieces from character `from` on. */
function piecesFrom(pieces: readonly Piece[], from: number): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const piece of pieces) {
    const end = at + piece.text.length;
    if (end > from) out.push(at >= from ? piece : { ...piece, text: piece.text.slice(from - at) });
    at = end;
  }
  return out;
}

function wordsIn(paragraphs: readonly Paragraph[]): number {
  let words = 0;
  for (const paragraph of paragraphs) {
    for (const run of paragraph) if (run.kind !== 'timestamp') words += run.text.split(/\s+/).filter((word) => word !== '').length;
  }
  return words;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
}

/**
 * Which heads of a block start turns: times always; names that recur; a name said once only in a
 * conversation (two recurring speakers at least) and only where the page sets it apart (an
 * element, a time). A colon in running text (`My advice: …`) or a short line alone is too common in
 * prose to trust once.
 */
export function acceptedHeads(lines: readonly Line[], heads: readonly (Head | null)[], first: number, last: number): (Head | null)[] {
  const counts = new Map<string, number>();
  for (let i = first; i <= last; i++) {
    const name = heads[i]?.name;
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let recurring = 0;
  for (const count of counts.values()) if (count >= 2) recurring++;
  const accepted: (Head | null)[] = [];
  for (let i = first; i <= last; i++) {
    const head = heads[i] ?? null;
    if (!head?.name) {
      accepted.push(head);
      continue;
    }
    // A name alone on its line heads the words below it: a line that is followed by another head
    // (`[00:12] Thank you`, then the next time) is words said, not a name.
    const next = heads[i + 1];
    // A name alone above a date or a time of day (`Maya`, then `10:42 AM`) is a message's byline.
    const heading =
      head.form !== 'name-line' ||
      (i < last && !isDated((lines[i + 1] as Line).text) && (!next || (next.name === null && next.form !== 'cue')));
    const once = (counts.get(head.name) ?? 0) < 2;
    if (!heading) accepted.push(head.timeEnd !== null ? { ...head, form: 'time', name: null, end: head.timeEnd, apart: false } : null);
    else if (!once || (recurring >= 2 && head.form !== 'name-line' && (head.apart || head.seconds !== null))) accepted.push(head);
    // A time before words that only looked like a name (`[00:12] So what happened`) still opens a turn.
    else if (head.timeEnd !== null) accepted.push({ ...head, form: 'time', name: null, end: head.timeEnd, apart: false });
    else accepted.push(null);
  }
  return accepted;
}

interface Building {
  name: string | null;
  label: string | null;
  /** The name is the last speaker's, carried on by a time alone: a name on the next line replaces it. */
  carried: boolean;
  clock: string | null;
  seconds: number | null;
  paragraphs: Paragraph[];
  element: Element;
  prefix: string;
  line: number;
  /** The block of the last line added, so lines of one block (split at `<br>`) make one paragraph. */
  lastBlock: Element | null;
  builder: ParagraphBuilder | null;
}

function closeParagraph(turn: Building): void {
  if (!turn.builder) return;
  if (!turn.builder.isEmpty) turn.paragraphs.push(turn.builder.finish());
  turn.builder = null;
}

function addText(turn: Building, line: Line, from: number): void {
  const pieces = piecesFrom(line.pieces, from);
  if (pieces.every((piece) => piece.text.trim() === '')) return;
  if (turn.builder && turn.lastBlock === line.block) turn.builder.push('text', '\n');
  else {
    closeParagraph(turn);
    turn.builder = new ParagraphBuilder();
  }
  for (const piece of pieces) turn.builder.push(piece.style, piece.text, piece.url);
  turn.lastBlock = line.block;
}

/**
 * The turns of lines `first`…`last`, heads already accepted (`accepted[i - first]`). Lines before
 * the first head are the block's title and introduction; after the last head, text continues the
 * last turn until a heading, a rule or a line of links ends the transcript.
 */
export function readTurns(lines: readonly Line[], accepted: readonly (Head | null)[], first: number, last: number): FoundTurn[] {
  const turns: FoundTurn[] = [];
  let current: Building | null = null;
  let lastSpeaker: string | null = null;
  let lastHead = -1;
  for (let i = first; i <= last; i++) if (accepted[i - first]) lastHead = i;

  const finish = () => {
    if (!current) return;
    closeParagraph(current);
    const paragraphs = current.paragraphs;
    if (paragraphs.length > 0) {
      if (current.clock !== null && current.seconds !== null) {
        const stamp: Inline = { kind: 'timestamp', text: current.clock, seconds: current.seconds };
        (paragraphs[0] as Paragraph).unshift(stamp);
      }
      const name = current.name;
      turns.push({
        item: {
          index: turns.length,
          label: current.label ?? name ?? '',
          speaker: name,
          kind: name ? 'speech' : 'unattributed',
          paragraphs,
        },
        element: current.element,
        prefix: current.prefix,
        line: current.line,
      });
      if (name) lastSpeaker = name;
    }
    current = null;
  };

  for (let i = first; i <= last; i++) {
    const line = lines[i] as Line;
    if (line.unlikely) continue;
    const head = accepted[i - first] ?? null;
    if (!head) {
      if (!current) continue;
      if (i > lastHead && (line.heading > 0 || line.afterRule || line.linkChars > line.text.length / 2)) break;
      if (line.heading > 0) continue;
      addText(current, line, 0);
      continue;
    }
    const open: Building | null = current;
    const words = head.end < line.text.length;
    // A name and a time on two lines of their own (`<cite>Kevin</cite>` then `<time>0:00</time>`)
    // are one head.
    if (open && open.paragraphs.length === 0 && !open.builder) {
      if (open.name !== null && head.name === null && open.seconds === null && head.seconds !== null) {
        open.clock = head.clock;
        open.seconds = head.seconds;
        if (words) addText(open, line, head.end);
        continue;
      }
      if ((open.name === null || open.carried) && head.name !== null && head.seconds === null && open.seconds !== null) {
        open.name = head.name;
        open.label = head.label ?? null;
        open.carried = false;
        if (words) addText(open, line, head.end);
        continue;
      }
    }
    finish();
    current = {
      // A time alone inside a conversation (`(00:21):`) carries on the last speaker's words.
      name: head.name ?? lastSpeaker,
      label: head.label ?? null,
      carried: head.name === null,
      clock: head.clock,
      seconds: head.seconds,
      paragraphs: [],
      element: lineElement(line),
      prefix: words ? line.text.slice(0, head.end).trim() : '',
      line: i,
      lastBlock: null,
      builder: null,
    };
    if (words) addText(current, line, head.end);
  }
  finish();
  return turns;
}

/** Consecutive turns of one speaker made one (caption cues are lines of a turn, not turns). */
export function mergeCues(turns: readonly FoundTurn[]): FoundTurn[] {
  const merged: FoundTurn[] = [];
  for (const turn of turns) {
    const previous = merged[merged.length - 1];
    if (previous && turn.item.speaker !== null && previous.item.speaker === turn.item.speaker) {
      const [firstParagraph, ...rest] = turn.item.paragraphs;
      const target = previous.item.paragraphs[previous.item.paragraphs.length - 1];
      // A cue's own time marks where its words start inside the turn.
      if (firstParagraph && target) target.push({ kind: 'text', text: ' ' }, ...firstParagraph);
      previous.item.paragraphs.push(...rest);
      continue;
    }
    merged.push({ ...turn, item: { ...turn.item, index: merged.length } });
  }
  return merged;
}

/**
 * Whether the turns read from a block make a transcript, and of which form; null when they do not.
 * Named: at least two speakers, names that recur (a list of people says each name once), someone
 * who speaks three times or more, and not only questions and answers. Timed: times that run
 * forward, and lines long enough, or close enough in time, not to be a chapter list.
 */
export function judge(turns: readonly FoundTurn[], cues: number): TranscriptForm | null {
  if (turns.length < MIN_TURNS && !(cues >= 3 && turns.length >= 2)) return null;
  const counts = new Map<string, number>();
  for (const turn of turns) if (turn.item.speaker) counts.set(turn.item.speaker, (counts.get(turn.item.speaker) ?? 0) + 1);
  const named = [...counts.values()].reduce((sum, count) => sum + count, 0);
  if (cues >= 3 && cues >= turns.length / 2) return 'captions';
  if (named >= turns.length / 2) {
    if (counts.size < 2 || named < MIN_TURNS) return null;
    if ([...counts.keys()].every((name) => QA_MARKERS.has(name.toLowerCase()))) return null;
    if (named / counts.size < 2 || Math.max(...counts.values()) < 3) return null;
    return 'named';
  }
  const times: number[] = [];
  for (const turn of turns) {
    const stamp = turn.item.paragraphs[0]?.[0];
    if (stamp?.kind === 'timestamp') times.push(stamp.seconds);
  }
  if (times.length < MIN_TURNS || times.length < turns.length * 0.8) return null;
  let forward = 0;
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i] as number) - (times[i - 1] as number);
    if (gap >= 0) forward++;
    gaps.push(gap);
  }
  if (forward < (times.length - 1) * 0.9) return null;
  const words = median(turns.map((turn) => wordsIn(turn.item.paragraphs)));
  return words >= TIMED_MIN_WORDS || median(gaps) <= TIMED_MAX_GAP ? 'timed' : null;
}
