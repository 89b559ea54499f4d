/**
 * The Podcasting 2.0 transcript JSON (`<podcast:transcript type="application/json">`, the Podcast
 * Namespace's docs/examples/transcripts/transcripts.md): `{"version": "1.0.0", "segments": [...]}`,
 * each segment a `speaker`, a `startTime` and an `endTime` in seconds, and a `body`. One segment per
 * item; its paragraphs are lines of the body. A speaker-less item has no `speaker`, and its label
 * in brackets opens its body (`[Break]`). The format has no field for how sure a time is, so
 * estimated starts are not marked here (the WebVTT and SRT files mark them).
 */
import type { TranscriptExport } from './transcript-export';

export const PODCASTING_JSON_MIME = 'application/json';

/** A segment, with the spec's field names. */
export interface PodcastingSegment {
  speaker?: string;
  startTime: number;
  endTime: number;
  body: string;
}

export interface PodcastingTranscript {
  version: '1.0.0';
  segments: PodcastingSegment[];
}

/** The transcript as Podcasting 2.0 segments. */
export function podcastingTranscript(doc: TranscriptExport): PodcastingTranscript {
  return {
    version: '1.0.0',
    segments: doc.entries.map((entry) => {
      const text = entry.paragraphs.join('\n');
      const body = entry.speaker === null ? (text === '' ? `[${entry.label}]` : `[${entry.label}] ${text}`) : text;
      return { ...(entry.speaker === null ? {} : { speaker: entry.speaker }), startTime: entry.start, endTime: entry.end, body };
    }),
  };
}

/** The transcript as a Podcasting 2.0 JSON file. */
export function writePodcastingJson(doc: TranscriptExport): string {
  return `${JSON.stringify(podcastingTranscript(doc), null, 2)}\n`;
}
