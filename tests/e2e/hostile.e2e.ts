/**
 * The hostile corpus in real browsers: markup in names, titles, notes and sponsors stays text in
 * the panel and the popup, no link of ours carries a script URL, no payload ever runs; and a page
 * of 100,000 items gets a working panel without errors.
 */
import { expect, it } from 'vitest';
import type { TestPage } from './support/browsers';
import { HOST, resultCount, trustedClickInPanel, typeInSearch } from './support/panel';
import { BLANK_EXTENSION_PAGE, describeInBrowsers, tabIdOf } from './support/suite';

function pwned(page: TestPage): Promise<string[]> {
  return page.evaluate(() => Object.keys(window).filter((key) => key.startsWith('__pwned')));
}

describeInBrowsers('hostile pages', (suite) => {
  it('keeps markup as text and script URLs out of every link, in the panel and the popup', async () => {
    const page = await suite.openWithPanel('https://changelog.com/shipit/666');
    await typeInSearch(page, 'onerror');
    await trustedClickInPanel(page, '[data-testid=speaker]');
    const panel = await page.evaluate((host) => {
      const root = document.querySelector(host)?.shadowRoot;
      return {
        elements: root?.querySelectorAll('script, img, iframe, object, embed').length,
        hrefs: [...(root?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href') ?? ''),
        text: root?.textContent ?? '',
      };
    }, HOST);
    expect(panel.elements).toBe(0);
    for (const href of panel.hrefs) expect(href).toMatch(/^https?:\/\//);
    expect(panel.text).toContain('onerror="window.__pwnedMarkup=1"');

    const popup = await suite.openExtensionPage(BLANK_EXTENSION_PAGE);
    const tabId = await tabIdOf(popup, 'https://changelog.com/shipit/666');
    await popup.goto(suite.browser.extensionUrl(`popup.html?tab=${tabId}`));
    await popup.waitFor(() => document.querySelector('[data-testid=episode-title]'));
    const view = await popup.evaluate(() => ({
      elements: document.querySelectorAll('main script, main img, main iframe').length,
      hrefs: [...document.querySelectorAll('main a')].map((a) => a.getAttribute('href') ?? ''),
      title: document.querySelector('[data-testid=episode-title]')?.textContent,
    }));
    expect(view.elements).toBe(0);
    for (const href of view.hrefs) expect(href).toMatch(/^https?:\/\//);
    expect(view.title).toContain('<img src=x onerror=');
    expect(await pwned(page)).toEqual([]);
    expect(await pwned(popup)).toEqual([]);
    expect(page.errors).toEqual([]);
    expect(popup.errors).toEqual([]);
  });

  it('gives a page of 100,000 items a working panel', async () => {
    const page = await suite.newPage();
    // About 30 MB of HTML: on 2 shared cores its load alone can take longer than a navigation's usual 30 s.
    await page.goto('https://changelog.com/shipit/667', 90_000);
    await page.waitFor((host) => document.querySelector(host)?.shadowRoot?.querySelector('[data-testid=result-count]'), HOST, 60_000);
    expect(await resultCount(page)).toBe(100_000);
    await typeInSearch(page, 'word996');
    await page.waitFor(
      (host) => {
        const count = document.querySelector(host)?.shadowRoot?.querySelector('[data-testid=result-count]');
        return count && !count.hasAttribute('data-pending') && Number(count.getAttribute('data-count')) < 100_000;
      },
      HOST,
      60_000,
    );
    expect(page.errors).toEqual([]);
  }, 240_000);
});
