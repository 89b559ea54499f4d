/**
 * WebVTT (W3C, https://www.w3.org/TR/webvtt1/), written and read.
 *
 * Written: the `WEBVTT` line, a NOTE with the title, the page, the license notice and the
 * listener's selection, then one cue per item: its index as the cue identifier, its start and end,
 * and its paragraphs one line each after a voice tag, `<v Liz Rice>`. Speaker-less items carry their
 * label as a voice with the item's kind as its class (`<v.break Break>`), so a reader that carries a
 * voice on to the cues after it, as podcast apps do, never gives a break to the last speaker. A
 * start the transcript does not give is marked by a `NOTE estimated start` block just before its
 * cue. In cue text `&`, `<` and `>` are character references, so `-->` never occurs; the header
 * and NOTE blocks have no escapes and write `-->` as `→`.
 *
 * Read: a whole file, or cue text as a page shows it (`<v Name>…` lines), into cues and voiced
 * text, then into transcript items (consecutive cues of one voice make one turn), for pages that
 * show their captions as text.
 */
import { formatClock } from '../clock';
import type { ItemKind, ParsedItem } from '../episode';
import { cleanLine, clockParts, pad, type TranscriptExport, withoutCueArrow } from './transcript-export';

export const WEBVTT_MIME = 'text/vtt';

/** The NOTE that says a cue's start is an estimate. */
export const ESTIMATED_NOTE = 'NOTE estimated start';

/** `HH:MM:SS.mmm`, hours at least two digits. */
export function webVttTimestamp(seconds: number): string {
  const t = clockParts(seconds);
  return `${pad(t.hours, 2)}:${pad(t.minutes, 2)}:${pad(t.seconds, 2)}.${pad(t.millis, 3)}`;
}

/** Cue text: `&`, `<` and `>` as character references (so no tag, no `-->`). */
export function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A voice tag: the annotation with references for `&`, `<`, `>`, never empty, and a space before the
 * tag's `>` when it ends in `-` (readers drop it; `<v a-->` would hold the timing arrow).
 */
function voiceTag(name: string, kind: ItemKind): string {
  const escaped = escapeCueText(name) || '?';
  const annotation = escaped.endsWith('-') ? `${escaped} ` : escaped;
  return kind === 'speech' ? `<v ${annotation}>` : `<v.${kind} ${annotation}>`;
}

/** Lines of a NOTE block or header: one clean line each, none empty, no `-->`. */
function noteLines(lines: readonly (string | undefined)[]): string[] {
  return lines.map((line) => withoutCueArrow(cleanLine(line ?? ''))).filter((line) => line !== '');
}

/** The transcript as a WebVTT file. */
export function writeWebVtt(doc: TranscriptExport): string {
  const { info } = doc;
  const about = noteLines([
    info.title,
    info.url,
    info.notice,
    doc.selection ? `Only what was picked: ${doc.selection} (${doc.entries.length} of ${doc.total} items).` : undefined,
    'Times the transcript gives are exact; the others are estimated, each marked by a NOTE before its cue.',
  ]);
  const blocks = ['WEBVTT', `NOTE\n${about.join('\n')}`];
  for (const entry of doc.entries) {
    const lines = entry.paragraphs.map(escapeCueText);
    const text = `${voiceTag(entry.label, entry.kind)}${lines.join('\n')}`;
    const cue = `${entry.index}\n${webVttTimestamp(entry.start)} --> ${webVttTimestamp(entry.end)}\n${text}`;
    blocks.push(entry.estimated ? `${ESTIMATED_NOTE}\n\n${cue}` : cue);
  }
  return `${blocks.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A run of cue text said by one voice (null: no voice tag). */
export interface VoicedText {
  speaker: string | null;
  /** The voice tag's first class (`break`, `loud`, …), when it has one. */
  voiceClass?: string;
  /** The text, tags gone and references decoded; lines kept apart by `\n`. */
  text: string;
}

/** A cue as read. */
export interface WebVttCue {
  id: string;
  /** Seconds. */
  start: number;
  end: number;
  /** A `NOTE estimated start` came just before it. */
  estimated: boolean;
  voices: VoicedText[];
}

export interface WebVttFile {
  /** Text after `WEBVTT` on the first line, when any. */
  header: string;
  cues: WebVttCue[];
}

const NAMED_REFERENCES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  lrm: '\u200E',
  rlm: '\u200F',
};

/** Decodes character references (`&amp;`, `&#39;`, `&#x27;` and the named ones WebVTT files use); others stay as written. */
export function decodeReferences(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED_REFERENCES[body] ?? whole;
  });
}

