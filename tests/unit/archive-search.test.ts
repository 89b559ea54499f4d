/**
 * The archive search: its binary format round-trips, the index built from our own small corpus
 * answers by word, prefix, typo, every word or some, show, speaker and phrase; a damaged index
 * fails clearly; and on the shared corpus the known-answer set scores at least 95% top-1.
 */
import { mkdtempSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EpisodeRelevance } from '@/lib/archive/bm25';
import { ByteReader, ByteWriter, readTerm, writeTerm } from '@/lib/archive/byte-codec';
import { ArchiveSearchEngine } from '@/lib/archive/engine';
import { expandWord, FUZZY_WEIGHT, withinOneEdit } from '@/lib/archive/expansion';
import { decodeDictionary, encodeDictionary, shardLocation, shardOfLocation } from '@/lib/archive/index-dictionary';
import type { MetaEpisode } from '@/lib/archive/index-meta';
import {
  bitmapToDocs,
  docsToBitmap,
  NO_PRECEDING_BIT,
  PrecedingBits,
  precedingWordBit,
  readPostings,
  shardPath,
  writePosting,
} from '@/lib/archive/index-shards';
import { CorruptRecordError } from '@/lib/archive/package-file';
import { containsPhrase, precedingWordOdds, QUERY_BYTES } from '@/lib/archive/phrases';
import { QUERY_LIMITS } from '@/lib/archive/query-limits';
import { compareEpisodes } from '@/lib/archive/results';
import { snippetOf } from '@/lib/archive/snippets';
import { buildBundle } from '@/pipeline/bundle';
import { BUNDLE_CACHE_DIR } from '@/pipeline/paths';
import { readerFor } from '../support/folder-reader';
import { fuzzParams } from '../support/fuzz';
import { phraseQueries, TOPIC_QUERIES } from '../support/known-answers';
import { OWN_ARCHIVE_DIR } from '../support/own-fixtures';
import { CORPUS_DIR, hasCorpus, needs, PROJECT_ROOT } from '../support/shared';

