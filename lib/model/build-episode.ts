/**
 * From what a source knows ({@link EpisodeParts}) to the full {@link Episode}: words, explicit and
 * estimated starts, speakers, links cited in the transcript, and chapters (the site's, else
 * derived). Every source goes through here, so a page and its bundled record give the same model.
 */
import { breakMarkerRuns } from './breaks';
import { deriveChapters } from './chapters';
import type { Chapter, CitedLink, Episode, EpisodeParts, ParsedItem, SpeakerStats, TranscriptItem } from './episode';
import { explicitStart, itemStart } from './episode';
import { domainOf } from './links';
import { normalizeTerm, termsOf, tokenize } from './terms';
import { estimateStarts, type TimedItem, type TimingHints } from './timing';

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether a UTF-16 unit is a letter or digit (ASCII fast; others by Unicode class). */
function isSaid(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return (code & 0xfc00) !== 0xdc00 && LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i) as number));
}

/**
 * How much an item says (words, and letters and digits), where its timestamps fall in it, and
 * where the ad breaks inside it begin (letters said before each). A break paragraph's marker
 * (`Break:`) is not said.
 */
export function measureItem(item: ParsedItem): {
  words: number;
  letters: number;
  anchors: { seconds: number; words: number; letters: number }[];
  breaks: number[];
} {
  const anchors: { seconds: number; words: number; letters: number }[] = [];
  const breaks: number[] = [];
  let words = 0;
  let letters = 0;
  let inWord = false;
  item.paragraphs.forEach((paragraph, p) => {
    inWord = false;
    const marker = item.breaks?.includes(p) ? breakMarkerRuns(paragraph) : 0;
    if (marker > 0) breaks.push(letters);
    paragraph.forEach((run, r) => {
      if (run.kind === 'timestamp') {
        anchors.push({ seconds: run.seconds, words, letters });
        inWord = false;
        return;
      }
      // The marker is not said: its bold `Break`, and the colon after it when the bold lacks one.
      if (marker > 0 && r === 0) return;
      const text = marker === 2 && r === 1 ? run.text.replace(/^\s*:/, '') : run.text;
      for (let i = 0; i < text.length; i++) {
        const space = isSpace(text.charCodeAt(i));
        if (!space && !inWord) words++;
        inWord = !space;
        if (!space && isSaid(text, i)) letters++;
      }
    });
  });
  return { words, letters, anchors, breaks };
}

/** What the start estimator needs of an item: its length, timestamps, speaker and its breaks. */
export function timingInput(item: ParsedItem, measured = measureItem(item)): TimedItem {
  const timed: TimedItem = {
    length: measured.letters,
    anchors: measured.anchors.map((anchor) => ({ seconds: anchor.seconds, before: anchor.letters })),
    speaker: item.speaker,
    isBreak: item.kind === 'break',
  };
  if (measured.breaks.length > 0) timed.breaks = measured.breaks;
  return timed;
}

/** The first words of a chapter title the site took from its opening item ("Yeah. Well, the beans are plural…"). */
const TITLE_WORDS = 3;
/** How much of an item's opening a chapter title can quote, and how much holds its first words. */
const TITLE_CHARS = 400;
const KEY_CHARS = 160;

/** The first `chars` characters an item says (timestamps as spaces), and whether it says more. */
function openingText(item: ParsedItem, chars: number): { text: string; cut: boolean } {
  let text = '';
  for (const paragraph of item.paragraphs) {
    for (const run of paragraph) {
      text += run.kind === 'timestamp' ? ' ' : run.text;
      if (text.length >= chars) return { text: text.slice(0, chars), cut: true };
    }
    text += ' ';
  }
  return { text, cut: false };
}

/** An item's first three words, normalized and joined; null when it says fewer. */
function openingKey(item: ParsedItem): string | null {
  const { text, cut } = openingText(item, KEY_CHARS);
  const words = tokenize(text);
  // The last word of a cut text may be cut too.
  const whole = cut ? words.slice(0, -1) : words;
  const key: string[] = [];
  for (const word of whole) {
    const term = normalizeTerm(word);
    if (term) key.push(term);
    if (key.length === TITLE_WORDS) return key.join(' ');
  }
  return null;
}

/**
 * Chapters as known starts of items: the site names a chapter after the first words of the item
 * it opens, so an item whose text begins with a chapter's title (three words at least) starts at
 * that chapter's time. Titles that are not such a quote ("Intro", "Sponsor: Fly") anchor nothing.
 */
export function chapterStarts(chapters: readonly Chapter[], items: readonly ParsedItem[]): { item: number; seconds: number }[] {
  const opening = (item: ParsedItem) => termsOf(openingText(item, TITLE_CHARS).text);
  // Items by their first words, computed once and cheaply (a few words each, not the whole
  // text), so a page of many items and chapters stays linear and the panel's start stays fast.
  const byOpening = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = openingKey(item);
    if (key === null) return;
    const list = byOpening.get(key);
    if (list) list.push(i);
    else byOpening.set(key, [i]);
  });
  const starts: { item: number; seconds: number }[] = [];
  let from = 0;
  for (const chapter of chapters) {
    const title = termsOf(chapter.title.replace(/(?:…|\.\.\.)\s*$/, ''));
    if (title.length < TITLE_WORDS || !Number.isFinite(chapter.start)) continue;
    const found = (byOpening.get(title.slice(0, TITLE_WORDS).join(' ')) ?? []).find((i) => {
      if (i < from) return false;
      const words = opening(items[i] as ParsedItem);
      return title.every((word, k) => words[k] === word);
    });
    if (found === undefined) continue;
    starts.push({ item: found, seconds: chapter.start });
    from = found + 1;
  }
  return starts;
}

/** Adds words, explicit and estimated starts to parsed items. */
export function timeItems(items: readonly ParsedItem[], hints: Omit<TimingHints, 'model'> = {}): TranscriptItem[] {
  const measured = items.map(measureItem);
  const starts = estimateStarts(
    items.map((item, i) => timingInput(item, measured[i])),
    hints,
  );
  return items.map((item, i) => timedItem(item, measured[i]?.words ?? 0, starts[i] ?? 0));
}

function timingHints(parts: EpisodeParts): TimingHints {
  const chapters = parts.chapters ?? [];
  return { duration: parts.duration, itemStarts: chapters.length > 0 ? chapterStarts(chapters, parts.items) : undefined };
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
          at: itemStart(item),
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
  return assemble(parts, timeItems(parts.items, timingHints(parts)));
}

/** Lets the browser run between chunks of a long computation. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * {@link buildEpisode} for transcripts far beyond any real episode (100,000 items): the same
 * model, computed a chunk of items at a time with pauses between, so the tab never freezes.
 */
export async function buildEpisodeInChunks(parts: EpisodeParts, chunkSize = 2000): Promise<Episode> {
  const measured: ReturnType<typeof measureItem>[] = [];
  const input: TimedItem[] = [];
  for (let from = 0; from < parts.items.length; from += chunkSize) {
    for (const item of parts.items.slice(from, from + chunkSize)) {
      const measurement = measureItem(item);
      measured.push(measurement);
      input.push(timingInput(item, measurement));
    }
    await pause();
  }
  const starts = estimateStarts(input, timingHints(parts));
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
