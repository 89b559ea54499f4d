/**
 * The transcript panel end to end, in Chromium and Firefox, on the shared fixtures (when present)
 * and our own: counts and speakers agree with the truth files, filters, search, seeks reaching the
 * site's stand-in player, follow-along, key isolation, the bundle's role, and lifecycle.
 */
import { expect, it } from 'vitest';
import { ownEpisodeFixtures } from '../support/own-fixtures';
import { hasSharedPages, type PageFixture, sharedPageFixtures } from '../support/shared';
import {
  currentItem,
  HOST,
  panelAttribute,
  panelText,
  playerSeeks,
  resultCount,
  speakerNames,
  trustedClickInPanel,
  typeInSearch,
  waitForInPanel,
  waitForPanel,
} from './support/panel';
import { describeInBrowsers } from './support/suite';

const withTranscript = (fixtures: PageFixture[]) => fixtures.filter((fixture) => fixture.truth.hasTranscript);
const fixtures = [...withTranscript(ownEpisodeFixtures()), ...(hasSharedPages ? withTranscript(sharedPageFixtures()) : [])];
const withoutTranscript = [...ownEpisodeFixtures(), ...(hasSharedPages ? sharedPageFixtures() : [])].filter((f) => !f.truth.hasTranscript);

/** A word each episode says, and a misspelling of it that must still be found. */
const WORDS: Record<string, [string, string]> = {
  'shipit-990': ['pipelines', 'pipelnes'],
  'friends-990': ['keyboards', 'keybords'],
  'shipit-26': ['Cilium', 'Cillium'],
  'friends-47': ['Nuclei', 'Nucei'],
};

