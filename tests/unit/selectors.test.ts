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

/** The play buttons a page has (see SELECTORS.playButton); our own pages set their own. */
type PlayButtons = (fixture: PageFixture) => number;
const SITE_PLAY_BUTTONS: PlayButtons = ({ truth }) => (truth.hasTranscript ? 2 : 1);
/** Our own pages stand in for one play button, the legacy one for none. */
const OWN_PLAY_BUTTONS: PlayButtons = ({ name }) => (name.includes('legacy') ? 0 : 1);

function checkEpisodePages(fixtures: PageFixture[], playButtons: PlayButtons) {
  for (const fixture of fixtures) {
    const { name, html, truth } = fixture;
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
        expect(count(doc, 'playButton')).toBe(playButtons(fixture));
        // Only some episodes have a subtitle.
        expect(count(doc, 'subtitle')).toBeLessThanOrEqual(1);
        // One guest avatar per featured person, named as the Featuring section names them.
        const featuring = sectionById(doc, 'featuring');
        const people = featuring ? selectAll(featuring, 'featuredPerson') : [];
        expect(count(doc, 'guestAvatars')).toBe(people.length);
        const names = (selectAll(doc, 'guestAvatars') as HTMLElement[]).map(
          (a) => a.title || a.getAttribute('aria-label') || a.textContent?.trim(),
        );
        for (const guest of names) expect(people.some((person) => person.textContent?.includes(guest ?? '\u0000'))).toBe(true);
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
        // A Featuring section lists at least one person, each with at least their profile link.
        const featuring = sectionById(doc, 'featuring');
        checked.add('sectionAnchor').add('section');
        if (featuring) expect(count(featuring, 'featuredPerson')).toBeGreaterThan(0);
        else expect(count(doc, 'guestAvatars')).toBe(0);
        for (const person of featuring ? selectAll(featuring, 'featuredPerson') : []) {
          expect(count(person, 'featuredLink')).toBeGreaterThanOrEqual(1);
          expect(one(person, 'featuredLink')?.getAttribute('href')).toMatch(/^(https?:\/\/changelog\.com)?\/person\/|^https?:/);
        }
        // Every episode page has its notes and transcript sections.
        expect(sectionById(doc, 'notes')).not.toBeNull();
        expect(sectionById(doc, 'transcript')).not.toBeNull();
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
  checkEpisodePages(sharedPageFixtures(), SITE_PLAY_BUTTONS);
  for (const { file, url } of hasSharedPages ? SHARED_NON_EPISODE_PAGES : []) {
    it(`${file} (${url}) is not an episode page`, () => {
      const doc = parse(readFileSync(join(SHARED_PAGES_DIR, file), 'utf8'));
      expect(count(doc, 'episodeBody')).toBe(0);
    });
  }
});

describe('selectors on our own fixture pages', () => {
  checkEpisodePages(ownEpisodeFixtures(), OWN_PLAY_BUTTONS);
  for (const { url, html } of OWN_NON_EPISODE_PAGES) {
    it(`${url} is not an episode page`, () => {
      expect(count(parse(html), 'episodeBody')).toBe(0);
    });
  }
});

describe('fallbacks', () => {
  // Every fixture matches each list's first candidate; markup that drifts to a later one must
  // still be found (select and selectAll try each candidate in turn).
  const cases: [SelectorName, string, number][] = [
    ['guestAvatars', '<div class="avatar_list"><a href="/person/ada">A</a><a href="/person/bob">B</a></div>', 2],
    ['episodeArticle', '<main><article><h1>T</h1></article></main>', 1],
    ['title', '<article class="episode"><h1>T</h1></article>', 1],
    ['sponsorLink', '<p><a rel="sponsored" href="https://x.example/">X</a></p>', 1],
    ['chapterRow', '<table><thead><tr data-chapter="1"><td>1</td></tr><tr data-chapter="2"><td>2</td></tr></thead></table>', 2],
    ['playerCurrent', '<div class="js-player-current">0:00</div>', 1],
    ['itemTraces', '<div class="transcript-item-x"></div><div class="transcript-item-y"></div>', 2],
    ['sectionBody', '<div class="section_body">x</div>', 1],
  ];
  for (const [name, html, expected] of cases) {
    it(`${name} finds markup that only a later candidate matches`, () => {
      const doc = parse(`<body>${html}</body>`);
      expect(doc.querySelector(SELECTORS[name][0])).toBeNull();
      expect(count(doc, name)).toBe(expected);
      expect(one(doc, name)).not.toBeNull();
    });
  }

  it('sectionById finds a section by a bare id, and takes only plain ids', () => {
    const doc = parse('<body><section><h2 id="sponsors">Sponsors</h2><p>x</p></section></body>');
    expect(sectionById(doc, 'sponsors')?.tagName).toBe('SECTION');
    expect(sectionById(doc, 'sponsors, body')).toBeNull();
  });
});

describe('the selector list', () => {
  it('has every selector checked by a test above', () => {
    expect(Object.keys(SELECTORS).filter((name) => !checked.has(name as SelectorName))).toEqual([]);
  });
});
