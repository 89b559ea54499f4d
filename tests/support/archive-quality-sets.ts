/**
 * The archive search's two quality sets, drawn from the corpus at run time with fixed seeds (no
 * transcript text lives in this repository). Each is built by a rule written here, for the class
 * of query it stands for, and never adjusted query by query.
 *
 * Remembered phrases ({@link rememberedPhrases}): what a listener recalls of a moment. The moment
 * is a random word of the archive (so a turn is picked in proportion to its length, as moments
 * are); the phrase is the 4 to 6 words from there (length uniform). Kept when:
 * - every word is ordinary: among the archive's 5,000 most frequent words, letters only, and no
 *   word of a speaker's name;
 * - the words, as the index normalizes them, occur in that order exactly once in the archive;
 * - the stratum has room: 10% from turns of 2,000 words or more (drawn from those turns alone),
 *   a third whose words straddle punctuation in the text (a comma, a full stop, a dash …), the
 *   rest without.
 * The query is typed as a listener would: lower case, no punctuation, a contraction kept whole
 * with a straight apostrophe ("don't" for "Don’t").
 *
 * Topics ({@link topicJudgments}): one-word topics and the episodes about them, judged from the
 * show notes alone (the ranking reads only the transcripts, so the judge is independent of it).
 * An episode is about a word when a link of its show notes names it: the notes list what the
 * episode discussed. Topic words: letters only, 4 letters or more, not among the 3,000 most
 * frequent spoken words and said in at most 15% of the transcripts (so a thing, not a turn of
 * phrase), not a word of a speaker's name, and named in the notes of 3 to 25 episodes that have a
 * transcript. A seeded sample of them.
 */
import { readFileSync } from 'node:fs';
import { type ParsedItem, paragraphText } from '@/lib/model/episode';
import { lastAtOrBefore } from '@/lib/model/sorted-search';
import { termSpans, termsOf } from '@/lib/model/terms';
import { listCorpus } from '@/pipeline/corpus';
import { parseShowNotesMarkdown } from '@/pipeline/markdown/show-notes';
import { parseTranscriptMarkdown } from '@/pipeline/markdown/transcripts';

/** A small deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ArchiveItem {
  /** `podcast/slug`. */
  episode: string;
  index: number;
  /** The spoken text, timestamps removed. */
  text: string;
  words: { term: string; start: number; end: number }[];
}

interface Archive {
  items: ArchiveItem[];
  /** Every item's terms as ids, items separated by -1. */
  tokens: Int32Array;
  /** Where each item's tokens start in `tokens`. */
  itemStarts: Int32Array;
  ids: Map<string, number>;
  /** For each term id, the positions in `tokens` where it occurs. */
  occurrences: Int32Array[];
  /** Terms by the number of items they occur in, most first. */
  byItems: string[];
  nameWords: Set<string>;
  transcripts: Set<string>;
}

function itemText(item: ParsedItem): string {
  return item.paragraphs.map((paragraph) => paragraphText(paragraph.filter((run) => run.kind !== 'timestamp'))).join(' ');
}

const archives = new Map<string, Archive>();

function loadArchive(corpus: string): Archive {
  const cached = archives.get(corpus);
  if (cached) return cached;
  const files = listCorpus(corpus, 'transcripts').sort((a, b) => a.path.localeCompare(b.path));
  const items: ArchiveItem[] = [];
  const nameWords = new Set<string>();
  const transcripts = new Set<string>();
  for (const file of files) {
    const episode = `${file.ref.podcast}/${file.ref.slug}`;
    transcripts.add(episode);
    parseTranscriptMarkdown(readFileSync(file.path, 'utf8')).forEach((item, index) => {
      if (item.speaker) for (const word of termsOf(item.speaker)) nameWords.add(word);
      const text = itemText(item);
      items.push({ episode, index, text, words: termSpans(text) });
    });
  }
  const ids = new Map<string, number>();
  const itemsWith: number[] = [];
  let total = 0;
  for (const item of items) total += item.words.length + 1;
  const tokens = new Int32Array(total);
  const itemStarts = new Int32Array(items.length);
  let at = 0;
  items.forEach((item, i) => {
    itemStarts[i] = at;
    const seen = new Set<number>();
    for (const word of item.words) {
      let id = ids.get(word.term);
      if (id === undefined) {
        id = ids.size;
        ids.set(word.term, id);
        itemsWith.push(0);
      }
      if (!seen.has(id)) {
        seen.add(id);
        itemsWith[id] = (itemsWith[id] as number) + 1;
      }
      tokens[at++] = id;
    }
    tokens[at++] = -1;
  });
  const counts = new Int32Array(ids.size);
  for (const id of tokens) if (id >= 0) counts[id] = (counts[id] as number) + 1;
  const occurrences = [...counts].map((count) => new Int32Array(count));
  const filled = new Int32Array(ids.size);
  tokens.forEach((id, position) => {
    if (id < 0) return;
    (occurrences[id] as Int32Array)[filled[id] as number] = position;
    filled[id] = (filled[id] as number) + 1;
  });
  const terms = [...ids.keys()];
  const byItems = [...terms].sort((a, b) => (itemsWith[ids.get(b) as number] as number) - (itemsWith[ids.get(a) as number] as number));
  const archive = { items, tokens, itemStarts, ids, occurrences, byItems, nameWords, transcripts };
  archives.set(corpus, archive);
  return archive;
}

