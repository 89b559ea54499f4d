/**
 * What a listener remembers, against a small archive of our own words written at run time: a
 * phrase typed without its punctuation, apostrophes or link syntax finds the one item that says
 * it, first, even in a 2,500-word monologue and against shorter turns holding the same words
 * apart; quotes keep only the phrase; the first order shown is final; an episode about a topic
 * outranks one that mentions it once; a speaker's name in the query becomes their filter.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ArchiveAnswer, ArchiveSearchEngine } from '@/lib/archive/engine';
import type { MetaEpisode } from '@/lib/archive/index-meta';
import { containsPhrase, phraseChunks } from '@/lib/archive/phrases';
import { findSpeakerName } from '@/lib/archive/speaker-names';
import { termsOf } from '@/lib/model/terms';
import { buildBundle } from '@/pipeline/bundle';
import { readerFor } from '../support/folder-reader';

/** Filler for the long monologue: none of the phrase words below. */
const FILLER = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa'.split(' ');

function monologue(words: number, inserted: string): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    out.push(FILLER[(i * 7) % FILLER.length] as string);
    if (i === Math.floor(words / 2)) out.push(inserted);
  }
  return `${out.join(' ')}.`;
}

/** The long episode below: turns of about 1,000 characters, so its record has several chunks. */
const CHUNKED_TURNS = 48;
/** Where it says its phrase: near the end, past its first chunk. */
const CHUNKED_AT = 44;
const LONG_FILLER = (i: number) => Array.from({ length: 120 }, (_, j) => FILLER[(i + j) % FILLER.length]).join(' ');

const TRANSCRIPTS: Record<string, string> = {
  // Several chunks of long turns, and the phrase in one of the last.
  'gotime/go-time-9004.md': Array.from(
    { length: CHUNKED_TURNS },
    (_, i) => `**Oren Onward:** ${i === CHUNKED_AT ? 'Purple lanterns glow softly, friends.' : `${LONG_FILLER(i)}.`}`,
  ).join('\n\n'),
  'gotime/go-time-9001.md': [
    '**Nia Nightly:** Well, honestly, we shipped it on a Tuesday. Nobody noticed, which I’d call a win.',
    '**Oren Onward:** I read [the whole spec twice](https://example.com/spec) before lunch.',
    '**Oren Onward:** Nia Nightly said Tuesday was the day, so I believed her.',
    `**Nia Nightly:** ${monologue(2500, 'Then the quiet build server hums along, and')}`,
    // The same words apart, in shorter turns: more likely by chance, but not the phrase.
    '**Oren Onward:** A build is quiet; the server never hums.',
    '**Oren Onward:** Hums the server, quiet the build.',
    '**Oren Onward:** The server is quiet. The build hums.',
  ].join('\n\n'),
  'gotime/go-time-9002.md': [
    '**Pat Plainly:** Kelp forests are wonderful. Kelp grows fast.',
    '**Quinn Quietly:** Kelp needs cold water, and kelp needs light.',
    '**Pat Plainly:** Sea otters protect the kelp.',
    '**Quinn Quietly:** So kelp is a whole ecosystem, kelp everywhere.',
  ].join('\n\n'),
  'gotime/go-time-9003.md': [
    '**Pat Plainly:** Kelp kelp, I said it twice in one short turn.',
    '**Quinn Quietly:** Then we talked about compilers for an hour, compilers and linkers and their flags.',
    '**Pat Plainly:** Linkers, loaders, flags, builds, caches and much more about toolchains.',
  ].join('\n\n'),
};