/** A cue timestamp (`MM:SS.mmm` or `H…H:MM:SS.mmm`) in seconds, or null. */
export function parseWebVttTimestamp(text: string): number | null {
  const match = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/.exec(text.trim());
  if (!match) return null;
  const [, hours, minutes, seconds, millis] = match;
  return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds) + Number(millis) / 1000;
}

/**
 * Cue text into voiced runs: `<v Name>` (with any classes, `<v.loud Name>`) starts a voice, `</v>`
 * ends it; other tags (`<i>`, `<c.x>`, `<00:01.000>`, …) are dropped and their text kept. Text before
 * any voice belongs to `carried`, the voice of the cues before it (null when there is none). A voice
 * tag with nothing after it is still a run (a `Break` says nothing).
 */
export function readCueText(text: string, carried: string | null = null): VoicedText[] {
  const runs: VoicedText[] = [];
  let current: VoicedText = { speaker: carried, text: '' };
  let tagged = false;
  const flush = () => {
    const decoded = decodeReferences(current.text).trim();
    if (decoded !== '' || tagged) runs.push({ ...current, text: decoded });
  };
  const TAG = /<(\/?)([^\s.>/]*)((?:\.[^\s.>]*)*)(?:[ \t\f\n]([^>]*))?>?/g;
  let last = 0;
  for (let match = TAG.exec(text); match; match = TAG.exec(text)) {
    current.text += text.slice(last, match.index);
    last = TAG.lastIndex;
    const [, closing, name, classes, annotation] = match;
    if (name !== 'v') continue;
    flush();
    tagged = !closing;
    const speaker = closing ? null : cleanLine(decodeReferences(annotation ?? '')) || null;
    const voiceClass = closing ? undefined : classes?.split('.').find(Boolean);
    current = voiceClass ? { speaker, voiceClass, text: '' } : { speaker, text: '' };
  }
  current.text += text.slice(last);
  flush();
  return runs;
}

/**
 * Reads a WebVTT file, forgiving what pages do to one: the `WEBVTT` line may be missing, cues may
 * lack identifiers or blank lines between them, timings may carry settings. Cues without a valid
 * timing line are skipped; NOTE, STYLE and REGION blocks are read past.
 */
export function readWebVtt(file: string): WebVttFile {
  const lines = file
    .replace(/^\uFEFF/, '')
    .replace(/\0/g, '\uFFFD')
    .split(/\r\n|\r|\n/);
  let header = '';
  let i = 0;
  const first = /^WEBVTT(?:[ \t](.*))?$/.exec(lines[0] ?? '');
  if (first) {
    header = (first[1] ?? '').trim();
    i = 1;
    while (i < lines.length && (lines[i] as string) !== '' && !(lines[i] as string).includes('-->')) i++;
  }
  const cues: WebVttCue[] = [];
  let estimated = false;
  let carried: string | null = null;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (/^(NOTE|STYLE|REGION)(?:$|[ \t])/.test(line) && !line.includes('-->')) {
      if (line.trim() === ESTIMATED_NOTE) estimated = true;
      i++;
      while (i < lines.length && (lines[i] as string).trim() !== '') i++;
      continue;
    }
    let id = '';
    let timing = line;
    if (!line.includes('-->')) {
      id = line.trim();
      timing = lines[i + 1] ?? '';
      if (!timing.includes('-->')) {
        i++;
        continue;
      }
      i++;
    }
    i++;
    const [startText = '', rest = ''] = timing.split('-->');
    const start = parseWebVttTimestamp(startText);
    const end = parseWebVttTimestamp(rest.trim().split(/[ \t]/)[0] ?? '');
    const text: string[] = [];
    while (i < lines.length && (lines[i] as string).trim() !== '' && !(lines[i] as string).includes('-->')) text.push(lines[i++] as string);
    if (start === null || end === null) {
      estimated = false;
      continue;
    }
    const voices = readCueText(text.join('\n'), carried);
    const lastVoice = voices[voices.length - 1];
    if (lastVoice) carried = lastVoice.speaker;
    cues.push({ id, start, end, estimated, voices });
    estimated = false;
  }
  return { header, cues };
}

