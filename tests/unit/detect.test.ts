// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectEpisode, episodeRefFromUrl, isEpisodeDocument } from '@/lib/site/detect';
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
      expect(detectEpisode(fixture.truth.url, parseHtml(fixture.html))).toEqual({
        podcast: fixture.truth.podcast,
        slug: fixture.truth.slug,
      });
    });
  }
  for (const page of hasSharedPages ? SHARED_NON_EPISODE_PAGES : []) {
    it(`does not detect ${page.file}`, () => {
      const doc = parseHtml(readFileSync(join(SHARED_PAGES_DIR, page.file), 'utf8'));
      expect(isEpisodeDocument(doc)).toBe(false);
      expect(detectEpisode(page.url, doc)).toBeNull();
      // Even under an episode-shaped URL, the DOM says no.
      expect(detectEpisode('https://changelog.com/shipit/26', doc)).toBeNull();
    });
  }
});

describe('detection on our own fixtures', () => {
  for (const fixture of ownEpisodeFixtures()) {
    it(`detects ${fixture.name}`, () => {
      expect(detectEpisode(fixture.truth.url, parseHtml(fixture.html))).not.toBeNull();
    });
  }
  for (const page of OWN_NON_EPISODE_PAGES) {
    it(`does not detect ${page.url}`, () => {
      expect(detectEpisode(page.url, parseHtml(page.html))).toBeNull();
      expect(detectEpisode('https://changelog.com/shipit/26', parseHtml(page.html))).toBeNull();
    });
  }
});
