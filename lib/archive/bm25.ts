/**
 * BM25, the archive search's one relevance formula: how much an episode is about a word. The
 * evidence of all its items adds up and saturates (the tenth mention counts less than the second),
 * and a long episode needs more mentions than a short one.
 *
 * score = weight · idf · tf · (K1 + 1) / (tf + K1 · (1 − B + B · length / average length))
 * idf = ln(1 + (N − n + 0.5) / (n + 0.5)), for n of N episodes saying the word.
 */
import type { ArchiveMeta } from './index-meta';

/**
 * BM25's usual constants: K1, how fast mentions saturate; B, how much an episode's length
 * discounts them (0: not at all, 1: in proportion). On the topic set's fitting half (its
 * even-numbered topics), B of 0.5 or 0.9, or counting turns instead of mentions, did no better.
 */
export const K1 = 1.2;
export const B = 0.75;

/** How rare a word is among `total` documents when `found` of them say it. */
export function inverseDocumentFrequency(found: number, total: number): number {
  return Math.log(1 + (total - found + 0.5) / (found + 0.5));
}

/** What `tf` mentions in a document of `length` words count for, where documents average `averageLength`. */
export function saturation(tf: number, length: number, averageLength: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / averageLength));
}

/** One term's occurrences per episode, within the filters; `found`: episodes it occurs in at all (for its idf). */
export interface EpisodeCounts {
  episodes: number[];
  counts: number[];
  found: number;
}

/**
 * BM25 over everything said in each episode. Per word, the best of its expansions counts
 * (weighted: a completion or a typo counts less than the word typed).
 */
export class EpisodeRelevance {
  private readonly averageWords: number;

  constructor(private readonly meta: Pick<ArchiveMeta, 'episodes' | 'episodeWords'>) {
    const words = meta.episodeWords;
    this.averageWords = words.length ? words.reduce((sum, count) => sum + count, 0) / words.length || 1 : 1;
  }

  /** Folds one expansion's occurrences per episode into `scores` (per episode, the best so far stays). */
  add(scores: Map<number, number>, perEpisode: EpisodeCounts, weight: number): void {
    const idf = inverseDocumentFrequency(perEpisode.found, this.meta.episodes.length);
    for (let i = 0; i < perEpisode.episodes.length; i++) {
      const episode = perEpisode.episodes[i] as number;
      const tf = perEpisode.counts[i] as number;
      const length = this.meta.episodeWords[episode] ?? this.averageWords;
      const score = weight * idf * saturation(tf, length, this.averageWords);
      const before = scores.get(episode);
      if (before === undefined || score > before) scores.set(episode, score);
    }
  }
}
