/**
 * The head of a turn: what opens a line of a transcript before the words said. Pages write it in
 * a handful of ways, and this file knows them all, without any per-site rule:
 *
 * - a name and a colon: `Rich: text`, `**Rich:** text`, `<strong>Rich:</strong> text`;
 * - a name set apart by its own element, without a colon: `<strong>Rich</strong> text`;
 * - a name alone on its line, above the paragraphs it says;
 * - a timestamp before or after the name, in brackets, parentheses or bare: `[00:12:34] Rich:`,
 *   `Rich (00:12:34):`, `12:34 Rich`, `Rich 0:01` alone;
 * - a timestamp without a name: `[00:12:34] text`, `0:01` alone, `(00:21):`,
 *   `Starting point is 00:12:34`;
 * - a caption cue's timing line, when a page shows WebVTT or SRT as text.
 *
 * A head found here is only a candidate: a block of the page is a transcript when its heads agree
 * (turns.ts), never because one line looks like one.
 */
import { parseClock } from '../model/clock';
import type { Line } from './lines';

/** How a head names its speaker, which a transcript keeps the same from turn to turn. */
export type HeadForm = 'name-colon' | 'name-apart' | 'name-line' | 'time' | 'cue';

export interface Head {
  form: HeadForm;
  /** The speaker's name as the page prints it, or null for a timestamp alone. */
  name: string | null;
  /** The whole label when it says more than the name (`STEVE INSKEEP, HOST`). */
  label?: string;
  /** The head's timestamp, in seconds, and as printed without its brackets. */
  seconds: number | null;
  clock: string | null;
  /** Where the words said start in the line's text (its length when the head is the whole line). */
  end: number;
  /** The name is set apart by an element or a bracketed time, not only by a colon in running text. */
  apart: boolean;
  /**
   * For a time before a name (`[00:12] So what happened`): where the words start if the "name"
   * turns out to be words said. Null when the head cannot be read as a time alone.
   */
  timeEnd: number | null;
}

/** A media clock: `0:01`, `12:34`, `1:02:03`, `00:12:34.5`, `00:12:34,500`. */
const CLOCK = String.raw`\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?`;
/** A clock as a head writes it, bare or in brackets or parentheses, not a wall-clock time (`10:42 am`). */
export const STAMP = String.raw`(?:\[(${CLOCK})\]|\((${CLOCK})\)|(${CLOCK})(?![\d:]))(?!\s*(?:[ap]\.?m\b|[AP]\.?M\b))`;
/**
 * A person's name as transcripts print it: one to four words, the first capitalized (`Rich`,
 * `Liz Rice`, `Dr. Ada Lovelace`, `Speaker 1`, `Jean-Luc O'Neil`, `RICH`).
 */
const NAME = String.raw`(?:[\p{Lu}\p{Lt}\p{Lo}][\p{L}\p{M}'’-]*|\p{Lu}\p{Ll}{0,2}\.)(?: (?:\p{L}[\p{L}\p{M}'’-]*\.?|\d{1,3})){0,3}`;
/** A role after a name, as radio transcripts print a speaker's first turn (`STEVE INSKEEP, HOST:`). */
const ROLE = String.raw`\p{L}[\p{L}'’-]*(?: \p{L}[\p{L}'’-]*){0,2}`;

const LEADING_STAMP = new RegExp(String.raw`^${STAMP}\s*(?:[-–—|:]\s*)?`, 'u');
const NAME_COLON = new RegExp(String.raw`^(${NAME})(?:, (${ROLE}))?\s*(?:${STAMP})?\s*:(?!\d)(?:\s+|$)?`, 'u');
const NAME_STAMP_LINE = new RegExp(String.raw`^(${NAME})\s*(?:[-–—|,]\s*)?${STAMP}\s*:?$`, 'u');
const NAME_BRACKETED_STAMP = new RegExp(String.raw`^(${NAME})\s*(?:\[(${CLOCK})\]|\((${CLOCK})\))\s*`, 'u');
const NAME_LINE = new RegExp(`^(${NAME})$`, 'u');
const STAMP_AFTER = new RegExp(String.raw`^${STAMP}\s*(?:[-–—|:]\s*)?`, 'u');
const STARTING_POINT = new RegExp(String.raw`^starting point is\s+(${CLOCK})\s*$`, 'iu');
const CUE_TIMING = new RegExp(String.raw`^(${CLOCK})\s*-->\s*${CLOCK}`, 'u');
/**
 * A date or a time of day: what follows a name in a message, a comment or a byline (`Maya 10:42 AM`,
 * `Tom — March 3, 2024`, `Ali · 3 days ago`), never in a transcript's head.
 */
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
const DATED = new RegExp(
  String.raw`^[^\p{L}\p{N}]{0,4}(?:\p{L}+\s+){0,2}(?:\d{1,2}:\d{2}\s*[ap]\.?m\b|${MONTH}\s+\d{1,2}\b|\d{1,2}\s+${MONTH}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|today|yesterday)`,
  'iu',
);

