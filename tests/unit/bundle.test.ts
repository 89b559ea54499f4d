import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { META_FILE } from '@/lib/archive/index-meta';
import { isBundled, lookupEpisode } from '@/lib/archive/lookup';
import { CorruptRecordError, unpackJson } from '@/lib/archive/package-file';
import { RECORDS_DICTIONARY } from '@/lib/archive/packed-json';
import { CHUNK_CHARACTERS, chunkItemReader, chunkPath, chunkPlace, decodeHead, encodeRecord, recordPath } from '@/lib/archive/record';
import { buildEpisode } from '@/lib/model/build-episode';
import { parseEpisodeUrl } from '@/lib/site/urls';
import { archiveParts, buildBundle } from '@/pipeline/bundle';
import { listCorpus, resolveCorpus } from '@/pipeline/corpus';
import { BUNDLE_CACHE_DIR } from '@/pipeline/paths';
import { readerFor } from '../support/folder-reader';
import { OWN_ARCHIVE_DIR } from '../support/own-fixtures';
import { recordReader, throughBundle } from '../support/record-bundle';
import { CORPUS_DIR, hasCorpus, needs, PROJECT_ROOT } from '../support/shared';

describe('the bundle built from our own small corpus', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'bundle-'));
    buildBundle({ corpus: OWN_ARCHIVE_DIR, outDir: out });
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const OWN_EPISODES = [
    { podcast: 'friends', slug: '990' },
    { podcast: 'jsparty', slug: 'meet-fixture' },
    { podcast: 'podcast', slug: '9990' },
    { podcast: 'shipit', slug: '990' },
  ];

  it('lists every episode with transcript or notes in its show, with its items and speakers', async () => {
    const read = readerFor(out);
    const found = [];
    for (const ref of OWN_EPISODES) {
      const lookup = await lookupEpisode(read, ref, isBundled(read, ref));
      if (lookup.status === 'found') found.push([ref.podcast, ref.slug, lookup.items, buildEpisode(lookup.parts).speakers.length]);
    }
    expect(found).toEqual([
      ['friends', '990', 30, 3],
      ['jsparty', 'meet-fixture', 3, 2],
      ['podcast', '9990', 0, 0],
      ['shipit', '990', 20, 4],
    ]);
    expect(readFileSync(join(out, 'data/ATTRIBUTION.md'), 'utf8')).toMatch(
      /thechangelog\/transcripts at .*\n.*thechangelog\/show-notes at/,
    );
  });

  it('round-trips every record to exactly what the parsers produce', async () => {
    const read = readerFor(out);
    const transcripts = new Map(listCorpus(OWN_ARCHIVE_DIR, 'transcripts').map((f) => [`${f.ref.podcast}/${f.ref.slug}`, f]));
    const notes = new Map(listCorpus(OWN_ARCHIVE_DIR, 'show-notes').map((f) => [`${f.ref.podcast}/${f.ref.slug}`, f]));
    for (const episode of OWN_EPISODES) {
      const key = `${episode.podcast}/${episode.slug}`;
      const expected = archiveParts(transcripts.get(key), notes.get(key));
      const found = await lookupEpisode(read, episode, isBundled(read, episode));
      expect(found.status).toBe('found');
      if (found.status !== 'found') continue;
      expect({ ...found.parts, transcriptStatus: undefined }).toEqual({ ...expected, transcriptStatus: undefined });
    }
  });

  it('finds episodes by page URL, slugs that are not numbers included', async () => {
    const read = readerFor(out);
    for (const url of ['https://changelog.com/jsparty/meet-fixture#transcript-2', 'https://changelog.com/shipit/990?x=1']) {
      const ref = parseEpisodeUrl(url);
      expect(ref).not.toBeNull();
      if (ref) expect((await lookupEpisode(read, ref, isBundled(read, ref))).status).toBe('found');
    }
    expect(
      (await lookupEpisode(read, { podcast: 'shipit', slug: '991' }, isBundled(read, { podcast: 'shipit', slug: '991' }))).status,
    ).toBe('absent');
  });

  it('reports a corrupt or missing record instead of throwing: its head, a chunk, or the dictionary', async () => {
    const read = readerFor(out);
    const ref = { podcast: 'shipit', slug: '990' };
    const lookup = () => lookupEpisode(read, ref, isBundled(read, ref));
    for (const file of [recordPath(ref), chunkPath(ref, 0), RECORDS_DICTIONARY]) {
      const path = join(out, file);
      const good = readFileSync(path);
      const flipped = Buffer.from(good);
      flipped[flipped.length - 6] = (flipped[flipped.length - 6] as number) ^ 0xff;
      for (const bad of [Buffer.from('not packed at all'), good.subarray(0, good.length / 2), flipped, Buffer.alloc(0)]) {
        writeFileSync(path, bad);
        const found = await lookup();
        expect(found.status, `${file}: ${bad.length} bytes`).toBe('corrupt');
      }
      rmSync(path);
      const missing = await lookup();
      expect(missing.status).toBe('corrupt');
      if (missing.status === 'corrupt') expect(missing.reason).toContain(file);
      writeFileSync(path, good);
      expect((await lookup()).status).toBe('found');
    }
  });

  it('splits a record into chunks that each read on their own', async () => {
    const read = readerFor(out);
    const ref = { podcast: 'friends', slug: '990' };
    const found = await lookupEpisode(read, ref, isBundled(read, ref));
    expect(found.status).toBe('found');
    const dictionary = readFileSync(join(out, RECORDS_DICTIONARY));
    const { unpackJsonWith } = await import('@/lib/archive/packed-json');
    const head = decodeHead(unpackJsonWith(new Uint8Array(readFileSync(join(out, recordPath(ref)))), dictionary, 'head'));
    expect(head.items).toBe(30);
    for (let k = 0; k < head.chunks.length; k++) {
      const place = chunkPlace(head.chunks, head.items, k);
      const items = chunkItemReader(unpackJsonWith(new Uint8Array(readFileSync(join(out, chunkPath(ref, k)))), dictionary, 'chunk'), place);
      expect(items(place.first)).toEqual(found.status === 'found' ? found.parts.items[place.first] : undefined);
      expect(items(place.first - 1)).toBeUndefined();
      expect(items(place.first + place.count)).toBeUndefined();
    }
    expect(() => readFileSync(join(out, chunkPath(ref, head.chunks.length)))).toThrow();
  });

  it('reuses an up-to-date bundle and ships the license with the data', () => {
    const again = buildBundle({ corpus: OWN_ARCHIVE_DIR, outDir: out });
    expect(again.built).toBe(false);
    expect(again.files).toContain(META_FILE);
    expect(again.files).toContain('data/LICENSE-transcripts.txt');
    expect(readFileSync(join(out, 'data/ATTRIBUTION.md'), 'utf8')).toMatch(/CC BY-SA 4\.0/);
  });

  it('limits the bundle to some shows', () => {
    const limited = mkdtempSync(join(tmpdir(), 'bundle-shows-'));
    const result = buildBundle({ corpus: OWN_ARCHIVE_DIR, outDir: limited, shows: ['shipit'] });
    expect(result.episodes).toBe(1);
    rmSync(limited, { recursive: true, force: true });
  });

  it('refuses an empty corpus rather than building an empty extension', () => {
    const empty = mkdtempSync(join(tmpdir(), 'corpus-'));
    expect(() => buildBundle({ corpus: empty, outDir: join(empty, 'out') })).toThrow(/no episode/);
    rmSync(empty, { recursive: true, force: true });
  });
});

