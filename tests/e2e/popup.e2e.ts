/**
 * The popup end to end, in Chromium and Firefox: opened as `popup.html?episode=…` (straight from
 * the bundle) and as `popup.html?tab=…` (the episode page's tab, as if active). Sections and links
 * agree with the truth files; copying puts the expected Markdown on the clipboard; the seek button
 * reaches the page's player.
 */
import { expect, it } from 'vitest';
import { ownEpisodeFixtures } from '../support/own-fixtures';
import { hasSharedPages, type PageFixture, sharedPageFixtures } from '../support/shared';
import { type TestPage, trustedClick } from './support/browsers';
import { waitForPanel } from './support/panel';
import { describeInBrowsers } from './support/suite';

interface PopupView {
  sections: { title: string; links: [string, string][] }[];
  sponsors: string[];
}

function readPopup(page: TestPage): Promise<PopupView> {
  return page.evaluate(() => ({
    sections: [...document.querySelectorAll('[data-testid=notes-section]')].map((section) => ({
      title: section.getAttribute('data-title') ?? '',
      links: [...section.querySelectorAll<HTMLAnchorElement>('a[data-testid=link]')].map((a): [string, string] => [
        a.textContent ?? '',
        a.getAttribute('href') ?? '',
      ]),
    })),
    sponsors: [...document.querySelectorAll('[data-testid=sponsor]')].map((li) => li.querySelector('a, strong')?.textContent ?? ''),
  }));
}

function expectAgreesWithTruth(view: PopupView, fixture: PageFixture, fromPage: boolean) {
  expect(view.sections.filter((s) => s.title !== '').map((s) => s.title)).toEqual(fixture.truth.notesSections);
  expect(view.sections.flatMap((s) => s.links)).toEqual(fixture.truth.notesLinks);
  if (fromPage) expect(view.sponsors).toEqual(fixture.truth.sponsors);
}

describeInBrowsers('popup', (suite) => {
  for (const fixture of hasSharedPages ? sharedPageFixtures() : []) {
    it(`popup.html?episode=${fixture.truth.podcast}/${fixture.truth.slug} lists the notes' sections and links from the bundle`, async () => {
      const popup = await suite.openExtensionPage(`popup.html?episode=${fixture.truth.podcast}/${fixture.truth.slug}`);
      await popup.waitFor(() => document.querySelector('[data-testid=episode-title], [data-testid=unavailable]'));
      expectAgreesWithTruth(await readPopup(popup), fixture, false);
      expect(popup.errors).toEqual([]);
    });
  }

  for (const fixture of ownEpisodeFixtures()) {
    it(`${fixture.name}: from its page, sections, links and sponsors agree with the truth`, async () => {
      const { popup } = await suite.popupForTab(fixture.truth.url);
      expectAgreesWithTruth(await readPopup(popup), fixture, true);
      expect(popup.errors).toEqual([]);
    });
  }

  it('copies a section as a Markdown list and seeks the page from a cited link', async () => {
    const { tab: episode, popup } = await suite.popupForTab('https://changelog.com/shipit/990');
    await waitForPanel(episode);
    await trustedClick(popup, '[data-testid=notes-section][data-title="Linus Listener, transcript search"] [data-copy=section-markdown]');
    await popup.waitFor(() => document.querySelector('[data-testid=status]')?.textContent?.includes('copied'));
    expect(await suite.browser.readClipboard()).toBe(
      '### Linus Listener, transcript search\n\n' +
        '- [transcript-search](https://github.com/example/transcript-search) — offline search over every episode\n' +
        '- [The announcement](https://twitter.com/example/status/1234567890)',
    );
    const cited = await popup.evaluate(() =>
      [...document.querySelectorAll('[data-testid=cited-link] a[data-testid=link]')].map((a) => a.getAttribute('href')),
    );
    expect(cited).toEqual(['https://example.com/blog/boring-pipelines', 'https://github.com/example/transcript-search']);
    const start = Number(await popup.evaluate(() => document.querySelectorAll('[data-testid=cited-seek]')[1]?.getAttribute('data-start')));
    await trustedClick(popup, '[data-testid=cited-link]:nth-child(2) [data-testid=cited-seek]');
    await popup.waitFor(() => document.querySelector('[data-testid=status]')?.textContent?.startsWith('Playing'));
    await episode.waitFor(
      (s) => ((window as unknown as { __sitePlayerSeeks?: number[] }).__sitePlayerSeeks ?? []).includes(s),
      Math.floor(start),
    );
    expect(popup.errors).toEqual([]);
  });

  it('filters links, and asks before opening more than five tabs', async () => {
    const { popup } = await suite.popupForTab('https://changelog.com/shipit/990');
    await popup.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-testid=link-filter]');
      if (!input) throw new Error('no filter');
      input.value = 'github';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await popup.waitFor(() => document.querySelectorAll('[data-testid=notes-section] a[data-testid=link]').length === 1);
    expect(await popup.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    if (!hasSharedPages) return;
    const big = await suite.openExtensionPage('popup.html?episode=shipit/26');
    await big.waitFor(() => document.querySelector('[data-testid=episode-title]'));
    await trustedClick(big, '[data-testid=notes-section][data-title="Liz Rice, Cilium"] [data-testid=open-all]');
    await big.waitFor(() => document.querySelector('[data-testid=confirm-open]'));
  });

  it('says a tab that is not an episode page is not one', async () => {
    const { popup } = await suite.popupForTab('https://changelog.com/topic/go');
    expect(await popup.evaluate(() => document.querySelector('[data-testid=not-episode]')?.textContent ?? '')).toMatch(
      /not a Changelog episode page/,
    );
  });
});
