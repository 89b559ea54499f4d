/**
 * Every file format a transcript downloads as, by the extension its files take (the automation
 * contract's `data-format`), and how a download's file is named.
 */
import { MARKDOWN_MIME, writeMarkdown } from './markdown';
import { PLAIN_TEXT_MIME, writePlainText } from './plain-text';
import { PODCASTING_JSON_MIME, writePodcastingJson } from './podcasting-json';
import { SRT_MIME, writeSrt } from './srt';
import type { TranscriptExport } from './transcript-export';
import { WEBVTT_MIME, writeWebVtt } from './webvtt';

export type FormatId = 'md' | 'txt' | 'vtt' | 'srt' | 'json';

export interface TranscriptFormat {
  /** The file extension, also the format's name in the automation contract. */
  id: FormatId;
  /** What the Download menu calls it. */
  label: string;
  /** A few words on what it is for. */
  hint: string;
  mime: string;
  write: (doc: TranscriptExport) => string;
}

/** In the order the Download menu offers them. */
export const TRANSCRIPT_FORMATS: readonly TranscriptFormat[] = [
  { id: 'md', label: 'Markdown', hint: 'speakers and times, for notes', mime: MARKDOWN_MIME, write: writeMarkdown },
  { id: 'txt', label: 'Plain text', hint: 'for reading anywhere', mime: PLAIN_TEXT_MIME, write: writePlainText },
  { id: 'vtt', label: 'WebVTT', hint: 'captions with speakers', mime: WEBVTT_MIME, write: writeWebVtt },
  { id: 'srt', label: 'SRT', hint: 'subtitles', mime: SRT_MIME, write: writeSrt },
  { id: 'json', label: 'Podcasting 2.0 JSON', hint: 'for podcast apps and feeds', mime: PODCASTING_JSON_MIME, write: writePodcastingJson },
];

export function formatById(id: string): TranscriptFormat | undefined {
  return TRANSCRIPT_FORMATS.find((format) => format.id === id);
}

/** Names Windows keeps for devices, whatever the extension. */
const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name stem safe on every system, from any text: letters and digits of any script kept,
 * lower case, everything else one `-`, at most 80 characters, never empty or a reserved name.
 */
export function fileStem(text: string): string {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // Cut by code points, never inside a surrogate pair.
  const stem = Array.from(words).slice(0, 80).join('').replace(/-+$/, '');
  return stem === '' || RESERVED.test(stem) ? `transcript${stem === '' ? '' : `-${stem}`}` : stem;
}

/** A downloadable file. */
export interface TranscriptFile {
  name: string;
  /** The MIME type with its charset. */
  type: string;
  text: string;
}

/** The file of `doc` in `format`: `ship-it-26.vtt`, or `ship-it-26-excerpt.vtt` for the listener's selection. */
export function transcriptFile(format: TranscriptFormat, doc: TranscriptExport): TranscriptFile {
  const stem = fileStem(doc.info.fileStem);
  return {
    name: `${stem}${doc.selection ? '-excerpt' : ''}.${format.id}`,
    type: `${format.mime};charset=utf-8`,
    text: format.write(doc),
  };
}
