// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { episodeRefFromUrl, isEpisodeDocument } from '@/lib/site/detect';
import { OWN_NON_EPISODE_PAGES, ownEpisodeFixtures } from '../support/own-fixtures';
import { hasSharedPages, needs, SHARED_NON_EPISODE_PAGES, SHARED_PAGES_DIR, sharedPageFixtures } from '../support/shared';

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('episode URLs', () => {
  it.each([
    ['https://changelog.com/shipit/26', { podcast: 'shipit', slug: '26' }],
    ['https://changelog.com/shipit/26/', { podcast: 'shipit', slug: '26' }],
    ['https://changelog.com/shipit/26#t=255', { podcast: 'shipit', slug: '26' }],
    ['https://changelog.com/friends/47?utm=x#transcript-12', { podcast: 'friends', slug: '47' }],
    ['https://changelog.com/jsparty/meet-rachel-white', { podcast: 'jsparty', slug: 'meet-rachel-white' }],
    ['https://changelog.com/bigtent/s1e4', { podcast: 'bigtent', slug: 's1e4' }],
    ['https://changelog.com/podcast/50', { podcast: 'podcast', slug: '50' }],
    ['https://changelog.com/news/181', { podcast: 'news', slug: '181' }],
  ])('%s is an episode', (url, ref) => {
    expect(episodeRefFromUrl(url)).toEqual(ref);
  });

  it.each([
    'https://changelog.com/',
    'https://changelog.com/shipit',
    'https://changelog.com/news',
    'https://changelog.com/person/gerhard',
    'https://changelog.com/topic/go',
    'https://changelog.com/shipit/feed',
    'https://changelog.com/podcast/popular',
    'https://changelog.com/gotime/archive',
    'https://changelog.com/news/submit',
    'https://changelog.com/shipit/26/chapters',
    'https://changelog.com/posts/some-post',
    'https://changelog.com/feed',
    'https://example.com/shipit/26',
    'https://changelog.com.evil.example/shipit/26',
    'javascript:alert(1)',
    'not a url',
  ])('%s is not an episode', (url) => {
    expect(episodeRefFromUrl(url)).toBeNull();
  });
});

describe(needs(hasSharedPages, 'detection on the shared fixtures'), () => {
  if (!hasSharedPages) it.skip('needs ../shared/fixtures', () => {});
  for (const fixture of sharedPageFixtures()) {
    it(`detects ${fixture.name}`, () => {
      // As the extension asks: the content script the URL, then the panel the page.
      expect(episodeRefFromUrl(fixture.truth.url)).toEqual({ podcast: fixture.truth.podcast, slug: fixture.truth.slug });
      expect(isEpisodeDocument(parseHtml(fixture.html))).toBe(true);
    });
  }
  for (const page of hasSharedPages ? SHARED_NON_EPISODE_PAGES : []) {
    it(`does not detect ${page.file}`, () => {
      const doc = parseHtml(readFileSync(join(SHARED_PAGES_DIR, page.file), 'utf8'));
      // Even under an episode-shaped URL, the DOM says no.
      expect(isEpisodeDocument(doc)).toBe(false);
    });
  }
});

describe('detection on our own fixtures', () => {
  for (const fixture of ownEpisodeFixtures()) {
    it(`detects ${fixture.name}`, () => {
      expect(episodeRefFromUrl(fixture.truth.url)).not.toBeNull();
      expect(isEpisodeDocument(parseHtml(fixture.html))).toBe(true);
    });
  }
  for (const page of OWN_NON_EPISODE_PAGES) {
    it(`does not detect ${page.url}`, () => {
      expect(isEpisodeDocument(parseHtml(page.html))).toBe(false);
    });
  }
});
