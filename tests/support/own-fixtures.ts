/**
 * Our own fixtures: episode pages rendered in the site's DOM shape from our own Markdown
 * (tests/fixtures/archive), with hand-written truth files (tests/fixtures/pages), and a few
 * non-episode pages. They keep the suite meaningful on a machine without ../shared.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEpisode } from '@/lib/model/build-episode';
import type { Episode } from '@/lib/model/episode';
import { parseShowNotesMarkdown } from '@/pipeline/markdown/show-notes';
import { parseTranscriptMarkdown } from '@/pipeline/markdown/transcripts';
import { OWN_FIXTURES_DIR, type PageFixture, type PageTruth } from './shared';
import { renderSitePage, type SitePageInput } from './site-page';

export const OWN_ARCHIVE_DIR = join(OWN_FIXTURES_DIR, 'archive');

function archive(kind: 'transcripts' | 'show-notes', path: string): string {
  return readFileSync(join(OWN_ARCHIVE_DIR, kind, path), 'utf8');
}

/** Ship It! #990 of our own archive as the panel gets it: transcript, show notes, length. */
export function ownShipIt990Episode(): Episode {
  return buildEpisode({
    podcast: 'shipit',
    slug: '990',
    number: 990,
    title: 'Boring pipelines, fast search, accessible tools',
    duration: 3840,
    items: parseTranscriptMarkdown(archive('transcripts', 'shipit/ship-it-990.md')),
    notes: parseShowNotesMarkdown(archive('show-notes', 'shipit/ship-it-990.md')),
  });
}

const SPONSORS = [
  {
    name: 'Fixture Cloud',
    url: 'https://example.com/cloud',
    description: 'Servers for fixture episodes. Learn more at example.com/cloud.',
  },
  { name: 'Example Monitoring', url: 'https://example.com/monitoring', description: 'Know when a test breaks before your listeners do.' },
];

/** The inputs of every own episode page, by fixture name. */
export function ownPageInputs(): Record<string, SitePageInput> {
  return {
    'shipit-990': {
      podcast: 'shipit',
      slug: '990',
      showName: 'Ship It!',
      number: 990,
      title: 'Boring pipelines, fast search, accessible tools',
      subtitle: 'Three interviews written for the test suite',
      minutes: 64,
      guests: [
        { name: 'Ada Host', handle: 'adahost' },
        { name: 'Grace Guest', handle: 'graceguest' },
        { name: 'Linus Listener', handle: 'linuslistener' },
        { name: 'Margaret Maintainer', handle: 'margaretmaintainer' },
      ],
      sponsors: SPONSORS,
      notesMarkdown: archive('show-notes', 'shipit/ship-it-990.md'),
      transcriptMarkdown: archive('transcripts', 'shipit/ship-it-990.md'),
    },
    'friends-990': {
      podcast: 'friends',
      slug: '990',
      showName: 'Changelog & Friends',
      number: 990,
      title: 'Six small topics',
      minutes: 40,
      guests: [
        { name: 'Jo Host', handle: 'johost' },
        { name: 'Sam Cohost', handle: 'samcohost' },
        { name: 'Kim Visitor', handle: 'kimvisitor' },
      ],
      notesMarkdown: archive('show-notes', 'friends/changelog--friends-990.md'),
      transcriptMarkdown: archive('transcripts', 'friends/changelog--friends-990.md'),
      chapters: [
        { title: 'Coffee first', start: 0, end: 367 },
        { title: 'Keyboards', start: 367, end: 674 },
        { title: 'Editors', start: 674, end: 981 },
        { title: 'Testing', start: 981, end: 1288 },
        { title: 'Databases', start: 1288, end: 1595 },
        { title: 'Weekends', start: 1595, end: 2400 },
      ],
    },
    'jsparty-meet-fixture': {
      podcast: 'jsparty',
      slug: 'meet-fixture',
      showName: 'JS Party',
      title: 'Meet the fixture',
      minutes: 2,
      notesMarkdown: archive('show-notes', 'jsparty/js-party-meet-fixture.md'),
      transcriptMarkdown: archive('transcripts', 'jsparty/js-party-meet-fixture.md'),
    },
    'podcast-9990-legacy': {
      podcast: 'podcast',
      slug: '9990',
      showName: 'The Changelog',
      number: 9990,
      title: 'An episode from before transcripts were written',
      minutes: 45,
      sponsors: SPONSORS.slice(0, 1),
      notesMarkdown: archive('show-notes', 'podcast/the-changelog-9990.md'),
      noTranscript: 'legacy',
    },
  };
}

/** Our episode fixtures, rendered, with their truth. */
export function ownEpisodeFixtures(): PageFixture[] {
  return Object.entries(ownPageInputs()).map(([name, input]) => ({
    name,
    html: renderSitePage(input),
    truth: JSON.parse(readFileSync(join(OWN_FIXTURES_DIR, 'pages', `${name}.truth.json`), 'utf8')) as PageTruth,
  }));
}

/** Pages of ours that are not episodes, each with the URL it stands for. */
export const OWN_NON_EPISODE_PAGES: { url: string; html: string }[] = [
  {
    url: 'https://changelog.com/',
    html: '<!DOCTYPE html><html><head><title>Changelog</title></head><body class="page-home"><main><h1>Software\'s best weekly news brief</h1></main></body></html>',
  },
  {
    url: 'https://changelog.com/topic/go',
    html: '<!DOCTYPE html><html><head><title>Go</title></head><body class="page-topic-show"><main><article class="episode"><h1 class="episode-header-title">A listed episode</h1></article></main></body></html>',
  },
  {
    url: 'https://changelog.com/shipit/feed',
    html: '<!DOCTYPE html><html><head><title>Feed</title></head><body><pre>not a page</pre></body></html>',
  },
];