describeInBrowsers('transcript panel', (suite) => {
  for (const fixture of fixtures) {
    it(`${fixture.name}: items, speakers and each speaker's turns agree with the truth`, async () => {
      const page = await suite.openWithPanel(fixture.truth.url);
      expect(await resultCount(page)).toBe(fixture.truth.segments);
      expect(await page.evaluate(() => document.querySelectorAll('a[id^="transcript-"]').length)).toBe(fixture.truth.segments);
      expect(await speakerNames(page)).toEqual(fixture.truth.speakers);
      for (const speaker of fixture.truth.speakers) {
        await trustedClickInPanel(page, `[data-testid=speaker][data-speaker="${speaker}"]`);
        expect(await resultCount(page), speaker).toBe(fixture.truth.turnsBySpeaker[speaker]);
        await trustedClickInPanel(page, `[data-testid=speaker][data-speaker="${speaker}"]`);
      }
      expect(await resultCount(page)).toBe(fixture.truth.segments);
      expect(page.errors).toEqual([]);
    });
  }

  for (const fixture of fixtures.filter((f) => WORDS[f.name])) {
    const [word, typo] = WORDS[fixture.name] as [string, string];
    it(`${fixture.name}: search finds "${word}" and the misspelt "${typo}"`, async () => {
      const page = await suite.openWithPanel(fixture.truth.url);
      await typeInSearch(page, word);
      await waitForInPanel(page, 'mark');
      const found = await resultCount(page);
      expect(found).toBeGreaterThan(0);
      await typeInSearch(page, typo);
      await waitForInPanel(page, 'mark');
      expect(await resultCount(page)).toBeGreaterThan(0);
      expect(page.errors).toEqual([]);
    });
  }

  it('a chapter click and a seek click make the site player seek to the right second', async () => {
    const url = hasSharedPages ? 'https://changelog.com/friends/47' : 'https://changelog.com/friends/990';
    const page = await suite.openWithPanel(url);
    const second = await page.evaluate(
      (host) => Number(document.querySelector(host)?.shadowRoot?.querySelectorAll('[data-testid=chapter]')[1]?.getAttribute('data-start')),
      HOST,
    );
    await trustedClickInPanel(page, 'li:nth-child(1) [data-testid=chapter]');
    await trustedClickInPanel(page, 'li:nth-child(2) [data-testid=chapter]');
    await page.waitFor(
      (expected) => ((window as unknown as { __sitePlayerSeeks?: number[] }).__sitePlayerSeeks ?? []).includes(expected),
      Math.floor(second),
    );
    // The first chapter starts at 0, which the site ignores; the panel asks for a hundredth.
    expect((await playerSeeks(page)).slice(-2)).toEqual([0.01, Math.floor(second)]);
    expect(page.errors).toEqual([]);
  });

  it("asks the site's chapters endpoint when the page's Chapters table cannot be read", async () => {
    const page = await suite.openWithPanel('https://changelog.com/friends/990?fixture=no-chapter-table');
    expect(await page.evaluate(() => document.querySelectorAll('#chapters ~ * table, table').length)).toBe(0);
    await page.waitFor((host) => document.querySelector(host)?.shadowRoot?.querySelector('[data-testid=chapter]'), HOST);
    const chapters = await page.evaluate(
      (host) =>
        [...(document.querySelector(host)?.shadowRoot?.querySelectorAll('[data-testid=chapter]') ?? [])].map((chapter) =>
          Number(chapter.getAttribute('data-start')),
        ),
      HOST,
    );
    // The endpoint's six chapters (tests/fixtures/pages/friends-990.chapters.json), not ones derived from the transcript.
    expect(chapters).toEqual([0, 367, 674, 981, 1288, 1595]);
    expect(page.errors).toEqual([]);
  });

  it('seeking an item plays it, marks it as playing, and works twice in a row', async () => {
    const [url, index, seconds] = hasSharedPages
      ? ['https://changelog.com/shipit/26', 2, 255]
      : ['https://changelog.com/shipit/990', 2, 70];
    const page = await suite.openWithPanel(url);
    const seek = `[data-testid=segment][data-index="${index}"] [data-testid=seek]`;
    expect(
      await page.evaluate(({ host, seek }) => document.querySelector(host)?.shadowRoot?.querySelector(seek)?.getAttribute('data-start'), {
        host: HOST,
        seek,
      }),
    ).toBe(String(seconds));
    await trustedClickInPanel(page, seek);
    await page.waitFor((s) => ((window as unknown as { __sitePlayerSeeks?: number[] }).__sitePlayerSeeks ?? []).includes(s), seconds);
    await page.waitFor(
      ({ host, index }) =>
        document
          .querySelector(host)
          ?.shadowRoot?.querySelector(`[data-testid=segment][data-index="${index}"]`)
          ?.getAttribute('aria-current') === 'true',
      { host: HOST, index },
    );
    expect(await currentItem(page)).toBe(index);
    // The same seek again: the hash would not change, so the panel writes it the other way.
    await trustedClickInPanel(page, seek);
    await page.waitFor(
      (s) => ((window as unknown as { __sitePlayerSeeks?: number[] }).__sitePlayerSeeks ?? []).filter((t) => t === s).length >= 2,
      seconds,
    );
    expect(page.errors).toEqual([]);
  });

  it('follows the play head as the site player plays', async () => {
    const page = await suite.openWithPanel('https://changelog.com/shipit/990');
    await page.evaluate(() => (window as unknown as { __sitePlayerPlay: (s: number) => void }).__sitePlayerPlay(700));
    await page.waitFor(
      (host) =>
        document.querySelector(host)?.shadowRoot?.querySelector('[data-testid=segment][data-index="14"]')?.getAttribute('aria-current') ===
        'true',
      HOST,
    );
    expect(
      await page.evaluate(
        (host) =>
          document.querySelector(host)?.shadowRoot?.querySelector('[data-testid=chapter][aria-current="true"]')?.getAttribute('data-start'),
        HOST,
      ),
    ).toBe('680');
  });

  it('keys typed in the panel never reach the site hotkeys; `/` focuses the search', async () => {
    const page = await suite.openWithPanel('https://changelog.com/shipit/990');
    await page.evaluate(() => {
      const w = window as unknown as { __keys: string[] };
      w.__keys = [];
      document.addEventListener('keydown', (event) => w.__keys.push(event.key));
    });
    await typeInSearch(page, ' s+-');
    await page.press('Escape');
    const keys = await page.evaluate(() => ({
      page: (window as unknown as { __keys: string[] }).__keys,
      site: (window as unknown as { __siteHotkeys?: string[] }).__siteHotkeys ?? [],
    }));
    expect(keys).toEqual({ page: [], site: [] });
    // Outside the panel the site's keys still work, and `/` jumps to the search.
    await page.evaluate((host) => (document.querySelector(host)?.shadowRoot?.activeElement as HTMLElement | null)?.blur(), HOST);
    await page.press('s');
    await page.press('/');
    expect(await page.evaluate(() => (window as unknown as { __siteHotkeys?: string[] }).__siteHotkeys ?? [])).toEqual(['s']);
    await page.waitFor((host) => document.querySelector(host)?.shadowRoot?.activeElement?.getAttribute('data-testid') === 'search', HOST);
  });

  for (const fixture of withoutTranscript) {
    it(`${fixture.name}: says the transcript is not available yet, without errors`, async () => {
      const page = await suite.openWithPanel(fixture.truth.url);
      const note = await panelText(page, '[data-testid=no-transcript]');
      expect(note).toMatch(/transcript/i);
      expect(page.errors).toEqual([]);
    });
  }

  it.runIf(hasSharedPages)('lists every item from the bundle when the page has none in its DOM', async () => {
    const page = await suite.openWithPanel('https://changelog.com/shipit/26?fixture=no-items');
    expect(await page.evaluate(() => document.querySelectorAll('a[id^="transcript-"]').length)).toBe(0);
    expect(await resultCount(page)).toBe(217);
    expect(await panelAttribute(page, '[data-testid=source-note]', 'data-source')).toBe('bundle');
    expect(page.errors).toEqual([]);
  });

  it.runIf(hasSharedPages)("uses the page's transcript when it is newer than the bundle, and says so", async () => {
    const page = await suite.openWithPanel('https://changelog.com/shipit/26?fixture=extra-item');
    expect(await resultCount(page)).toBe(218);
    const note = await panelText(page, '[data-testid=source-note]');
    expect(note).toMatch(/218 items here, 217 bundled/);
  });

  it('copies a deep link and a Markdown quote to the clipboard', async () => {
    const page = await suite.openWithPanel('https://changelog.com/shipit/990');
    await trustedClickInPanel(page, '[data-testid=segment][data-index="2"] [data-testid=copy-link]');
    await page.waitFor(async () => (await navigator.clipboard.readText()).includes('#transcript-2'));
    expect(await page.readClipboard()).toBe('https://changelog.com/shipit/990#transcript-2');
    await trustedClickInPanel(page, '[data-testid=segment][data-index="2"] [data-testid=copy-quote]');
    await page.waitFor(async () => (await navigator.clipboard.readText()).startsWith('>'));
    expect(await page.readClipboard()).toBe(
      "> Let's start with the basics. What does a good pipeline look like to you?\n\n— Ada Host, [Ship It! #990 at 1:10](https://changelog.com/shipit/990#t=70)",
    );
    expect(page.errors).toEqual([]);
  });

  it("scrolls the page's own transcript to a turn", async () => {
    const page = await suite.openWithPanel('https://changelog.com/shipit/990');
    await page.setViewport(1000, 700);
    await trustedClickInPanel(page, '[data-testid=segment][data-index="5"] [aria-label^="Show"]');
    await page.waitFor(() => {
      const box = document.getElementById('transcript-5')?.nextElementSibling?.getBoundingClientRect();
      return box && box.top >= 0 && box.bottom <= window.innerHeight;
    });
  });

  it('remembers a collapsed panel on the next episode page', async () => {
    const page = await suite.openWithPanel('https://changelog.com/shipit/990');
    await trustedClickInPanel(page, '.panel-toggle');
    await page.waitFor((host) => !document.querySelector(host)?.shadowRoot?.querySelector('[data-testid=search]'), HOST);
    await page.goto('https://changelog.com/friends/990');
    await waitForInPanel(page, '.panel-toggle[aria-expanded="false"]');
    await trustedClickInPanel(page, '.panel-toggle');
    await waitForInPanel(page, '[data-testid=search]');
  });

  it('fits a 320 px wide window without horizontal scrolling', async () => {
    const page = await suite.newPage();
    await page.setViewport(320, 700);
    await page.goto('https://changelog.com/shipit/990');
    await waitForPanel(page);
    const overflow = await page.evaluate((host) => {
      const panel = document.querySelector(host)?.shadowRoot?.querySelector('.panel') as HTMLElement;
      return panel.scrollWidth - panel.clientWidth;
    }, HOST);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('keeps one panel across back/forward navigation', async () => {
    const page = await suite.openWithPanel('https://changelog.com/shipit/990');
    await page.goto('https://changelog.com/');
    await page.evaluate(() => history.back());
    await waitForPanel(page);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await page.evaluate((host) => document.querySelectorAll(host).length, HOST)).toBe(1);
    expect(await resultCount(page)).toBe(20);
  });

  it('stops cleanly when the extension is reloaded under a live page', async () => {
    const page = await suite.openWithPanel('https://changelog.com/shipit/990');
    const before = await page.evaluate((host) => document.querySelector<HTMLElement>(host)?.dataset.instance, HOST);
    expect(before).toBeTruthy();
    await suite.browser.reloadExtension();
    // The old panel goes; Firefox injects the new version into open tabs, Chromium does not.
    await page.waitFor(
      ({ host, before }) => ![...document.querySelectorAll<HTMLElement>(host)].some((el) => el.dataset.instance === before),
      { host: HOST, before },
      15_000,
    );
    expect(await page.evaluate((host) => document.querySelectorAll(host).length, HOST)).toBeLessThanOrEqual(1);
    expect(page.errors).toEqual([]);
  });
});
