/**
 * Properties at every other boundary where outside data comes in: bundle records and show lists
 * (a corrupt package), the archive index's files, URLs, and whatever a listener types into a
 * search (messages have their own file, messages.test.ts). None of them throws anything but the
 * errors its callers turn into a clear state, and what round-trips comes back unchanged.
 */
import fc from 'fast-check';
import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { ArchiveIndex } from '@/lib/archive/index-reader';
import { isBundled, lookupEpisode } from '@/lib/archive/lookup';
import { CorruptRecordError, gunzip, gunzipNative, MAX_INFLATED_BYTES, MAX_INFLATION, unpackJson } from '@/lib/archive/package-file';
import { chunkPlace, decodeChunk, decodeHead } from '@/lib/archive/record';
import { decodeShowList } from '@/lib/archive/show-list';
import type { EpisodeParts } from '@/lib/model/episode';
import { EpisodeSearch } from '@/lib/model/episode-search';
import { highlight } from '@/lib/model/highlight';
import { episodeKey, episodeUrl, parseEpisodeKey, parseEpisodeUrl, timeUrl, transcriptItemUrl } from '@/lib/site/urls';
import { parseShowNotesMarkdown } from '@/pipeline/markdown/show-notes';
import { parseTranscriptMarkdown } from '@/pipeline/markdown/transcripts';
import { fuzzParams, transcriptText } from '../support/fuzz';
import { throughBundle } from '../support/record-bundle';

const gzipJson = (value: unknown) => gzipSync(strToU8(JSON.stringify(value)));
/** Text that compresses about as much as the bundle's own files (a few times, not a thousand). */
const wordsText = (count: number) =>
  Buffer.from(Array.from({ length: count }, (_, i) => ((i * 2_654_435_761) % 1_000_003).toString(36)).join(' '));

/** Bytes a damaged package could hold: noise, truncated gzip, gzip of noise, gzip of JSON garbage. */
const damagedBytes = (): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => gzipSync(bytes)),
    fc.anything().map((value) => gzipJson(value)),
    fc.tuple(fc.anything(), fc.nat(40)).map(([value, cut]) => {
      const whole = gzipJson(value);
      return whole.subarray(0, Math.max(0, whole.length - cut));
    }),
  );

const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
const podcast = fc.constantFrom('shipit', 'friends', 'gotime', 'jsparty', 'podcast', 'practicalai');

describe('bundle records', () => {
  it('round-trip any parsed transcript and show notes unchanged, packed and looked up as the extension does', async () => {
    await fc.assert(
      fc.asyncProperty(podcast, slug, transcriptText(), transcriptText(), async (show, name, transcript, notes) => {
        const parts: EpisodeParts = {
          podcast: show,
          slug: name,
          items: parseTranscriptMarkdown(transcript),
          notes: parseShowNotesMarkdown(notes),
        };
        const decoded = await throughBundle(parts);
        expect({ ...decoded, transcriptStatus: undefined }).toEqual({ ...parts, transcriptStatus: undefined });
      }),
      fuzzParams,
    );
  });

  it('reject any damaged value with a CorruptRecordError, never anything else', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        for (const decode of [decodeHead, (chunk: unknown) => decodeChunk(chunk, chunkPlace([0], 1, 0))]) {
          try {
            decode(value);
          } catch (error) {
            expect(error).toBeInstanceOf(CorruptRecordError);
          }
        }
        try {
          decodeShowList(value);
        } catch (error) {
          expect(error).toBeInstanceOf(CorruptRecordError);
        }
      }),
      fuzzParams,
    );
  });

  it('come back as `corrupt` from damaged bytes: a lookup never throws', async () => {
    await fc.assert(
      fc.asyncProperty(damagedBytes(), damagedBytes(), async (record, list) => {
        const read = async (path: string) => (path.endsWith('.json') ? list : record);
        const ref = { podcast: 'shipit', slug: '1' };
        let listed: boolean | Promise<boolean>;
        try {
          listed = await isBundled(read, ref);
        } catch (error) {
          expect(error).toBeInstanceOf(CorruptRecordError);
          listed = true;
        }
        const found = await lookupEpisode(read, ref, listed);
        expect(['corrupt', 'absent']).toContain(found.status);
        await unpackJson(record).catch((error: unknown) => expect(error).toBeInstanceOf(CorruptRecordError));
      }),
      fuzzParams,
    );
  });
});