/** The item whose tokens hold `position` (an index into `tokens`). */
function itemAtToken(archive: Archive, position: number): number {
  return lastAtOrBefore(archive.itemStarts, position);
}

/** How often the run of term ids occurs in the archive (counting stops at 2). */
function occurrencesOf(archive: Archive, run: readonly number[]): number {
  let rarest = 0;
  for (let i = 1; i < run.length; i++) {
    if ((archive.occurrences[run[i] as number] as Int32Array).length < (archive.occurrences[run[rarest] as number] as Int32Array).length)
      rarest = i;
  }
  let found = 0;
  for (const position of archive.occurrences[run[rarest] as number] as Int32Array) {
    const start = position - rarest;
    let match = start >= 0;
    for (let j = 0; match && j < run.length; j++) match = archive.tokens[start + j] === run[j];
    if (match && ++found >= 2) break;
  }
  return found;
}

export type PhraseStratum = 'long turn' | 'across punctuation' | 'plain';

export interface RememberedPhrase {
  query: string;
  /** `podcast/slug#index` of the one item that says it. */
  expected: string;
  stratum: PhraseStratum;
  words: number;
}

/** Turns of at least this many words make the long stratum. */
export const LONG_TURN_WORDS = 2000;

/** `count` remembered phrases (see the file's comment for the rule). */
export function rememberedPhrases(corpus: string, count = 120, seed = 1111): RememberedPhrase[] {
  const archive = loadArchive(corpus);
  const ordinary = new Set(archive.byItems.slice(0, 5000).filter((term) => /^[a-z]+$/.test(term) && !archive.nameWords.has(term)));
  const quota: Record<PhraseStratum, number> = {
    'long turn': Math.round(count / 10),
    'across punctuation': Math.round(count / 3),
    plain: 0,
  };
  quota.plain = count - quota['long turn'] - quota['across punctuation'];
  const longItems = archive.items.map((item, i) => ({ item, i })).filter(({ item }) => item.words.length >= LONG_TURN_WORDS);
  const totalTokens = archive.tokens.length;
  const next = seededRandom(seed);
  const chosen: RememberedPhrase[] = [];
  const seen = new Set<string>();
  const filled: Record<PhraseStratum, number> = { 'long turn': 0, 'across punctuation': 0, plain: 0 };
  for (let attempt = 0; chosen.length < count && attempt < 400_000; attempt++) {
    const wantLong =
      filled['long turn'] < quota['long turn'] &&
      (attempt % 4 === 0 || filled.plain + filled['across punctuation'] >= count - quota['long turn']);
    let itemNumber: number;
    let first: number;
    const length = 4 + Math.floor(next() * 3);
    if (wantLong && longItems.length > 0) {
      const pick = longItems[Math.floor(next() * longItems.length)] as { i: number };
      itemNumber = pick.i;
      const words = (archive.items[itemNumber] as ArchiveItem).words.length;
      first = Math.floor(next() * Math.max(1, words - length + 1));
    } else {
      const position = Math.floor(next() * totalTokens);
      itemNumber = itemAtToken(archive, position);
      first = position - (archive.itemStarts[itemNumber] as number);
    }
    const item = archive.items[itemNumber] as ArchiveItem;
    const words = item.words.slice(first, first + length);
    if (words.length < length) continue;
    const long = item.words.length >= LONG_TURN_WORDS;
    if (long !== wantLong) continue;
    if (!words.every((word) => ordinary.has(word.term))) continue;
    // A phrase starts and ends on whole words: not on the "ve" of "we've".
    const before = item.words[first - 1];
    const after = item.words[first + length];
    if (before && /^['’]$/u.test(item.text.slice(before.end, (words[0] as { start: number }).start))) continue;
    if (after && /^['’]$/u.test(item.text.slice((words[length - 1] as { end: number }).end, after.start))) continue;
    const gaps = words.slice(1).map((word, i) => item.text.slice((words[i] as { end: number }).end, word.start));
    const crosses = gaps.some((gap) => /[^\s'’]/u.test(gap));
    const stratum: PhraseStratum = long ? 'long turn' : crosses ? 'across punctuation' : 'plain';
    if (filled[stratum] >= quota[stratum]) continue;
    const key = words.map((word) => word.term).join(' ');
    if (seen.has(key)) continue;
    if (
      occurrencesOf(
        archive,
        words.map((word) => archive.ids.get(word.term) as number),
      ) !== 1
    )
      continue;
    seen.add(key);
    // Typed: a contraction's apostrophe kept (straight), any other punctuation left out.
    let query = words[0]?.term ?? '';
    gaps.forEach((gap, i) => {
      query += (/^['’]$/u.test(gap) ? "'" : ' ') + (words[i + 1] as { term: string }).term;
    });
    filled[stratum]++;
    chosen.push({ query, expected: `${item.episode}#${item.index}`, stratum, words: length });
  }
  return chosen;
}

export interface TopicJudgment {
  query: string;
  /** `podcast/slug` of every episode about it. */
  relevant: string[];
}

/** `count` one-word topics with the episodes about them (see the file's comment for the rule). */
export function topicJudgments(corpus: string, count = 60, seed = 2222): TopicJudgment[] {
  const archive = loadArchive(corpus);
  const common = new Set(archive.byItems.slice(0, 3000));
  const named = new Map<string, Set<string>>();
  for (const file of listCorpus(corpus, 'show-notes')) {
    const episode = `${file.ref.podcast}/${file.ref.slug}`;
    if (!archive.transcripts.has(episode)) continue;
    for (const section of parseShowNotesMarkdown(readFileSync(file.path, 'utf8'))) {
      for (const link of section.links) {
        for (const term of termsOf(link.text)) {
          if (term.length < 4 || !/^[a-z]+$/.test(term) || common.has(term) || archive.nameWords.has(term)) continue;
          const episodes = named.get(term) ?? new Set<string>();
          episodes.add(episode);
          named.set(term, episodes);
        }
      }
    }
  }
  const saidIn = (term: string) => {
    const episodes = new Set<string>();
    for (const position of archive.occurrences[archive.ids.get(term) as number] ?? []) {
      episodes.add((archive.items[itemAtToken(archive, position)] as ArchiveItem).episode);
    }
    return episodes.size;
  };
  const topics = [...named]
    .filter(([term, episodes]) => episodes.size >= 3 && episodes.size <= 25 && archive.ids.has(term))
    .filter(([term]) => saidIn(term) <= archive.transcripts.size * 0.15)
    .sort((a, b) => a[0].localeCompare(b[0]));
  const next = seededRandom(seed);
  for (let i = topics.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [topics[i], topics[j]] = [topics[j] as (typeof topics)[number], topics[i] as (typeof topics)[number]];
  }
  return topics.slice(0, count).map(([query, episodes]) => ({ query, relevant: [...episodes].sort() }));
}

/** Recall@10 (of what could fit in ten) and reciprocal rank within ten, for one ranked list. */
export function topicScores(ranked: readonly string[], relevant: readonly string[]): { recall: number; reciprocalRank: number } {
  const wanted = new Set(relevant);
  const top = ranked.slice(0, 10);
  const found = top.filter((episode) => wanted.has(episode)).length;
  const first = top.findIndex((episode) => wanted.has(episode));
  return { recall: found / Math.min(10, wanted.size), reciprocalRank: first === -1 ? 0 : 1 / (first + 1) };
}
