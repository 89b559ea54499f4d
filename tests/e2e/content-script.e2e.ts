/**
 * The content script in both browsers: it mounts on episode pages and does nothing anywhere
 * else on changelog.com.
 */
import { expect, it } from 'vitest';
import { OWN_NON_EPISODE_PAGES } from '../support/own-fixtures';
import { hasSharedPages, SHARED_NON_EPISODE_PAGES } from '../support/shared';
import { HOST } from './support/panel';
import { BLANK_EXTENSION_PAGE, describeInBrowsers } from './support/suite';

describeInBrowsers('content script', (suite) => {
  it('holds its changelog.com host permission from install, with nothing for the listener to switch on', async () => {
    const page = await suite.openExtensionPage(BLANK_EXTENSION_PAGE);
    const granted = await page.evaluate(async () => {
      type Api = { permissions: { contains: (p: object) => Promise<boolean> } };
      const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
      return (scope.browser ?? scope.chrome)?.permissions.contains({ origins: ['https://changelog.com/*'] });
    });
    expect(granted).toBe(true);
  });

  const episodes = ['https://changelog.com/shipit/990', ...(hasSharedPages ? ['https://changelog.com/shipit/26'] : [])];
  for (const url of episodes) {
    it(`mounts on the episode page ${url}`, async () => {
      const page = await suite.newPage();
      await page.goto(url);
      await page.waitFor((host) => document.querySelector(host)?.shadowRoot, HOST);
      expect(await page.evaluate((host) => document.querySelectorAll(host).length, HOST)).toBe(1);
      expect(page.errors).toEqual([]);
    });
  }

  const others = [...OWN_NON_EPISODE_PAGES.map((p) => p.url), ...(hasSharedPages ? SHARED_NON_EPISODE_PAGES.map((p) => p.url) : [])];
  for (const url of others) {
    it(`stays idle on ${url}`, async () => {
      const page = await suite.newPage();
      await page.goto(url);
      // Give a content script every chance to do something, then check it did not.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await page.evaluate((host) => document.querySelectorAll(host).length, HOST)).toBe(0);
      expect(page.errors).toEqual([]);
    });
  }
});