describe('record decoding', () => {
  const item = (index: number, label: string, text: string) => ({
    index,
    label,
    speaker: label,
    kind: 'speech' as const,
    paragraphs: [[{ kind: 'text' as const, text }]],
  });

  it('round-trips a record of several chunks, labels and all, and never splits an item', async () => {
    const labels = ['Jerod Santo', 'Adam Stacoviak', 'Break'];
    // Words of five characters that compress about as much as speech (a repeated word would compress
    // past what any bundle file does, which the reader refuses).
    const long = Array.from(
      { length: Math.floor(CHUNK_CHARACTERS / 12) },
      (_, i) => `${String((i * 7919) % 10_000).padStart(4, '0')} `,
    ).join('');
    // Items of half a chunk each, and one of two chunks: a chunk of its own.
    const items = Array.from({ length: 7 }, (_, i) => item(i, labels[i % 3] as string, i === 4 ? long.repeat(4) : `${long} ${i}`));
    const parts = { podcast: 'shipit', slug: '1', items, notes: [] };
    const encoded = encodeRecord(parts);
    expect(encoded.head.chunks).toEqual([0, 2, 4, 5]);
    expect(encoded.head.items).toBe(items.length);
    const decoded = await throughBundle(parts);
    expect(decoded.items.map((decodedItem) => [decodedItem.index, decodedItem.label])).toEqual(items.map((i) => [i.index, i.label]));
  });

  it('rejects anything that is not a record of this version, and non-http links', async () => {
    const link = (url: string) => [
      { kind: 'text' as const, text: 'see ' },
      { kind: 'link' as const, text: 'this', url },
    ];
    const notes = [{ heading: null, links: [{ text: 't', url: 'https://example.com/', domain: 'example.com', kind: 'article' as const }] }];
    const parts = {
      podcast: 'shipit',
      slug: '1',
      items: [{ ...item(0, 'Jerod Santo', 'hello'), paragraphs: [link('https://example.com/a')] }],
      notes,
    };
    const good = encodeRecord(parts);
    const read = async (record: { head: unknown; chunks: unknown[] }) => lookupEpisode(recordReader(parts, record), parts, true);
    // The good record reads back, its links with it.
    const back = await read(good);
    expect(back.status === 'found' && back.parts.items[0]?.paragraphs[0]?.[1]).toEqual({
      kind: 'link',
      text: 'this',
      url: 'https://example.com/a',
    });
    expect(back.status === 'found' && back.parts.notes?.[0]?.links[0]?.url).toBe('https://example.com/');
    const chunk = good.chunks[0] as (typeof good.chunks)[number];
    for (const bad of [
      { ...good, head: null },
      { ...good, head: 1 },
      { ...good, head: 'x' },
      { ...good, head: { ...good.head, v: 99 } },
      { ...good, head: { ...good.head, items: 'x' } },
      { ...good, head: { ...good.head, items: 2 } },
      { ...good, head: { ...good.head, chunks: [1] } },
      { ...good, head: { ...good.head, chunks: [] } },
      { ...good, chunks: [] },
      { ...good, chunks: [{ ...chunk, v: 1 }] },
      { ...good, chunks: [{ ...chunk, first: 1 }] },
      { ...good, chunks: [{ ...chunk, items: [['x']] }] },
      { ...good, chunks: [{ ...chunk, items: [[7, 'points at no label']] }] },
      // Links are only ever http(s), in the notes and in what is said alike.
      { ...good, head: { ...good.head, notes: [[null, [['t', 'javascript:alert(1)', 'article']]]] } },
      { ...good, chunks: [{ ...chunk, items: [[0, [[4, 'click', 'javascript:alert(1)']]]] }] },
      { ...good, chunks: [{ ...chunk, items: [[0, [[4, 'click', 'data:text/html,<b>x</b>']]]] }] },
    ]) {
      expect((await read(bad)).status, JSON.stringify(bad)).toBe('corrupt');
    }
    // The archive search reads one item of a chunk: the same check holds there.
    const scripted = { ...chunk, items: [[0, [[4, 'click', 'javascript:alert(1)']]]] };
    expect(() => chunkItemReader(scripted, chunkPlace(good.head.chunks, 1, 0))(0)).toThrow(CorruptRecordError);
    expect(() => decodeHead({ ...good.head, notes: [[null, [['t', 'JavaScript:alert(1)', 'article']]]] })).toThrow(CorruptRecordError);
    await expect(unpackJson(new Uint8Array([1, 2, 3]))).rejects.toThrow(CorruptRecordError);
  });
});

