/**
 * Reduces an Episode to the shape of the shared `*.truth.json` files, so a test compares one
 * object and a failure shows every difference at once.
 */
import type { Episode } from '@/lib/model/episode';
import type { PageTruth } from './shared';

export type TruthView = Omit<PageTruth, 'url' | 'title' | 'podcast' | 'slug'>;

export function truthView(episode: Episode): TruthView {
  const timestamps: [number, number][] = [];
  for (const item of episode.items) {
    for (const paragraph of item.paragraphs) {
      for (const run of paragraph) if (run.kind === 'timestamp') timestamps.push([item.index, run.seconds]);
    }
  }
  return {
    segments: episode.items.length,
    speakers: episode.speakers.map((speaker) => speaker.name),
    turnsBySpeaker: Object.fromEntries(episode.speakers.map((speaker) => [speaker.name, speaker.turns])),
    breaks: episode.items.filter((item) => item.kind === 'break').length,
    timestamps,
    chapters: episode.chapters.filter((chapter) => chapter.source === 'site').map((chapter) => [chapter.title, chapter.start]),
    notesSections: episode.notes.flatMap((section) => (section.heading === null ? [] : [section.heading])),
    notesLinks: episode.notes.flatMap((section) => section.links.map((link): [string, string] => [link.text, link.url])),
    transcriptLinks: episode.transcriptLinks.length,
    sponsors: episode.sponsors.map((sponsor) => sponsor.name),
    hasTranscript: episode.transcriptStatus === 'available',
  };
}

export function truthOf(truth: PageTruth): TruthView {
  const { url: _url, title: _title, podcast: _podcast, slug: _slug, ...rest } = truth;
  return rest;
}