describe('remembered phrases, topics and speaker names in the archive search', () => {
  let out: string;
  let corpus: string;
  let engine: ArchiveSearchEngine;
  beforeAll(() => {
    corpus = mkdtempSync(join(tmpdir(), 'phrase-corpus-'));
    for (const [path, text] of Object.entries(TRANSCRIPTS)) {
      mkdirSync(join(corpus, 'transcripts', path.split('/')[0] as string), { recursive: true });
      writeFileSync(join(corpus, 'transcripts', path), `${text}\n`);
    }
    writeFileSync(join(corpus, 'transcripts', 'LICENSE'), 'test words, ours\n');
    mkdirSync(join(corpus, 'show-notes'), { recursive: true });
    out = mkdtempSync(join(tmpdir(), 'phrase-bundle-'));
    buildBundle({ corpus, outDir: out });
    engine = new ArchiveSearchEngine(readerFor(out));
  });
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
    rmSync(corpus, { recursive: true, force: true });
  });

  /** The first answer shown and the final one. */
  async function ask(query: string, options = {}): Promise<{ first: ArchiveAnswer; last: ArchiveAnswer }> {
    let first: ArchiveAnswer | undefined;
    const last = await engine.search(query, options, 10, (answer) => {
      first ??= answer;
    });
    return { first: first ?? last, last };
  }
  const top = (answer: ArchiveAnswer) => {
    const episode = answer.episodes[0];
    const hit = episode?.hits[0];
    return episode && hit ? { at: `${episode.podcast}/${episode.slug}#${hit.index}`, phrase: hit.phrase } : null;
  };
  const order = (answer: ArchiveAnswer) =>
    answer.episodes.flatMap((episode) => episode.hits.map((hit) => `${episode.podcast}/${episode.slug}#${hit.index}`));

  it('matches across punctuation, either apostrophe and link syntax', async () => {
    expect(top((await ask('honestly we shipped it')).first)).toEqual({ at: 'gotime/9001#0', phrase: true });
    expect(top((await ask("nobody noticed which i'd call")).first)).toEqual({ at: 'gotime/9001#0', phrase: true });
    expect(top((await ask('read the whole spec twice')).first)).toEqual({ at: 'gotime/9001#1', phrase: true });
  });

  it('finds a phrase inside a 2,500-word monologue before shorter turns that hold its words apart', async () => {
    const { first, last } = await ask('the quiet build server hums');
    expect(top(first)).toEqual({ at: 'gotime/9001#3', phrase: true });
    expect(order(last)).toEqual(order(first));
    // The words apart are still hits, after the phrase, and not marked as it.
    const hits = first.episodes[0]?.hits ?? [];
    expect(hits.filter((hit) => hit.phrase).map((hit) => hit.index)).toEqual([3]);
  });

  it('puts the phrase first unquoted, keeps only it quoted, and finds no phrase in words apart', async () => {
    const apart = await ask('server hums quiet');
    expect(apart.first.totalHits).toBeGreaterThan(0);
    expect(apart.first.episodes.every((episode) => episode.hits.every((hit) => !hit.phrase))).toBe(true);
    expect((await ask('"server hums quiet"')).last.totalHits).toBe(0);
    const quoted = await ask('"quiet build server"');
    expect(order(quoted.last)).toEqual(['gotime/9001#3']);
    expect(order(quoted.first)).toEqual(['gotime/9001#3']);
  });

  it('reads only the chunk of a record that holds the phrase', async () => {
    const chunksRead: string[] = [];
    const base = readerFor(out);
    const counting = new ArchiveSearchEngine(async (path) => {
      if (/9004\.\d+\.bin$/.test(path)) chunksRead.push(path.slice(path.lastIndexOf('/') + 1));
      return base(path);
    });
    let first: ArchiveAnswer | undefined;
    await counting.search('purple lanterns glow softly', {}, 10, (answer) => {
      first ??= answer;
    });
    expect(first && top(first)).toEqual({ at: `gotime/9004#${CHUNKED_AT}`, phrase: true });
    const head = JSON.parse(JSON.stringify(await engine.index.chunkOf({ podcast: 'gotime', slug: '9004' }, CHUNKED_AT)));
    expect(head.chunk).toBeGreaterThan(1);
    expect([...new Set(chunksRead)]).toEqual([`9004.${head.chunk}.bin`]);
  });

  it('never rules out the item that says a phrase, and rules out unread some that hold its words apart', async () => {
    const items = new Map<string, string[]>();
    for (const episode of ['9001', '9002', '9003']) {
      const turns = (TRANSCRIPTS[`gotime/go-time-${episode}.md`] as string).split('\n\n');
      turns.forEach((turn, index) => {
        const text = turn.replace(/^\*\*[^*]+:\*\*/, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
        items.set(`${episode}#${index}`, termsOf(text));
      });
    }
    let runs = 0;
    let ruledOut = 0;
    for (const [key, words] of items) {
      if (words.length > 200) continue;
      for (let length = 2; length <= 4; length++) {
        for (let at = 0; at + length <= words.length; at++) {
          const phrase = words.slice(at, at + length);
          const found = await engine.index.search(`"${phrase.join(' ')}"`);
          const candidates = new Set(found.phraseCandidates.flatMap((chunk) => chunk.indexes.map((i) => `${chunk.slug}#${i}`)));
          expect(candidates, phrase.join(' ')).toContain(key);
          // Items with every word, but apart, that the bits alone kept from being read.
          for (const [other, terms] of items) {
            if (phrase.every((word) => terms.includes(word)) && !containsPhrase(terms, phrase) && !candidates.has(other)) ruledOut++;
          }
          runs++;
        }
      }
    }
    expect(runs).toBeGreaterThan(200);
    expect(ruledOut).toBeGreaterThan(10);
  });

  it('reads the chunks with the best chance of the phrase per word first', () => {
    // Episode A: 50 items in chunks from 0, 24 and 48; episode B: ten items, one chunk. Every item is ten words.
    const meta = {
      episodes: [
        ['gotime', 'a', null, 0, 50],
        ['gotime', 'b', null, 50, 10],
      ] as MetaEpisode[],
      chunkStarts: [[0, 24, 48], [0]],
    };
    const docEpisode = Uint32Array.from({ length: 60 }, (_, doc) => (doc < 50 ? 0 : 1));
    const chunks = phraseChunks(
      [
        { doc: 5, likelihood: 0.3 },
        { doc: 52, likelihood: 0.25 },
        { doc: 30, likelihood: 0.2 },
        { doc: 31, likelihood: 0.2 },
      ],
      meta,
      docEpisode,
      () => 10,
    );
    // B's one short chunk first (the most chance per word), then A's second (two candidates), then A's first.
    expect(chunks).toEqual([
      { podcast: 'gotime', slug: 'b', chunk: 0, first: 0, count: 10, indexes: [2] },
      { podcast: 'gotime', slug: 'a', chunk: 1, first: 24, count: 24, indexes: [30, 31] },
      { podcast: 'gotime', slug: 'a', chunk: 0, first: 0, count: 24, indexes: [5] },
    ]);
  });

  it('completes the last word of a phrase still being typed', async () => {
    expect(top((await ask('honestly we shipp')).first)).toEqual({ at: 'gotime/9001#0', phrase: true });
    expect(containsPhrase(['we', 'shipped', 'it'], ['we', 'shipp'], true)).toBe(true);
    expect(containsPhrase(['we', 'shipped', 'it'], ['we', 'shipp'])).toBe(false);
  });

  it('ranks the episode about a topic above one that says it twice in passing', async () => {
    const answer = (await ask('kelp')).last;
    expect(answer.episodes.map((episode) => `${episode.podcast}/${episode.slug}`)).toEqual(['gotime/9002', 'gotime/9003']);
  });

  it('reads a speaker name in the query as a filter, and as words without it', async () => {
    const speakers = await engine.speakers();
    const named = findSpeakerName('nia nightly tuesday', speakers);
    expect(named).toEqual({ name: 'Nia Nightly', rest: 'tuesday' });
    expect(findSpeakerName('tuesday NIA  Nightly', speakers)).toEqual({ name: 'Nia Nightly', rest: 'tuesday' });
    expect(findSpeakerName('nia nightly', speakers)).toBeNull();
    expect(findSpeakerName('"nia nightly tuesday"', speakers)).toBeNull();
    expect(findSpeakerName('nia tuesday', speakers)).toBeNull();
    // As a filter: her own turn; as words: the turn that says her name.
    expect(order((await ask('tuesday', { speaker: 'Nia Nightly' })).last)).toEqual(['gotime/9001#0']);
    expect(order((await ask('nia nightly tuesday')).last)).toEqual(['gotime/9001#2']);
  });
});