describe(needs(hasCorpus, 'the bundle built from the whole shared corpus'), () => {
  if (!hasCorpus) it.skip('needs ../shared/corpus', () => {});
  it.runIf(hasCorpus)(
    'has every episode, and every record round-trips to the parser output',
    async () => {
      // The extension build leaves an up-to-date bundle in the cache; this reuses it or builds it.
      const result = buildBundle({ corpus: CORPUS_DIR, outDir: join(PROJECT_ROOT, BUNDLE_CACHE_DIR) });
      const read = readerFor(result.outDir);
      const transcripts = listCorpus(CORPUS_DIR, 'transcripts');
      const notes = listCorpus(CORPUS_DIR, 'show-notes');
      expect(transcripts).toHaveLength(2084);
      const byKey = (files: typeof notes) => new Map(files.map((f) => [`${f.ref.podcast}/${f.ref.slug}`, f]));
      const t = byKey(transcripts);
      const n = byKey(notes);
      const keys = new Set([...t.keys(), ...n.keys()]);
      expect(result.episodes).toBe(keys.size);
      const mismatches: string[] = [];
      for (const key of keys) {
        const [podcast = '', slug = ''] = key.split('/');
        const found = await lookupEpisode(read, { podcast, slug }, isBundled(read, { podcast, slug }));
        if (found.status !== 'found') {
          mismatches.push(`${key}: ${found.status}`);
          continue;
        }
        const expected = archiveParts(t.get(key), n.get(key));
        if (!isDeepStrictEqual({ ...found.parts, transcriptStatus: undefined }, { ...expected, transcriptStatus: undefined })) {
          mismatches.push(`${key}: differs`);
        }
      }
      console.log(`bundle: ${keys.size} episodes, ${transcripts.length} transcripts, ${(result.compressedBytes / 1e6).toFixed(1)} MB`);
      expect(mismatches.slice(0, 10)).toEqual([]);
      // The first run after a change to lib/ or pipeline/ rebuilds the whole bundle (over a minute on 2 cores).
    },
    180_000,
  );
});

describe('finding the corpus', () => {
  it('fails with a message naming CHANGELOG_CORPUS when there is none and no network', () => {
    const root = mkdtempSync(join(tmpdir(), 'project-'));
    const saved = process.env.CHANGELOG_CORPUS;
    delete process.env.CHANGELOG_CORPUS;
    try {
      expect(() =>
        resolveCorpus(
          join(root, 'inner'),
          () => {},
          () => false,
        ),
      ).toThrow(/CHANGELOG_CORPUS/);
      process.env.CHANGELOG_CORPUS = join(root, 'nowhere');
      expect(() => resolveCorpus(root)).toThrow(/CHANGELOG_CORPUS=.*nowhere/);
      process.env.CHANGELOG_CORPUS = OWN_ARCHIVE_DIR;
      expect(resolveCorpus(root)).toBe(OWN_ARCHIVE_DIR);
    } finally {
      if (saved === undefined) delete process.env.CHANGELOG_CORPUS;
      else process.env.CHANGELOG_CORPUS = saved;
      rmSync(root, { recursive: true, force: true });
    }
  });
});