describe('the archive index format', () => {
  it('round-trips varints, front-coded terms, postings and bitmaps', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), { maxLength: 30 }),
        fc.uniqueArray(fc.nat(100_000), { maxLength: 200 }),
        (words, documents) => {
          const terms = [...words].sort();
          const docs = [...documents].sort((a, b) => a - b);
          const frequencies = docs.map((doc) => (doc % 5) + 1);
          const writer = new ByteWriter(4);
          let previous = '';
          for (const term of terms) {
            writeTerm(writer, previous, term);
            previous = term;
          }
          let last = -1;
          docs.forEach((doc, i) => {
            writePosting(writer, last, doc, frequencies[i] as number);
            last = doc;
          });
          const reader = new ByteReader(writer.finish());
          let before = '';
          const back = terms.map(() => {
            before = readTerm(reader, before);
            return before;
          });
          expect(back).toEqual(terms);
          const postings = readPostings(reader, docs.length);
          expect([...postings.docs]).toEqual(docs);
          expect([...postings.frequencies]).toEqual(frequencies);
          expect([...bitmapToDocs(docsToBitmap(docs, 100_001))]).toEqual(docs);
        },
      ),
      fuzzParams,
    );
  });

  it('keeps one preceding-word bit per posting said once, and refuses bits that do not fit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ gap: fc.nat(50), frequency: fc.integer({ min: 1, max: 4 }), bit: fc.nat(1) }), { maxLength: 100 }),
        (postings) => {
          const writer = new ByteWriter(4);
          const bits = new PrecedingBits();
          let last = -1;
          for (const { gap, frequency, bit } of postings) {
            writePosting(writer, last, last + 1 + gap, frequency);
            if (frequency === 1) bits.add(bit);
            last += 1 + gap;
          }
          const encoded = writer.finish();
          const packed = bits.finish();
          const back = readPostings(new ByteReader(encoded), postings.length, packed);
          const expected = postings.map(({ frequency, bit }) => (frequency === 1 ? bit : NO_PRECEDING_BIT));
          if (packed.length > 0) expect([...(back.preceding ?? [])]).toEqual(expected);
          else expect(back.preceding).toBeNull();
          // A byte too many or too few is a damaged shard, not bits read from the wrong postings.
          expect(() => readPostings(new ByteReader(encoded), postings.length, Uint8Array.from([...packed, 0]))).toThrow(RangeError);
          // (Cut to nothing, the bits read as none: every item then stays a candidate.)
          if (packed.length > 1)
            expect(() => readPostings(new ByteReader(encoded), postings.length, packed.subarray(1))).toThrow(RangeError);
        },
      ),
      fuzzParams,
    );
  });

  it('rules out an item whose preceding-word bits cannot match, and weighs one that does', () => {
    const bit = precedingWordBit('quiet');
    const other = 1 - bit;
    const list = (docs: number[], frequencies: number[], preceding: number[] | null) => ({
      docs: Uint32Array.from(docs),
      frequencies: Uint16Array.from(frequencies),
      preceding: preceding && Uint8Array.from(preceding),
    });
    const candidates = new Map([1, 2, 3, 4].map((doc) => [doc, 1]));
    // "quiet build": item 1 has "build" once after a word with the other bit; item 2 after one
    // with the right bit; item 3 says "build" twice (no bit); item 4 says it once, after a word
    // with the other bit, and "builds" (a completion) once, after one with the right bit.
    const build = list([1, 2, 3, 4], [1, 1, 2, 1], [other, bit, NO_PRECEDING_BIT, other]);
    const builds = list([4], [1], [bit]);
    const odds = precedingWordOdds(candidates, ['quiet', 'build'], [[], [build, builds]]);
    expect(odds.get(1)).toBe(0);
    expect(odds.get(2)).toBe(2);
    expect(odds.has(3)).toBe(false);
    expect(odds.get(4)).toBeCloseTo(4 / 3);
    // A dense expansion (a bitmap, no counts) says nothing about any item.
    const dense = { docs: Uint32Array.from([1, 2, 3, 4]), frequencies: null, preceding: null };
    expect(precedingWordOdds(candidates, ['quiet', 'build'], [[], [build, dense]]).size).toBe(0);
    expect(precedingWordBit('')).toBe(precedingWordBit(''));
  });

  it('fails on truncated data instead of reading garbage', () => {
    const writer = new ByteWriter();
    writer.varint(300);
    const bytes = writer.finish();
    expect(() => new ByteReader(bytes.subarray(0, 1)).varint()).toThrow(RangeError);
  });

  it('tells a dense term from a numbered shard in the dictionary', () => {
    expect(shardOfLocation(0)).toBeNull();
    expect(shardOfLocation(1)).toBe(0);
    expect(shardPath(7)).toMatch(/shards\/7\.bin$/);
  });

  it('knows what is one typo away', () => {
    expect(withinOneEdit('cilium', 'cillium')).toBe(true);
    expect(withinOneEdit('cilium', 'cilum')).toBe(true);
    expect(withinOneEdit('cilium', 'cilion')).toBe(false);
    expect(containsPhrase(['a', 'b', 'c'], ['b', 'c'])).toBe(true);
    expect(containsPhrase(['a', 'b', 'c'], ['c', 'b'])).toBe(false);
  });

  it('takes a typo only for a word at least as common: "right" does not also search "bright"', () => {
    const counts: [string, number][] = [
      ['bright', 5],
      ['fight', 3],
      ['right', 100],
      ['rights', 40],
      ['write', 100],
    ];
    const dict = decodeDictionary(encodeDictionary(counts.map(([term, documents]) => ({ term, documents, location: shardLocation(0) }))));
    const spellings = (word: string) => expandWord(dict, word, false).map(({ at, weight }) => [dict.terms[at], weight]);
    // Its rarer neighbours are not what a listener typing a common word meant.
    expect(spellings('right')).toEqual([['right', 1]]);
    // A rarer word typed still finds its common neighbour, and a word the archive lacks finds them all.
    expect(spellings('bright')).toEqual([
      ['bright', 1],
      ['right', FUZZY_WEIGHT],
    ]);
    expect(spellings('wright').map(([term]) => term)).toEqual(['right', 'bright']);
  });

  it('ranks the shorter of two episodes that say a word as often higher, and more mentions higher, with saturation', () => {
    const episode = (slug: string): MetaEpisode => ['shipit', slug, null, 0, 1];
    // Episode 0 and 1 say the word 3 times each in 2,000 and 8,000 words; 2 says it 30 times in 2,000.
    const relevance = new EpisodeRelevance({ episodes: [0, 1, 2, 3].map((n) => episode(`${n}`)), episodeWords: [2000, 8000, 2000, 4000] });
    const scores = new Map<number, number>();
    relevance.add(scores, { episodes: [0, 1, 2], counts: [3, 3, 30], found: 3 }, 1);
    const [short, long, often] = [0, 1, 2].map((at) => scores.get(at) ?? 0) as [number, number, number];
    expect(short).toBeGreaterThan(long);
    expect(often).toBeGreaterThan(short);
    // Ten times the mentions is far less than ten times the score.
    expect(often).toBeLessThan(3 * short);
  });

  it('breaks score ties by recency (episode number)', () => {
    const older = { podcast: 'shipit', slug: '1', number: 1, score: 3, hits: [] };
    const newer = { podcast: 'shipit', slug: '2', number: 2, score: 3, hits: [] };
    expect([older, newer].sort(compareEpisodes)[0]).toBe(newer);
  });

  it('cuts a snippet around the first match and marks it', () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
    words[40] = 'Cilium';
    const snippet = snippetOf(words.join(' '), new Set(['cilium']), 10);
    expect(snippet[0]?.text).toBe('… ');
    expect(snippet.find((piece) => piece.mark)?.text).toBe('Cilium');
    expect(snippet.at(-1)?.text).toBe(' …');
  });
});

