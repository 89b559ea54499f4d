/**
 * Properties at every other boundary where outside data comes in: bundle records and show lists
 * (a corrupt package), the archive index's files, messages between the extension's parts, URLs,
 * and whatever a listener types into a search. None of them throws anything but the errors its
 * callers turn into a clear state, and what round-trips comes back unchanged.
 */
import fc from 'fast-check';
import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isContentEpisode, isContentSeeked, isContentToBackground, isPopupToContent, MAX_QUERY_LENGTH } from '@/lib/app/messages';
import { isBundled, lookupEpisode } from '@/lib/archive/lookup';
import { CorruptRecordError, gunzip, MAX_INFLATED_BYTES, MAX_INFLATION, unpackJson } from '@/lib/archive/package-file';
import { ArchiveIndex } from '@/lib/archive/query';
import { decodeRecord, encodeRecord } from '@/lib/archive/record';
import { decodeShowList } from '@/lib/archive/show-list';
import type { EpisodeParts } from '@/lib/model/episode';
import { EpisodeSearch } from '@/lib/model/episode-search';
import { highlight } from '@/lib/model/highlight';
import { episodeKey, episodeUrl, parseEpisodeKey, parseEpisodeUrl, timeUrl, transcriptItemUrl } from '@/lib/site/urls';
import { parseShowNotesMarkdown } from '@/pipeline/markdown/show-notes';
import { parseTranscriptMarkdown } from '@/pipeline/markdown/transcripts';
import { fuzzParams, transcriptText } from '../support/fuzz';

const gzipJson = (value: unknown) => gzipSync(strToU8(JSON.stringify(value)));

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
  it('round-trip any parsed transcript and show notes unchanged', () => {
    fc.assert(
      fc.property(podcast, slug, transcriptText(), transcriptText(), (show, name, transcript, notes) => {
        const parts: EpisodeParts = {
          podcast: show,
          slug: name,
          items: parseTranscriptMarkdown(transcript),
          notes: parseShowNotesMarkdown(notes),
        };
        const decoded = decodeRecord(JSON.parse(JSON.stringify(encodeRecord(parts))));
        expect({ ...decoded, transcriptStatus: undefined }).toEqual({ ...parts, transcriptStatus: undefined });
      }),
      fuzzParams,
    );
  });

  it('reject any damaged value with a CorruptRecordError, never anything else', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        for (const decode of [decodeRecord]) {
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
        try {
          unpackJson(record);
        } catch (error) {
          expect(error).toBeInstanceOf(CorruptRecordError);
        }
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

describe('messages', () => {
  it('are checked without throwing, whatever arrives', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        for (const guard of [isPopupToContent, isContentEpisode, isContentSeeked, isContentToBackground]) {
          expect(typeof guard(value)).toBe('boolean');
        }
      }),
      fuzzParams,
    );
  });

  it('accept exactly the well-formed ones', () => {
    fc.assert(
      fc.property(fc.double(), fc.string({ maxLength: MAX_QUERY_LENGTH + 20 }), (seconds, query) => {
        expect(isPopupToContent({ type: 'popup:seek', seconds })).toBe(Number.isFinite(seconds) && seconds >= 0);
        expect(isContentToBackground({ type: 'content:open-archive-search', query })).toBe(
          query.trim() !== '' && query.length <= MAX_QUERY_LENGTH,
        );
      }),
      fuzzParams,
    );
    expect(isPopupToContent({ type: 'popup:get-episode' })).toBe(true);
    expect(isPopupToContent({ type: 'popup:get-episode', extra: 1 })).toBe(false);
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
  it('refuses a stream that declares more than any bundle file inflates to, before inflating', () => {
    const real = gzipSync(Buffer.from('{"ok":true}'));
    expect(unpackJson(real)).toEqual({ ok: true });
    for (const declared of [real.length * MAX_INFLATION + 1, MAX_INFLATED_BYTES + 1, 0xffffffff]) {
      const forged = Buffer.from(real);
      forged.writeUInt32LE(declared >>> 0, forged.length - 4);
      expect(() => gunzip(forged, 'forged')).toThrow(/declares/);
    }
    expect(() => gunzip(new Uint8Array(4), 'short')).toThrow(CorruptRecordError);
  });
});
