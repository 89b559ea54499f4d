import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEpisode } from '@/lib/model/build-episode';
import { deriveChapters } from '@/lib/model/chapters';
import { CHAPTERS_JSON_MAX_BYTES, fetchSiteChapters, parseChaptersJson } from '@/lib/site/chapters';
import { parseShowNotesMarkdown } from '@/pipeline/markdown/show-notes';
import { parseTranscriptMarkdown } from '@/pipeline/markdown/transcripts';
import { OWN_ARCHIVE_DIR } from '../support/own-fixtures';
import { CORPUS_DIR, hasCorpus, needs } from '../support/shared';

function archiveEpisode(root: string, transcript: string, notes: string) {
  return buildEpisode({
    podcast: 'shipit',
    slug: 'x',
    items: parseTranscriptMarkdown(readFileSync(join(root, 'transcripts', transcript), 'utf8')),
    notes: existsSync(join(root, 'show-notes', notes)) ? parseShowNotesMarkdown(readFileSync(join(root, 'show-notes', notes), 'utf8')) : [],
  });
}

describe('derived chapters', () => {
  it('split at breaks and take the notes headings when there is one per segment', () => {
    const episode = archiveEpisode(OWN_ARCHIVE_DIR, 'shipit/ship-it-990.md', 'shipit/ship-it-990.md');
    expect(episode.chapters.map((c) => [c.title, c.start, c.source])).toEqual([
      ['Grace Guest, boring pipelines', 0, 'derived'],
      ['Linus Listener, transcript search', 330, 'derived'],
      ['Margaret Maintainer, accessible tools', 680, 'derived'],
    ]);
    expect(episode.chapters.map((c) => c.firstItem)).toEqual([0, 7, 14]);
  });

  it('are named after the segment speakers and first words without matching notes', () => {
    const episode = archiveEpisode(OWN_ARCHIVE_DIR, 'shipit/ship-it-990.md', 'none.md');
    expect(episode.chapters.map((c) => c.title)).toEqual([
      'Grace Guest — Welcome to a fixture episode. This conversation…',
      'Linus Listener — We are back, and now I am…',
      'Margaret Maintainer — For the last part I am talking…',
    ]);
  });

  it('are not made for an episode without breaks', () => {
    const episode = archiveEpisode(OWN_ARCHIVE_DIR, 'friends/changelog--friends-990.md', 'none.md');
    expect(episode.chapters).toEqual([]);
    expect(deriveChapters([], [])).toEqual([]);
  });

  it.runIf(hasCorpus)(needs(hasCorpus, 'Ship It! #26 gets its four interviews as chapters'), () => {
    const episode = archiveEpisode(CORPUS_DIR, 'shipit/ship-it-26.md', 'shipit/ship-it-26.md');
    expect(episode.chapters.map((c) => c.title)).toEqual([
      'Liz Rice, Cilium',
      'Jared Watts & Dan Mangum, Crossplane',
      'David Ansari, first KubeCon talk',
      'Dan Lorenc, Chainguard',
    ]);
    const starts = episode.chapters.map((c) => c.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe('site chapters', () => {
  it('read the /chapters JSON, ignoring malformed entries', () => {
    expect(
      parseChaptersJson({ chapters: [{ title: 'B', startTime: 10, endTime: 20 }, { title: 'A', startTime: 0 }, { startTime: -1 }, 'x'] }),
    ).toEqual([
      { number: 2, title: 'A', start: 0, source: 'site' },
      { number: 1, title: 'B', start: 10, end: 20, source: 'site' },
    ]);
    expect(parseChaptersJson(null)).toEqual([]);
    expect(parseChaptersJson({ chapters: 'nope' })).toEqual([]);
  });
});

describe('the chapters endpoint', () => {
  const ref = { podcast: 'friends', slug: '47' };
  const json = (chapters: number, padding = 0) =>
    JSON.stringify({
      version: '1.0',
      chapters: Array.from({ length: chapters }, (_, i) => ({ title: `C${i}`, startTime: i * 60 })),
      padding: 'x'.repeat(padding),
    });

  /** A response streamed in 16 KB pieces, counting how many bytes the reader pulled. */
  function streamed(body: string, headers: Record<string, string> = {}) {
    const bytes = new TextEncoder().encode(body);
    const pulled = { bytes: 0 };
    let at = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        const piece = bytes.subarray(at, at + 16_384);
        at += piece.length;
        pulled.bytes += piece.length;
        controller.enqueue(piece);
      },
    });
    return { response: new Response(stream, { headers }), pulled };
  }

  it('asks the same site, without cookies or redirects, and reads its chapters', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const chapters = await fetchSiteChapters(ref, async (url, init) => {
      calls.push([String(url), init]);
      return streamed(json(3)).response;
    });
    expect(chapters.map((c) => c.start)).toEqual([0, 60, 120]);
    expect(calls).toEqual([['https://changelog.com/friends/47/chapters', { credentials: 'omit', redirect: 'error' }]]);
  });

  it('stops reading an answer larger than its cap, and gives no chapters', async () => {
    const big = json(3, 4 * CHAPTERS_JSON_MAX_BYTES);
    const { response, pulled } = streamed(big);
    expect(await fetchSiteChapters(ref, async () => response)).toEqual([]);
    // The cap, the piece that passed it and the one the stream queues ahead: not the megabyte sent.
    expect(pulled.bytes).toBeLessThanOrEqual(CHAPTERS_JSON_MAX_BYTES + 2 * 16_384);
    expect(pulled.bytes).toBeLessThan(big.length);
  });

  it('reads nothing of an answer that declares more than its cap', async () => {
    const { response, pulled } = streamed(json(3), { 'content-length': String(CHAPTERS_JSON_MAX_BYTES + 1) });
    expect(await fetchSiteChapters(ref, async () => response)).toEqual([]);
    expect(pulled.bytes).toBeLessThanOrEqual(16_384);
  });

  it('gives no chapters for an error, a failed request or malformed JSON', async () => {
    expect(await fetchSiteChapters(ref, async () => new Response('{}', { status: 404 }))).toEqual([]);
    expect(await fetchSiteChapters(ref, async () => Promise.reject(new TypeError('offline')))).toEqual([]);
    expect(await fetchSiteChapters(ref, async () => new Response('{"chapters": ['))).toEqual([]);
  });
});