describe('the archive search over our own small corpus', () => {
  let out: string;
  let engine: ArchiveSearchEngine;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'archive-'));
    buildBundle({ corpus: OWN_ARCHIVE_DIR, outDir: out });
    engine = new ArchiveSearchEngine(readerFor(out));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const hitsOf = async (query: string, options = {}) => {
    const answer = await engine.search(query, options);
    return answer.episodes.flatMap((episode) => episode.hits.map((hit) => `${episode.podcast}/${episode.slug}#${hit.index}`));
  };

  it('finds a word, a prefix of the word being typed, and a word with a typo', async () => {
    // "pipeline" (item 2) is one letter from "pipelines": typo tolerance finds it too.
    expect(await hitsOf('pipelines')).toEqual(['shipit/990#1', 'shipit/990#2']);
    expect(await hitsOf('pipel')).toEqual(['shipit/990#1', 'shipit/990#2']);
    expect(await hitsOf('headlmp')).toEqual(['shipit/990#5']);
  });

  it('requires every word, and says so when it falls back to any', async () => {
    expect(await hitsOf('keyboard focus')).toEqual(['shipit/990#15']);
    const some = await engine.search('keyboard pipelines');
    expect(some.partial).toBe(true);
    expect(some.totalHits).toBe(3);
  });

  it('filters by show and by speaker', async () => {
    const everywhere = await hitsOf('fixture');
    expect(new Set(everywhere.map((hit) => hit.split('/')[0]))).toEqual(new Set(['shipit', 'friends', 'jsparty']));
    expect((await hitsOf('fixture', { shows: new Set(['friends']) })).every((hit) => hit.startsWith('friends/'))).toBe(true);
    expect(await hitsOf('fixture', { speaker: 'Ada Host' })).toEqual(['shipit/990#0', 'shipit/990#18']);
  });

  it('links each hit to its item, with speaker, time and a marked snippet', async () => {
    const answer = await engine.search('headlamp');
    const [episode] = answer.episodes;
    expect(episode).toMatchObject({ podcast: 'shipit', slug: '990', number: 990, readable: true });
    expect(episode?.hits[0]).toMatchObject({ index: 5, speaker: 'Grace Guest', estimated: true });
    expect(episode?.hits[0]?.snippet?.find((piece) => piece.mark)?.text).toBe('headlamp');
  });

  it('puts the exact phrase first, and a quoted query keeps only it', async () => {
    const loose = await engine.search('boring is good');
    expect(loose.episodes[0]?.hits.map((hit) => [hit.index, hit.phrase])).toEqual([[4, true]]);
    const apart = await engine.search('good boring');
    expect(apart.episodes[0]?.hits.map((hit) => [hit.index, hit.phrase])).toEqual([[4, false]]);
    const quoted = await engine.search('"boring is good"');
    expect(quoted.episodes.flatMap((episode) => episode.hits.map((hit) => [hit.index, hit.phrase]))).toEqual([[4, true]]);
  });

  it('makes snippets past the first three on request', async () => {
    const answer = await engine.search('fixture');
    const ada = answer.episodes.find((episode) => episode.podcast === 'friends');
    const later = ada?.hits.find((hit) => hit.snippet === null);
    expect(later).toBeDefined();
    if (!ada || !later) return;
    const pieces = await engine.snippet(ada, later.index, answer.terms);
    expect(pieces.find((piece) => piece.mark)?.text).toBe('fixture');
  });

  it('finds nothing for nothing, and lists speakers for the filter', async () => {
    expect((await engine.search('   ')).totalHits).toBe(0);
    expect((await engine.search('zzqqxx')).totalHits).toBe(0);
    expect((await engine.speakers()).map(([name]) => name)).toContain('Linus Listener');
  });

  /** A reader over the built bundle that lists every path read, and may act when one is read. */
  const listing = (onRead: (path: string) => void = () => {}) => {
    const base = readerFor(out);
    const paths: string[] = [];
    return {
      paths,
      read: async (path: string) => {
        paths.push(path);
        onRead(path);
        return base(path);
      },
    };
  };

  const countedSearch = async (query: string) => {
    const counted = listing();
    await new ArchiveSearchEngine(counted.read).search(query);
    return counted;
  };

  it('stops reading shards and chunks once a superseded query is aborted', async () => {
    const whole = listing();
    await new ArchiveSearchEngine(whole.read).search('boring is good');
    const shardsOf = (paths: string[]) => paths.filter((path) => path.includes('/shards/') || path.includes('/dense/'));
    const recordsOf = (paths: string[]) => paths.filter((path) => path.includes('/episodes/'));
    expect(shardsOf(whole.paths).length).toBeGreaterThan(1);
    expect(recordsOf(whole.paths).length).toBeGreaterThan(0);

    // Aborted as its first shard is read: no other shard, no chunk, and the query rejects.
    const controller = new AbortController();
    const cut = listing((path) => {
      if (path.includes('/shards/') || path.includes('/dense/')) controller.abort();
    });
    await expect(new ArchiveSearchEngine(cut.read).search('boring is good', { signal: controller.signal })).rejects.toThrow(/abort/i);
    expect(shardsOf(cut.paths)).toHaveLength(1);
    expect(recordsOf(cut.paths)).toEqual([]);

    // Aborted as its first record is read for the snippets: none of the others is read.
    const snippetsRead = recordsOf((await countedSearch('fixture')).paths);
    expect(snippetsRead.length).toBeGreaterThan(1);
    const late = new AbortController();
    const reading = listing((path) => {
      if (path.includes('/episodes/')) late.abort();
    });
    await expect(new ArchiveSearchEngine(reading.read).search('fixture', { signal: late.signal })).rejects.toThrow(/abort/i);
    expect(recordsOf(reading.paths)).toHaveLength(1);

    // A snippet asked for under an aborted signal reads nothing.
    const snippets = listing();
    const engine = new ArchiveSearchEngine(snippets.read);
    await engine.index.load();
    const before = snippets.paths.length;
    await expect(engine.snippet({ podcast: 'shipit', slug: '990' }, 4, new Set(['boring']), AbortSignal.abort())).rejects.toThrow(/abort/i);
    expect(snippets.paths.slice(before)).toEqual([]);
  });

  it('bounds a long hostile query: words kept, spellings and files read, and says it was cut', async () => {
    const words = 'fixture pipeline headlamp keyboard focus boring good server quiet build tuesday kelp';
    const hostile = `${words} ${words} ${'and the of '.repeat(2_000)}`;
    const bounded = listing();
    const found = await new ArchiveSearchEngine(bounded.read).index.search(hostile);
    expect(found.queryTerms).toHaveLength(QUERY_LIMITS.words);
    expect(found.cut).toMatchObject({ truncated: true });
    expect(found.cut?.words).toBeGreaterThan(0);
    expect(found.work.words).toBeLessThanOrEqual(QUERY_LIMITS.words);
    expect(found.work.files).toBeLessThanOrEqual(QUERY_LIMITS.files);

    // Tight limits: the spellings past them are left unread, counted, and the query still answers.
    const limits = { characters: 200, words: 4, postings: 6, files: 2 };
    const tight = listing();
    const engine = new ArchiveSearchEngine(tight.read, limits);
    const answer = await engine.search('pipelines fixture headlamp keyboard focus');
    const results = await engine.index.search('pipelines fixture headlamp keyboard focus');
    expect(results.work.postings).toBeLessThanOrEqual(limits.postings);
    expect(results.work.files).toBeLessThanOrEqual(limits.files);
    expect(results.work.words).toBeLessThanOrEqual(limits.words);
    expect(results.cut?.words).toBeGreaterThan(0);
    expect(answer.cut).toEqual(results.cut);
    expect(tight.paths.filter((path) => path.includes('/shards/') || path.includes('/dense/')).length).toBeLessThanOrEqual(limits.files);

    // An ordinary query is searched whole.
    expect((await engine.index.search('headlamp')).cut).toBeNull();
  });

  it('fails clearly on a damaged shard (its CRC) and shows the hits of an episode whose record is damaged, saying it', async () => {
    /** `path`'s bytes with one bit of the gzip trailer's CRC flipped: it still inflates, to the same text. */
    const damaged = (match: (path: string) => boolean) => {
      const base = readerFor(out);
      return async (path: string) => {
        const bytes = await base(path);
        if (!bytes || !match(path)) return bytes;
        const copy = bytes.slice();
        copy[copy.length - 8] = (copy[copy.length - 8] as number) ^ 1;
        return copy;
      };
    };
    const shards = new ArchiveSearchEngine(damaged((path) => path.includes('/shards/') || path.includes('/dense/')));
    await expect(shards.search('headlamp')).rejects.toThrow(CorruptRecordError);

    // A record chunk packed with a checksum of its own, damaged in the middle of its zlib stream.
    const records = new ArchiveSearchEngine(async (path) => {
      const bytes = await readerFor(out)(path);
      if (!bytes || !path.includes('/episodes/shipit/990')) return bytes;
      const copy = bytes.slice();
      copy[copy.length >> 1] = (copy[copy.length >> 1] as number) ^ 0xff;
      return copy;
    });
    const answer = await records.search('headlamp');
    expect(answer.episodes[0]).toMatchObject({ podcast: 'shipit', slug: '990', readable: false });
    expect(answer.episodes[0]?.hits[0]).toMatchObject({ index: 5, speaker: 'Grace Guest', snippet: [] });
  });

  it('fails clearly when a shard is missing', async () => {
    for (const name of readdirSync(join(out, shardPath(0), '..'))) unlinkSync(join(out, shardPath(0), '..', name));
    const fresh = new ArchiveSearchEngine(readerFor(out));
    await expect(fresh.search('headlamp')).rejects.toThrow(/missing from the package/);
  });
});

