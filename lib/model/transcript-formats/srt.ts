/**
 * SubRip (`.srt`), written. SubRip has no specification beyond the program that named it; what
 * tools agree on (the Matroska subtitle notes, Aegisub's and the strictest validators'
 * readings): numbered cues from 1 in order, a `HH:MM:SS,mmm --> HH:MM:SS,mmm` line, text lines, a
 * blank line between cues, cues in time order and never overlapping. Lines end in CRLF, as SubRip
 * wrote them (every reader also takes LF). The Podcasting 2.0 guidance puts the speaker before the
 * text with a colon (`Ada Host: …`); a speaker-less item is its label in brackets (`[Break]`), as
 * captions mark what is not speech.
 *
 * Estimated starts. SRT has no comment syntax. Players differ on everything that might hide a
 * note: ASS-style `{\…}` blocks are hidden by ffmpeg/libass and mpv but shown as written by others
 * and by editors, and text after the timing line (SubRip's old coordinates) makes strict parsers
 * reject the cue. So the mark is visible text every tool keeps: an estimated cue's last line is
 * `[estimated time]`, in the brackets captions use for what is not speech, after the words so the
 * `Name: text` line stays first for tools that read speakers.
 *
 * Text has no escapes in SRT: it is written as said, except that `-->` (the timing arrow) becomes
 * `→`, and no line is blank (a blank line ends a cue). Players may take `<b>`, `<i>`, `<u>` or
 * `<font>` in the text for formatting, as they would in any SRT file.
 */
import { clockParts, pad, type TranscriptExport, withoutCueArrow } from './transcript-export';

export const SRT_MIME = 'application/x-subrip';

/** The line an estimated cue ends with. */
export const SRT_ESTIMATED_LINE = '[estimated time]';

/** `HH:MM:SS,mmm`. */
export function srtTimestamp(seconds: number): string {
  const t = clockParts(seconds);
  return `${pad(t.hours, 2)}:${pad(t.minutes, 2)}:${pad(t.seconds, 2)},${pad(t.millis, 3)}`;
}

/** The transcript as a SubRip file. */
export function writeSrt(doc: TranscriptExport): string {
  const cues = doc.entries.map((entry, position) => {
    const label = withoutCueArrow(entry.label);
    const [first, ...rest] = entry.paragraphs.map(withoutCueArrow);
    const opening =
      entry.speaker === null
        ? first === undefined
          ? `[${label}]`
          : `[${label}] ${first}`
        : `${label}:${first === undefined ? '' : ` ${first}`}`;
    const lines = [opening, ...rest, ...(entry.estimated ? [SRT_ESTIMATED_LINE] : [])];
    return [String(position + 1), `${srtTimestamp(entry.start)} --> ${srtTimestamp(entry.end)}`, ...lines].join('\r\n');
  });
  return cues.length === 0 ? '' : `${cues.join('\r\n\r\n')}\r\n`;
}
