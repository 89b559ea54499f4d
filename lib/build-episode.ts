/**
 * From what a source knows ({@link EpisodeParts}) to the full {@link Episode}: words, explicit and
 * estimated starts, speakers, links cited in the transcript, and chapters (the site's, else
 * derived). Every source goes through here, so a page and its bundled record give the same model.
 */
import { deriveChapters } from './changelog/chapters';
import { domainOf } from './changelog/link-kinds';
import type { Chapter, CitedLink, Episode, EpisodeParts, ParsedItem, SpeakerStats, TranscriptItem } from './episode';
import { explicitStart } from './episode';
import { estimateStarts, type TimeAnchor } from './timing';

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160;
}

/** Words of an item (timestamps excluded) and where its timestamps fall among them. */
export function wordsAndAnchors(item: ParsedItem): { words: number; anchors: TimeAnchor[] } {
  const anchors: TimeAnchor[] = [];
  let words = 0;
  let inWord = false;
  for (const paragraph of item.paragraphs) {
    inWord = false;
    for (const run of paragraph) {
      if (run.kind === 'timestamp') {
        anchors.push({ seconds: run.seconds, wordsBefore: words });
        inWord = false;
        continue;
      }
      const text = run.text;
      for (let i = 0; i < text.length; i++) {
        const space = isSpace(text.charCodeAt(i));
        if (!space && !inWord) words++;
        inWord = !space;
      }
    }
  }
  return { words, anchors };
}

/** Adds words, explicit and estimated starts to parsed items. */
export function timeItems(items: readonly ParsedItem[], duration?: number): TranscriptItem[] {
  const measured = items.map(wordsAndAnchors);
  const starts = estimateStarts(measured, duration);
  return items.map((item, i) => timedItem(item, measured[i]?.words ?? 0, starts[i] ?? 0));
}

function timedItem(item: ParsedItem, words: number, estimatedStart: number): TranscriptItem {
  const timed: TranscriptItem = { ...item, words, estimatedStart };
  const start = explicitStart(item);
  if (start !== undefined) timed.start = start;
  return timed;
}

/** Speakers in order of first appearance with turns and words; speaker-less items left out. */
export function speakerStats(items: readonly TranscriptItem[]): SpeakerStats[] {
  const byName = new Map<string, SpeakerStats>();
  for (const item of items) {
    if (item.speaker === null) continue;
    let stats = byName.get(item.speaker);
    if (!stats) {
      stats = { name: item.speaker, turns: 0, words: 0 };
      byName.set(item.speaker, stats);
    }
    stats.turns++;
    stats.words += item.words;
  }
  return [...byName.values()];
}

/** Every http(s) link said inside the transcript, in order, with the item citing it. */
export function citedLinks(items: readonly TranscriptItem[]): CitedLink[] {
  const links: CitedLink[] = [];
  for (const item of items) {
    for (const paragraph of item.paragraphs) {
      for (const run of paragraph) {
        if (run.kind !== 'link') continue;
        links.push({
          text: run.text,
          url: run.url,
          domain: domainOf(run.url),
          item: item.index,
          speaker: item.speaker,
          at: item.start ?? item.estimatedStart,
        });
      }
    }
  }
  return links;
}

/**
 * The site rounds chapter starts to whole seconds (`#t=4197`); when a transcript timestamp lies
 * within that rounding (`[01:09:57.02]`), it is the same moment, precisely: use it, so the chapter
 * boundary falls exactly on the item it opens.
 */
export function alignChapters(chapters: readonly Chapter[], items: readonly TranscriptItem[]): Chapter[] {
  const stamps: number[] = [];
  for (const item of items) {
    for (const paragraph of item.paragraphs) for (const run of paragraph) if (run.kind === 'timestamp') stamps.push(run.seconds);
  }
  if (stamps.length === 0) return [...chapters];
  const nearest = (seconds: number): number => {
    let best = seconds;
    let distance = 0.5;
    for (const stamp of stamps) {
      const d = Math.abs(stamp - seconds);
      if (d <= distance && stamp !== seconds) {
        best = stamp;
        distance = d;
      }
    }
    return best;
  };
  return chapters.map((chapter) => {
    const aligned: Chapter = { ...chapter, start: nearest(chapter.start) };
    if (chapter.end !== undefined) aligned.end = nearest(chapter.end);
    return aligned;
  });
}

/** The full model of an episode. */
export function buildEpisode(parts: EpisodeParts): Episode {
  return assemble(parts, timeItems(parts.items, parts.duration));
}

/** Lets the browser run between chunks of a long computation. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * {@link buildEpisode} for transcripts far beyond any real episode (100,000 items): the same
 * model, computed a chunk of items at a time with pauses between, so the tab never freezes.
 */
export async function buildEpisodeInChunks(parts: EpisodeParts, chunkSize = 2000): Promise<Episode> {
  const measured: ReturnType<typeof wordsAndAnchors>[] = [];
  for (let from = 0; from < parts.items.length; from += chunkSize) {
    for (const item of parts.items.slice(from, from + chunkSize)) measured.push(wordsAndAnchors(item));
    await pause();
  }
  const starts = estimateStarts(measured, parts.duration);
  const items: TranscriptItem[] = [];
  for (let from = 0; from < parts.items.length; from += chunkSize) {
    const to = Math.min(from + chunkSize, parts.items.length);
    for (let i = from; i < to; i++) {
      const item = parts.items[i];
      if (item) items.push(timedItem(item, measured[i]?.words ?? 0, starts[i] ?? 0));
    }
    await pause();
  }
  return assemble(parts, items);
}

function assemble(parts: EpisodeParts, items: TranscriptItem[]): Episode {
  const notes = parts.notes ?? [];
  const siteChapters = parts.chapters ?? [];
  const episode: Episode = {
    podcast: parts.podcast,
    slug: parts.slug,
    transcriptStatus: parts.transcriptStatus ?? (items.length > 0 ? 'available' : 'missing'),
    items,
    speakers: speakerStats(items),
    chapters: siteChapters.length > 0 ? alignChapters(siteChapters, items) : deriveChapters(items, notes, parts.duration),
    notes,
    sponsors: parts.sponsors ?? [],
    featuring: parts.featuring ?? [],
    transcriptLinks: citedLinks(items),
  };
  if (parts.number !== undefined) episode.number = parts.number;
  if (parts.title !== undefined) episode.title = parts.title;
  if (parts.subtitle !== undefined) episode.subtitle = parts.subtitle;
  if (parts.duration !== undefined) episode.duration = parts.duration;
  return episode;
}