describe(needs(hasCorpus, 'the known-answer set on the shared corpus'), () => {
  if (!hasCorpus) it.skip('needs ../shared/corpus', () => {});
  it.runIf(hasCorpus)(
    'answers at least 95% of 30 known-answer queries at the top',
    async () => {
      const bundle = buildBundle({ corpus: CORPUS_DIR, outDir: join(PROJECT_ROOT, BUNDLE_CACHE_DIR) });
      const engine = new ArchiveSearchEngine(readerFor(bundle.outDir));
      const phrases = phraseQueries(CORPUS_DIR);
      expect(phrases).toHaveLength(20);
      const misses: string[] = [];
      for (const { query, expected } of phrases) {
        const answer = await engine.search(query);
        const top = answer.episodes[0];
        const got = top ? `${top.podcast}/${top.slug}#${top.hits.find((hit) => hit.phrase)?.index ?? top.hits[0]?.index}` : 'nothing';
        if (got !== expected)
          misses.push(`phrase #${phrases.indexOf(phrases.find((p) => p.query === query) as never)}: expected ${expected}, got ${got}`);
      }
      for (const { query, expected } of TOPIC_QUERIES) {
        const answer = await engine.search(query);
        const top10 = answer.episodes.slice(0, 10).map((episode) => `${episode.podcast}/${episode.slug}`);
        if (!top10.includes(expected)) misses.push(`topic "${query}": ${expected} not in ${top10.join(' ')}`);
      }
      const accuracy = (30 - misses.length) / 30;
      console.log(
        `known answers: ${30 - misses.length}/30 (${(accuracy * 100).toFixed(0)}%)${misses.length ? `; missed: ${misses.join('; ')}` : ''}`,
      );
      expect(accuracy).toBeGreaterThanOrEqual(0.95);
      // The first run after a change to lib/ rebuilds the whole bundle (minutes on 2 busy cores):
      // the limit guards against a hang, it is not a speed target.
    },
    900_000,
  );

  it.runIf(hasCorpus)(
    "bounds a 197-character query of the archive's commonest words (once 8.6 s and 470 MB in Node)",
    async () => {
      const bundle = buildBundle({ corpus: CORPUS_DIR, outDir: join(PROJECT_ROOT, BUNDLE_CACHE_DIR) });
      const engine = new ArchiveSearchEngine(readerFor(bundle.outDir));
      await engine.index.load();
      const common = 'the and that you know yeah like so it is what we i mean this was just to of in have be they there about think';
      const hostile = `${common} really because but not with for on are can do all if or one people the and that you kno`;
      expect(hostile).toHaveLength(197);
      const before = engine.index.bytesRead + engine.recordBytes;
      const found = await engine.index.search(hostile);
      expect(found.cut?.words).toBeGreaterThan(0);
      expect(found.work.words).toBeLessThanOrEqual(QUERY_LIMITS.words);
      expect(found.work.postings).toBeLessThanOrEqual(QUERY_LIMITS.postings);
      expect(found.work.files).toBeLessThanOrEqual(QUERY_LIMITS.files);
      const answer = await engine.search(hostile);
      expect(answer.cut).toEqual(found.cut);
      // Index files for its words, and the phrase check's budget of records, at most.
      expect(engine.index.bytesRead + engine.recordBytes - before).toBeLessThan(QUERY_BYTES + 1_000_000);
    },
    180_000,
  );
});