describe('the archive index', () => {
  it('fails to load damaged files with an error the popup shows, without huge allocations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('meta', 'dict', 'lengths', 'docs'), damagedBytes()), async (files) => {
        const read = async (path: string) => {
          const name = path.split('/').pop()?.replace('.bin', '') ?? '';
          return files[name] ?? null;
        };
        const index = new ArchiveIndex(read);
        await expect(index.search('kubernetes clusters')).rejects.toBeInstanceOf(Error);
      }),
      fuzzParams,
    );
  });
});

describe('URLs', () => {
  it('parse without throwing, and every episode found round-trips', () => {
    const pathish = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.string(),
      fc
        .tuple(fc.constantFrom('shipit', 'friends', 'news', 'podcast', 'gotime', 'x'), fc.string())
        .map(([a, b]) => `https://changelog.com/${a}/${b}`),
    );
    fc.assert(
      fc.property(pathish, (url) => {
        const ref = parseEpisodeUrl(url);
        if (!ref) return;
        expect(parseEpisodeUrl(episodeUrl(ref))).toEqual(ref);
        expect(parseEpisodeKey(episodeKey(ref))).toEqual(ref);
        for (const link of [episodeUrl(ref), transcriptItemUrl(ref, 3), timeUrl(ref, 61)])
          expect(link).toMatch(/^https:\/\/changelog\.com\//);
      }),
      fuzzParams,
    );
  });
});

describe('search queries', () => {
  const search = EpisodeSearch.build(parseTranscriptMarkdown('**Ada:** Kubernetes clusters and eBPF.\n\n**Bob:** Pipelines, naïve café.'));

  it('never throw, whatever is typed, and highlighting keeps the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), transcriptText()), (query) => {
        const found = search.search(query);
        search.suggest(query);
        const text = `${query} Kubernetes clusters ${query}`;
        expect(
          highlight(text, found.terms)
            .map((part) => part.text)
            .join(''),
        ).toBe(text);
      }),
      fuzzParams,
    );
  });

  it('are answered the same after the idle warm-up, which copes with any transcript', () => {
    const before = search.search('kube clust');
    search.warm(parseTranscriptMarkdown('**Ada:** Kubernetes clusters and eBPF.\n\n**Bob:** Pipelines, naïve café.'));
    expect(search.search('kube clust')).toEqual(before);
    expect(before.items).toEqual([0]);
    for (const items of [[], parseTranscriptMarkdown('**A:** th th thinking')])
      expect(() => EpisodeSearch.build(items).warm(items)).not.toThrow();
  });
});

