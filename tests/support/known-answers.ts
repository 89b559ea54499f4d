/**
 * The archive search's known-answer set (30 queries), shared by the unit test and the benchmark.
 * Ten topics with an episode about them that must be in the top 10 (each one's show notes are
 * about that topic). Twenty phrases said exactly once in the archive, chosen at run time from
 * the corpus with a fixed seed (so no transcript text lives in this repository): the episode and
 * item that said it must be the top hit.
 */
import { readFileSync } from 'node:fs';
import { type ParsedItem, paragraphText } from '@/lib/model/episode';
import { termsOf } from '@/lib/model/terms';
import { listCorpus } from '@/pipeline/corpus';
import { parseTranscriptMarkdown } from '@/pipeline/markdown/transcripts';
import { seededRandom } from './archive-quality-sets';

export interface TopicQuery {
  query: string;
  /** `podcast/slug` that must be among the first ten episodes. */
  expected: string;
}

export const TOPIC_QUERIES: TopicQuery[] = [
  { query: 'sqlite', expected: 'podcast/201' },
  { query: 'ebpf', expected: 'gotime/201' },
  { query: 'kubecon', expected: 'shipit/26' },
  { query: 'sigstore', expected: 'shipit/53' },
  { query: 'nuclei', expected: 'friends/47' },
  { query: 'htmx', expected: 'podcast/646' },
  { query: 'linkerd', expected: 'shipit/25' },
  { query: 'tailwind', expected: 'jsparty/155' },
  { query: 'crossplane', expected: 'shipit/15' },
  { query: 'svelte', expected: 'jsparty/130' },
];

export interface PhraseQuery {
  query: string;
  /** `podcast/slug#index` of the one item that says it. */
  expected: string;
}

function itemTerms(item: ParsedItem): string[] {
  return termsOf(item.paragraphs.map((paragraph) => paragraphText(paragraph.filter((run) => run.kind !== 'timestamp'))).join(' '));
}

/**
 * `count` phrases of `length` words, each said exactly once in the whole archive and holding at
 * least one word that fewer than one turn in a hundred contains (the kind of phrase a listener
 * remembers). Deterministic for a corpus and seed.
 */
export function phraseQueries(corpus: string, count = 20, length = 5, seed = 2026): PhraseQuery[] {
  const files = listCorpus(corpus, 'transcripts').sort((a, b) => a.path.localeCompare(b.path));
  const episodes = files.map((file) => ({
    key: `${file.ref.podcast}/${file.ref.slug}`,
    items: parseTranscriptMarkdown(readFileSync(file.path, 'utf8')).map(itemTerms),
  }));
  const documentFrequency = new Map<string, number>();
  let documents = 0;
  const stream: string[] = [];
  for (const episode of episodes) {
    for (const terms of episode.items) {
      documents++;
      for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      stream.push(` ${terms.join(' ')} `);
    }
  }
  const everything = stream.join('\n');
  const occurrences = (phrase: string) => {
    let found = 0;
    for (let at = everything.indexOf(phrase); at !== -1 && found < 2; at = everything.indexOf(phrase, at + 1)) found++;
    return found;
  };
  const next = seededRandom(seed);
  const chosen: PhraseQuery[] = [];
  const seen = new Set<string>();
  for (let attempt = 0; chosen.length < count && attempt < 20_000; attempt++) {
    const episode = episodes[Math.floor(next() * episodes.length)];
    if (!episode || episode.items.length === 0) continue;
    const index = Math.floor(next() * episode.items.length);
    const terms = episode.items[index] as string[];
    if (terms.length < length + 8) continue;
    const start = Math.floor(next() * (terms.length - length));
    const words = terms.slice(start, start + length);
    if (!words.some((word) => (documentFrequency.get(word) ?? 0) < documents / 100)) continue;
    const phrase = words.join(' ');
    if (seen.has(phrase) || occurrences(` ${phrase} `) !== 1) continue;
    seen.add(phrase);
    chosen.push({ query: phrase, expected: `${episode.key}#${index}` });
  }
  return chosen;
}
