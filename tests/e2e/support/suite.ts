/**
 * The one set-up every browser test file shares: a `describe` per installed browser, the
 * extension launched once for the block, and every tab a test opens closed after it (also when the
 * test fails half-way, so one failure does not leave tabs that slow down or confuse the next).
 *
 * ```ts
 * describeInBrowsers('transcript panel', (suite) => {
 *   it('…', async () => {
 *     const page = await suite.openWithPanel('https://changelog.com/shipit/990');
 *     const popup = await suite.openExtensionPage('popup.html?q=sigstore');
 *   });
 * });
 * ```
 */
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { availableBrowsers, type BrowserName, type ExtensionBrowser, type LaunchOptions, launch, type TestPage } from './browsers';
import { waitForPanel } from './panel';

/** What a test inside {@link describeInBrowsers} works with. */
export interface BrowserSuite {
  readonly name: BrowserName;
  /** The launched browser (only inside tests and hooks: it starts in `beforeAll`). */
  readonly browser: ExtensionBrowser;
  /** A new blank tab, closed after the test. */
  newPage(): Promise<TestPage>;
  /** `url` in a new tab once its panel (or its note) is up; closed after the test. */
  openWithPanel(url: string): Promise<TestPage>;
  /** An extension page (`popup.html?…`) in a new tab, loaded; closed after the test. */
  openExtensionPage(path: string): Promise<TestPage>;
  /**
   * The popup showing the episode of the tab at `url` (`popup.html?tab=ID`), as if that tab were
   * active: both tabs are closed after the test. The popup has rendered its episode, its
   * not-an-episode note or its unavailable note.
   */
  popupForTab(url: string): Promise<{ tab: TestPage; popup: TestPage }>;
}

/** The id of the tab showing `url`, asked from an extension page. */
export function tabIdOf(extensionPage: TestPage, url: string): Promise<number> {
  return extensionPage.evaluate(async (target) => {
    type Tabs = { tabs: { query: (q: object) => Promise<{ id?: number; url?: string }[]> } };
    const scope = globalThis as unknown as { browser?: Tabs; chrome?: Tabs };
    const api = (scope.browser ?? scope.chrome) as Tabs;
    const tab = (await api.tabs.query({})).find((t) => t.url === target);
    if (tab?.id === undefined) throw new Error(`no tab shows ${target}`);
    return tab.id;
  }, url);
}

/** An extension page with nothing to show, where the extension's APIs are at hand. */
export const BLANK_EXTENSION_PAGE = 'popup.html?episode=none/none';

/**
 * Declares `body`'s tests once per browser this machine has (`${title} in chromium`,
 * `${title} in firefox`), each block with its own browser and the extension installed;
 * `options` start it otherwise (e.g. in the dark colour scheme).
 */
export function describeInBrowsers(title: string, body: (suite: BrowserSuite) => void, options: LaunchOptions = {}): void {
  for (const name of availableBrowsers()) {
    describe(`${title} in ${name}`, () => {
      let launched: ExtensionBrowser | undefined;
      let opened: TestPage[] = [];
      beforeAll(async () => {
        launched = await launch(name, options);
      });
      afterEach(async () => {
        const pages = opened;
        opened = [];
        // Closing twice is harmless (TestPage.close is idempotent); a tab the browser lost is gone anyway.
        await Promise.all(pages.map((page) => page.close().catch(() => {})));
      });
      afterAll(async () => {
        await launched?.close();
      });

      const suite: BrowserSuite = {
        name,
        get browser() {
          if (!launched) throw new Error(`${name} is not launched yet: use suite.browser inside tests and hooks`);
          return launched;
        },
        async newPage() {
          const page = await suite.browser.newPage();
          opened.push(page);
          return page;
        },
        async openWithPanel(url) {
          const page = await suite.newPage();
          await page.goto(url);
          await waitForPanel(page);
          return page;
        },
        async openExtensionPage(path) {
          const page = await suite.newPage();
          await page.goto(suite.browser.extensionUrl(path));
          return page;
        },
        async popupForTab(url) {
          const tab = await suite.newPage();
          await tab.goto(url);
          const popup = await suite.openExtensionPage(BLANK_EXTENSION_PAGE);
          await popup.goto(suite.browser.extensionUrl(`popup.html?tab=${await tabIdOf(popup, url)}`));
          await popup.waitFor(() =>
            document.querySelector('[data-testid=episode-title], [data-testid=not-episode], [data-testid=unavailable]'),
          );
          return { tab, popup };
        },
      };
      body(suite);
    });
  }
}