describe('the gzip layer', () => {
  it('refuses a stream that declares more than any bundle file inflates to, before inflating', async () => {
    const real = gzipSync(Buffer.from('{"ok":true}'));
    expect(await unpackJson(real)).toEqual({ ok: true });
    for (const declared of [real.length * MAX_INFLATION + 1, MAX_INFLATED_BYTES + 1, 0xffffffff]) {
      const forged = Buffer.from(real);
      forged.writeUInt32LE(declared >>> 0, forged.length - 4);
      expect(() => gunzip(forged, 'forged')).toThrow(/declares/);
    }
    expect(() => gunzip(new Uint8Array(4), 'short')).toThrow(CorruptRecordError);
  });

  it('checks the CRC and the length after inflating synchronously, as the packed-JSON path does', async () => {
    const text = Buffer.from('{"words":"every word said, stored as is"}');
    // Stored blocks (level 0): a changed byte of the text still inflates, to other text.
    const real = gzipSync(text, { level: 0 });
    expect(Buffer.from(gunzip(real, 'real'))).toEqual(text);
    const at = Buffer.from(real).indexOf('every');
    const changedText = Buffer.from(real);
    changedText[at] = 'E'.charCodeAt(0);
    const changedCrc = Buffer.from(real);
    changedCrc.writeUInt32LE((changedCrc.readUInt32LE(changedCrc.length - 8) ^ 1) >>> 0, changedCrc.length - 8);
    const longer = Buffer.from(real);
    longer.writeUInt32LE(text.length + 1, longer.length - 4);
    const shorter = Buffer.from(real);
    shorter.writeUInt32LE(text.length - 1, shorter.length - 4);
    for (const damaged of [changedText, changedCrc, longer, shorter]) {
      expect(() => gunzip(damaged, 'damaged')).toThrow(CorruptRecordError);
      // The browser's zlib, which large files go through, refuses them too.
      await expect(gunzipNative(damaged, 'damaged')).rejects.toThrow(CorruptRecordError);
    }
  });

  it('inflates natively to what fflate gives, and refuses the same forged sizes', async () => {
    expect(typeof DecompressionStream).toBe('function');
    const text = wordsText(60_000);
    const real = gzipSync(text);
    expect(Buffer.from(await gunzipNative(real, 'real'))).toEqual(text);
    expect(await unpackJson(gzipJson({ ok: [1, 'two'] }))).toEqual({ ok: [1, 'two'] });
    for (const declared of [real.length * MAX_INFLATION + 1, MAX_INFLATED_BYTES + 1, 0xffffffff]) {
      const forged = Buffer.from(real);
      forged.writeUInt32LE(declared >>> 0, forged.length - 4);
      await expect(gunzipNative(forged, 'forged')).rejects.toThrow(/declares/);
    }
    await expect(gunzipNative(new Uint8Array(4), 'short')).rejects.toThrow(CorruptRecordError);
  });

  it('refuses a native stream that runs past or stops short of its declared size, or is damaged', async () => {
    const text = wordsText(60_000);
    const real = gzipSync(text);
    for (const declared of [text.length - 1000, text.length + 1000]) {
      const forged = Buffer.from(real);
      forged.writeUInt32LE(declared, forged.length - 4);
      await expect(gunzipNative(forged, 'resized')).rejects.toThrow(/resized is not a gzip stream/);
    }
    // The bound holds even for a decoder that does not check the length itself.
    for (const [chunks, message] of [
      [20, /longer than it declares/],
      [1, /shorter than it declares/],
    ] as const) {
      vi.stubGlobal(
        'DecompressionStream',
        class extends TransformStream<Uint8Array, Uint8Array> {
          constructor() {
            super({
              transform: (_, output) => {
                for (let i = 0; i < chunks; i++) output.enqueue(new Uint8Array(64 << 10));
              },
            });
          }
        },
      );
      try {
        await expect(gunzipNative(real, 'lying')).rejects.toThrow(message);
      } finally {
        vi.unstubAllGlobals();
      }
    }
    const flipped = Buffer.from(real);
    flipped[40] = (flipped[40] as number) ^ 0xff;
    await expect(gunzipNative(flipped, 'flipped')).rejects.toThrow(CorruptRecordError);
    await expect(gunzipNative(real.subarray(0, real.length - 9), 'cut')).rejects.toThrow(CorruptRecordError);
  });

  it('falls back to fflate where the browser has no DecompressionStream', async () => {
    vi.stubGlobal('DecompressionStream', undefined);
    try {
      expect(await unpackJson(gzipJson({ ok: true }))).toEqual({ ok: true });
      await expect(gunzipNative(new Uint8Array(30), 'noise')).rejects.toThrow(CorruptRecordError);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('rejects damaged bytes natively with a CorruptRecordError only, and agrees with fflate on the rest', async () => {
    const large = gzipSync(wordsText(60_000));
    const damagedLarge = fc.oneof(
      fc.tuple(fc.nat(large.length - 1), fc.integer({ min: 1, max: 255 })).map(([at, flip]) => {
        const bytes = Uint8Array.from(large);
        bytes[at] = (bytes[at] as number) ^ flip;
        return bytes;
      }),
      fc.nat(large.length - 1).map((cut) => large.subarray(0, cut)),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(damagedBytes(), damagedLarge), async (bytes) => {
        const native = await gunzipNative(bytes, 'damaged').then(
          (inflated) => ({ inflated }),
          (error: unknown) => ({ error }),
        );
        if ('error' in native) expect(native.error).toBeInstanceOf(CorruptRecordError);
        else expect(native.inflated).toEqual(gunzip(bytes, 'damaged'));
      }),
      fuzzParams,
    );
  });
});
