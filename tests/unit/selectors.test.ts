// @vitest-environment happy-dom
/**
 * What every selector of lib/site/selectors.ts matches on every fixture page, shared and our own,
 * against the pages' truth: when the site changes, this says which selector stopped matching
 * and on which page. Every selector must be checked here (the last test).
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemAnchorId, itemIndexOfAnchor, SELECTORS, type SelectorName, sectionById, select, selectAll } from '@/lib/site/selectors';
import { OWN_NON_EPISODE_PAGES, ownEpisodeFixtures } from '../support/own-fixtures';
import { hasSharedPages, type PageFixture, SHARED_NON_EPISODE_PAGES, SHARED_PAGES_DIR, sharedPageFixtures } from '../support/shared';

const checked = new Set<SelectorName>();
const count = (root: ParentNode | null, name: SelectorName): number => {
  checked.add(name);
  return root ? selectAll(root, name).length : 0;
};
const one = (root: ParentNode | null, name: SelectorName): Element | null => {
  checked.add(name);
  return root ? select(root, name) : null;
};

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function checkEpisodePages(fixtures: PageFixture[]) {
  for (const { name, html, truth } of fixtures) {
    describe(name, () => {
      const doc = parse(html);
      it('is an episode page with its title, show and player', () => {
        expect(count(doc, 'episodeBody')).toBe(1);
        expect(count(doc, 'episodeArticle')).toBeGreaterThanOrEqual(1);
        expect(one(doc, 'title')?.textContent?.trim()).toBe(truth.title);
        expect(one(doc, 'showTitle')?.textContent?.trim()).not.toBe('');
        expect(count(doc, 'summary')).toBeGreaterThanOrEqual(1);
        expect(count(doc, 'summaryMeta')).toBeGreaterThanOrEqual(1);
        expect(count(doc, 'player')).toBe(1);
        expect(count(doc, 'playerCurrent')).toBe(1);
        expect(count(doc, 'playerScrubber')).toBe(1);
        // Our own fixture pages stand in for the player UI but not the play button.
        expect(count(doc, 'playButton')).toBeGreaterThanOrEqual(0);
        // Only some episodes have a subtitle or guests: these match at most what there is.
        expect(count(doc, 'subtitle')).toBeLessThanOrEqual(1);
        expect(count(doc, 'guestAvatars')).toBeGreaterThanOrEqual(0);
      });

      it(`finds its ${truth.segments} transcript items, their speakers and text`, () => {
        const transcript = one(doc, 'transcript');
        // Every item, plus up to two: the site's "Changelog" items that open and close the list (no anchor).
        for (const name of ['itemSpeakerName', 'itemText'] as const) {
          expect(count(transcript, name)).toBeGreaterThanOrEqual(truth.segments);
          expect(count(transcript, name)).toBeLessThanOrEqual(truth.segments + 2);
        }
        const traces = transcript ? selectAll(doc, 'itemTraces').filter((trace) => !trace.closest('.transcript-item--break')) : [];
        checked.add('itemTraces');
        expect(traces.length > 0).toBe(truth.segments > 0);
        const note = one(sectionById(doc, 'transcript'), 'transcriptNote')?.textContent ?? '';
        if (!truth.hasTranscript) expect(note).toMatch(/Legacy|Coming Soon/i);
        const anchors = [...doc.querySelectorAll('a[id^="transcript-"]')].map((a) => itemIndexOfAnchor(a.id));
        expect(anchors.filter((index) => index !== null)).toHaveLength(truth.segments);
        if (truth.segments > 0) expect(doc.getElementById(itemAnchorId(truth.segments - 1))).not.toBeNull();
      });

      it('reads its sponsors and featured people from their sections', () => {
        const sponsors = sectionById(doc, 'sponsors');
        expect(count(sponsors, 'sponsorParagraph')).toBeGreaterThanOrEqual(truth.sponsors.length);
        const names = sponsors
          ? selectAll(sponsors, 'sponsorParagraph').map((p) => {
              const name = one(p, 'sponsorName');
              return (one(p, 'sponsorLink') ?? name)?.textContent?.trim();
            })
          : [];
        expect(names.filter(Boolean)).toEqual(truth.sponsors);
        const featuring = sectionById(doc, 'featuring');
        for (const person of featuring ? selectAll(featuring, 'featuredPerson') : [])
          expect(count(person, 'featuredLink')).toBeGreaterThanOrEqual(0);
        expect(count(featuring, 'featuredPerson')).toBeGreaterThanOrEqual(0);
      });

      it('reads the chapters table where the page has one', () => {
        const table = sectionById(doc, 'chapters');
        checked.add('chapterRow');
        const rows = table ? selectAll(table, 'chapterRow').filter((row) => !row.closest('thead')) : [];
        expect(rows.length).toBe(table ? truth.chapters.length : 0);
        for (const row of rows) {
          expect(count(row, 'chapterCell')).toBeGreaterThanOrEqual(3);
          expect(one(row, 'chapterStart')?.getAttribute('href')).toMatch(/^#t=/);
          expect(count(row, 'chapterLink')).toBeLessThanOrEqual(1);
        }
        checked.add('chapterLink');
      });

      it('names image links by their alt text inside the notes', () => {
        const notes = sectionById(doc, 'notes');
        const body = notes ? one(notes, 'sectionBody') : null;
        if (truth.notesLinks.length > 0) expect(body).not.toBeNull();
        for (const link of body?.querySelectorAll('a') ?? [])
          if (one(link, 'linkImage')) expect(one(link, 'linkImage')?.getAttribute('alt')).not.toBe('');
        checked.add('linkImage');
      });
    });
  }
}

describe('selectors on the shared changelog.com pages', () => {
  if (!hasSharedPages) it.skip('needs ../shared/fixtures (skipped: not found beside the project)', () => {});
  checkEpisodePages(sharedPageFixtures());
  for (const { file, url } of hasSharedPages ? SHARED_NON_EPISODE_PAGES : []) {
    it(`${file} (${url}) is not an episode page`, () => {
      const doc = parse(readFileSync(join(SHARED_PAGES_DIR, file), 'utf8'));
      expect(count(doc, 'episodeBody')).toBe(0);
    });
  }
});

describe('selectors on our own fixture pages', () => {
  checkEpisodePages(ownEpisodeFixtures());
  for (const { url, html } of OWN_NON_EPISODE_PAGES) {
    it(`${url} is not an episode page`, () => {
      expect(count(parse(html), 'episodeBody')).toBe(0);
    });
  }
});

describe('the selector list', () => {
  it('has every selector checked by a test above', () => {
    expect(Object.keys(SELECTORS).filter((name) => !checked.has(name as SelectorName))).toEqual([]);
  });
});