/**
 * Labels that are never a speaker: a document's own field names (notes, recipes, metadata, page
 * furniture). Transcripts do use roles as names (`Host:`, `Guest:`, `Interviewer:`), so those stay.
 */
const NOT_NAMES = new Set(
  `note notes nb update updated edit edited correction warning caution tip tips important disclaimer source sources credit credits
  photo photos image images picture video audio links link related topics topic tags tag category categories summary overview
  date time location where when duration length runtime published posted released recorded by author written editor
  ingredients directions instructions method preparation equipment nutrition calories difficulty prep cook total serves servings
  yield makes price cost rating score reply share like report permalink transcript episode season chapter chapters listen
  subscribe download contact email phone address website twitter facebook instagram youtube linkedin mastodon github follow
  sponsors sponsor sponsored mentioned resources references bio about description status version question answer
  key takeaways highlights timestamps pros cons verdict example examples step steps usage output input result results`
    .split(/\s+/)
    .filter((word) => word !== ''),
);

/** Words said alone on a line in a dialogue: never a name on its own line. */
const DIALOGUE_WORDS = new Set(
  `yeah yes yep no nope okay ok right sure so well um uh hmm mhm mm oh ah wow thanks exactly totally absolutely true
  hi hello hey bye cool great nice good really indeed and but laughs laughter music applause pause silence end intro outro`
    .split(/\s+/)
    .filter((word) => word !== ''),
);

/** Whether a label can name a speaker: not a field name, not a step (`Step 2`), not too long. */
export function isSpeakerName(name: string): boolean {
  const lower = name.toLowerCase();
  const words = lower.split(' ');
  if (name.length > 40 || NOT_NAMES.has(lower) || NOT_NAMES.has(words[0] ?? '') || NOT_NAMES.has(words[words.length - 1] ?? ''))
    return false;
  return !/^(?:step|part|day|week|phase|round|level|stage|tip|rule|lesson)\s+\d+$/i.test(name);
}

/** Seconds of a head's clock, when it is a valid one (seconds and minutes below 60). */
export function secondsOf(clock: string): number | null {
  const normalized = clock.replace(',', '.');
  const parts = normalized.split('.')[0]?.split(':') ?? [];
  if (parts.slice(1).some((part) => Number(part) >= 60)) return null;
  return parseClock(normalized);
}

/** The line with a leading Markdown bold (`**Rich:**`, `__Rich__:`) blanked out, same length. */
function unmarked(text: string): string {
  const match = /^(?:\[[^\]]{0,14}\]\s*)?(\*\*|__)/.exec(text);
  if (!match) return text;
  const marker = match[1] as string;
  const open = (match.index ?? 0) + match[0].length - 2;
  const close = text.indexOf(marker, open + 2);
  if (close < 0 || close - open > 80) return text;
  return `${text.slice(0, open)}  ${text.slice(open + 2, close)}  ${text.slice(close + 2)}`;
}

function stampOf(match: RegExpExecArray, from: number): string | null {
  return match[from] ?? match[from + 1] ?? match[from + 2] ?? null;
}

function head(form: HeadForm, name: string | null, clock: string | null, end: number, apart = false): Head | null {
  const seconds = clock === null ? null : secondsOf(clock);
  if (clock !== null && seconds === null) return null;
  if (name !== null && !isSpeakerName(name.trim())) return null;
  const trimmed = name === null ? null : name.trim();
  return { form, name: trimmed, seconds, clock: clock === null ? null : clock.replace(',', '.'), end, apart, timeEnd: null };
}

/** Tags that set a name apart as a label (`<strong>Rich</strong>`); a link or code never does. */
const LABEL_TAGS = new Set(['STRONG', 'B', 'CITE', 'SPAN', 'LABEL', 'DFN', 'EM', 'I', 'MARK', 'SMALL', 'U', 'FONT']);

