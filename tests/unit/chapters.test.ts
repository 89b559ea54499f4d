import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEpisode } from '@/lib/model/build-episode';
import { chapterAt, deriveChapters } from '@/lib/model/chapters';
import { parseChaptersJson } from '@/lib/site/chapters';
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

  it('find the chapter at a time', () => {
    const chapters = parseChaptersJson({
      chapters: [
        { title: 'A', startTime: 0 },
        { title: 'B', startTime: 100 },
      ],
    });
    expect(chapterAt(chapters, 50)?.title).toBe('A');
    expect(chapterAt(chapters, 100)?.title).toBe('B');
  });
});
