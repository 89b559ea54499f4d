import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEpisode } from '@/lib/model/build-episode';
import { parseChaptersJson } from '@/lib/site/chapters';
import { archivePath, episodeFromArchivePath, parseEpisodeUrl } from '@/lib/site/urls';
import { parseShowNotesMarkdown } from '@/pipeline/markdown/show-notes';
import { parseTranscriptMarkdown } from '@/pipeline/markdown/transcripts';
import { OWN_ARCHIVE_DIR, ownEpisodeFixtures } from '../support/own-fixtures';
import {
  CORPUS_DIR,
  hasCorpus,
  hasSharedPages,
  needs,
  OWN_FIXTURES_DIR,
  type PageTruth,
  SHARED_PAGES_DIR,
  sharedPageFixtures,
} from '../support/shared';
import { truthOf, truthView } from '../support/truth';

function readIfThere(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

interface ArchiveCase {
  name: string;
  truth: PageTruth;
  corpus: string;
  chaptersJson?: string;
}

function checkArchiveAgainstTruth(cases: ArchiveCase[]) {
  for (const { name, truth, corpus, chaptersJson } of cases) {
    it(`${name}: transcript and show notes from the archive agree with the truth`, () => {
      const ref = parseEpisodeUrl(truth.url);
      expect(ref).not.toBeNull();
      if (!ref) return;
      const transcript = readIfThere(join(corpus, 'transcripts', archivePath(ref)));
      const notes = readIfThere(join(corpus, 'show-notes', archivePath(ref)));
      expect(transcript !== undefined).toBe(truth.hasTranscript);
      const chapters = chaptersJson ? readIfThere(chaptersJson) : undefined;
      const episode = buildEpisode({
        ...ref,
        items: transcript ? parseTranscriptMarkdown(transcript) : [],
        notes: notes ? parseShowNotesMarkdown(notes) : [],
        chapters: chapters ? parseChaptersJson(JSON.parse(chapters)) : [],
      });
      // Sponsors live only on the page, never in the archive.
      const { sponsors: _sponsors, ...expected } = truthOf(truth);
      const { sponsors: _none, ...actual } = truthView(episode);
      expect(actual).toEqual(expected);
    });
  }
}

describe(needs(hasCorpus && hasSharedPages, 'archive Markdown parsers against the shared truth files'), () => {
  if (!hasCorpus || !hasSharedPages) it.skip('needs ../shared', () => {});
  checkArchiveAgainstTruth(
    sharedPageFixtures().map((fixture) => ({
      name: fixture.name,
      truth: fixture.truth,
      corpus: CORPUS_DIR,
      chaptersJson: join(SHARED_PAGES_DIR, `${fixture.name}.chapters.json`),
    })),
  );
});

describe('archive Markdown parsers against our own truth files', () => {
  checkArchiveAgainstTruth(
    ownEpisodeFixtures().map((fixture) => ({
      name: fixture.name,
      truth: fixture.truth,
      corpus: OWN_ARCHIVE_DIR,
      chaptersJson: join(OWN_FIXTURES_DIR, 'pages', `${fixture.name}.chapters.json`),
    })),
  );
});

describe('archive file names ↔ episode URLs', () => {
  it.each([
    ['shipit/ship-it-26.md', 'shipit', '26'],
    ['jsparty/js-party-meet-rachel-white.md', 'jsparty', 'meet-rachel-white'],
    ['bigtent/big-tent-s1e4.md', 'bigtent', 's1e4'],
    ['friends/changelog--friends-47.md', 'friends', '47'],
    ['podcast/the-changelog-bonus-sustainoss.md', 'podcast', 'bonus-sustainoss'],
    ['podcast/changelog-interviews-534.md', 'podcast', '534'],
    ['gotime/go-time-201.md', 'gotime', '201'],
    ['practicalai/practical-ai-200.md', 'practicalai', '200'],
    ['news/changelog-news-100.md', 'news', '100'],
    ['founderstalk/founders-talk-founders-talk-is-back.md', 'founderstalk', 'founders-talk-is-back'],
    ['brainscience/brain-science-perfect.md', 'brainscience', 'perfect'],
    ['backstage/backstage-1.md', 'backstage', '1'],
    ['rfc/request-for-commits-behind-season-one.md', 'rfc', 'behind-season-one'],
    ['spotlight/spotlight-11.md', 'spotlight', '11'],
    ['afk/away-from-keyboard-away-at-oscon.md', 'afk', 'away-at-oscon'],
  ])('%s is /%s/%s', (path, podcast, slug) => {
    expect(episodeFromArchivePath(path)).toEqual({ podcast, slug });
  });

  it('maps back to the same file for canonical names', () => {
    expect(archivePath({ podcast: 'jsparty', slug: 'meet-rachel-white' })).toBe('jsparty/js-party-meet-rachel-white.md');
    expect(archivePath({ podcast: 'bigtent', slug: 's1e4' })).toBe('bigtent/big-tent-s1e4.md');
  });

  it('rejects files of unknown shows or without the show prefix', () => {
    expect(episodeFromArchivePath('unknown/foo-1.md')).toBeNull();
    expect(episodeFromArchivePath('shipit/go-time-1.md')).toBeNull();
    expect(episodeFromArchivePath('shipit/README.md')).toBeNull();
  });
});