/** The name the line's opening element holds, when it is one (`<strong>Rich:</strong>`), and where it ends. */
function labelName(line: Line, text: string, offset: number): { name: string; end: number } | null {
  if (line.labelEnd <= offset || !line.firstElement || !LABEL_TAGS.has(line.firstElement.tagName)) return null;
  const name = text.slice(offset, line.labelEnd).replace(/[\s:]+$/, '');
  return NAME_LINE.test(name) ? { name, end: line.labelEnd } : null;
}

/** A name (and what may follow it) at the start of `rest`, which starts at `offset` in the line. */
function namedHead(line: Line, text: string, rest: string, offset: number, stamp: string | null): Head | null {
  const colon = NAME_COLON.exec(rest);
  // `Rich:Welcome` runs together only where an element sets the name apart.
  const tight = colon?.[0].endsWith(':') && colon[0].length < rest.length && labelName(line, text, offset) === null;
  if (colon && !tight) {
    let end = offset + colon[0].length;
    let clock = stamp ?? stampOf(colon, 3);
    // `Kevin: 0:00` (a cite and a time side by side): the time belongs to the head.
    const trailing = clock === null ? STAMP_AFTER.exec(text.slice(end)) : null;
    if (trailing) {
      clock = stampOf(trailing, 1);
      end += trailing[0].length;
    }
    const role = colon[2];
    const found = head(
      'name-colon',
      colon[1] as string,
      clock,
      end,
      role !== undefined || labelName(line, text, offset) !== null || stamp !== null,
    );
    if (found && role !== undefined) found.label = `${found.name}, ${role}`;
    return found;
  }
  const stampLine = stamp === null ? NAME_STAMP_LINE.exec(rest) : null;
  if (stampLine) return head('name-line', stampLine[1] as string, stampOf(stampLine, 2), text.length);
  const alone = NAME_LINE.exec(rest);
  if (alone) {
    const name = alone[1] as string;
    if (!name.includes(' ') && DIALOGUE_WORDS.has(name.toLowerCase())) return null;
    return head('name-line', name, stamp, text.length);
  }
  const label = labelName(line, text, offset);
  if (label) {
    let end = label.end + (/^[\s:]*/.exec(text.slice(label.end))?.[0].length ?? 0);
    let clock = stamp;
    const trailing = clock === null ? STAMP_AFTER.exec(text.slice(end)) : null;
    if (trailing) {
      clock = stampOf(trailing, 1);
      end += trailing[0].length;
    }
    return head(text.slice(offset, end).includes(':') ? 'name-colon' : 'name-apart', label.name, clock, end, true);
  }
  // `Rich [00:01:02] Welcome…`: a bracketed time sets a name apart as well as an element does.
  const bracketed = stamp === null ? NAME_BRACKETED_STAMP.exec(rest) : null;
  if (bracketed)
    return head('name-apart', bracketed[1] as string, bracketed[2] ?? bracketed[3] ?? null, offset + bracketed[0].length, true);
  return null;
}

/** The head that opens a line, or null when the line is not the start of a turn. */
export function readHead(line: Line): Head | null {
  const found = headOf(line);
  // A name followed by a date or a time of day is a message's or a comment's byline.
  if (found?.name && isDated(line.text.slice(found.end))) return null;
  return found;
}

/** Whether text opens with a date or a time of day (`10:42 AM`, `March 3`, `3 days ago`). */
export function isDated(text: string): boolean {
  return DATED.test(text.slice(0, 60));
}

function headOf(line: Line): Head | null {
  const text = unmarked(line.text);
  const first = text.charCodeAt(0);
  const digit = first >= 48 && first <= 57;
  if (digit) {
    const cue = CUE_TIMING.exec(text);
    if (cue) return head('cue', null, cue[1] as string, text.length);
  }
  if (first === 83 || first === 115) {
    const starting = STARTING_POINT.exec(text);
    if (starting) return head('time', null, starting[1] as string, text.length);
  }
  if (digit || first === 91 || first === 40 || first === 32) {
    const leading = LEADING_STAMP.exec(text.trimStart());
    if (leading) {
      const offset = text.length - text.trimStart().length + leading[0].length;
      const stamp = stampOf(leading, 1);
      const rest = text.slice(offset);
      // A chat line (`[10:42] <alice> hi`) is not a turn.
      if (rest.startsWith('<') && !rest.startsWith('<v')) return null;
      const named = rest === '' ? null : namedHead(line, text, rest, offset, stamp);
      if (named) named.timeEnd = offset;
      return named ?? head('time', null, stamp, offset);
    }
  }
  const lead = text.length - text.trimStart().length;
  return namedHead(line, text, text.slice(lead), lead, null);
}