const KINDS: ReadonlySet<string> = new Set(['break', 'interlude', 'unattributed']);

/**
 * Transcript items from cues: a voice tag starts a turn, and the cues after it without one continue
 * it (`perCue: true` makes each voiced run of each cue its own item, its lines its paragraphs, as
 * this module writes them). A turn whose start is not marked estimated opens with its start as a
 * timestamp, as the site's transcripts do. Voices with the class `break`, `interlude` or
 * `unattributed` are speaker-less items under that label; text with no voice is `Unknown`'s.
 */
export function webVttItems(cues: readonly WebVttCue[], options: { perCue?: boolean } = {}): ParsedItem[] {
  const items: ParsedItem[] = [];
  let open: { item: ParsedItem; speaker: string | null; voiceClass: string | undefined } | null = null;
  for (const cue of cues) {
    cue.voices.forEach((voice, v) => {
      const lines = voice.text
        .split('\n')
        .map(cleanLine)
        .filter((line) => line !== '');
      if (open && !options.perCue && open.speaker === voice.speaker && open.voiceClass === voice.voiceClass) {
        if (lines.length > 0) appendText(open.item, lines.join(' '));
        return;
      }
      const classKind = voice.voiceClass && KINDS.has(voice.voiceClass) ? (voice.voiceClass as ItemKind) : undefined;
      const kind: ItemKind = classKind ?? (voice.speaker === null ? 'unattributed' : 'speech');
      const item: ParsedItem = {
        index: items.length,
        label: voice.speaker ?? (kind === 'unattributed' ? 'Unknown' : kind),
        speaker: kind === 'speech' ? voice.speaker : null,
        kind,
        paragraphs: [],
      };
      if (v === 0 && !cue.estimated) item.paragraphs.push([{ kind: 'timestamp', text: formatClock(cue.start), seconds: cue.start }]);
      for (const [l, line] of (options.perCue ? lines : [lines.join(' ')]).entries()) {
        if (line === '') continue;
        if (l === 0) appendText(item, line);
        else item.paragraphs.push([{ kind: 'text', text: line }]);
      }
      items.push(item);
      open = { item, speaker: voice.speaker, voiceClass: voice.voiceClass };
    });
  }
  return items;
}

/**
 * Items from captions a page shows as text: a WebVTT file (its cues' times become the turns'
 * starts), or voice-tagged lines without timings (`<v Rich>Hello…`), whose turns have no start.
 */
export function captionItems(text: string): ParsedItem[] {
  const cues = text.includes('-->') ? readWebVtt(text).cues : [];
  if (cues.length > 0) return webVttItems(cues);
  return webVttItems([{ id: '', start: 0, end: 0, estimated: true, voices: readCueText(text) }]);
}

/** Adds text to an item's last paragraph (after a space), or as its first. */
function appendText(item: ParsedItem, text: string): void {
  const paragraph = item.paragraphs[item.paragraphs.length - 1];
  if (!paragraph) {
    item.paragraphs.push([{ kind: 'text', text }]);
    return;
  }
  paragraph.push({ kind: 'text', text: ` ${text}` });
}
