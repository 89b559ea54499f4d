/**
 * What real use throws at the extension, in Chromium and Firefox: settings stored by the previous
 * version, several episode tabs at once, a page whose player is missing, and a page whose layout
 * the parser does not know. (Reload under a live page and the back/forward cache are in
 * panel.e2e.ts; hostile data in hostile.e2e.ts.)
 */
import { expect, it } from 'vitest';
import { PANEL_SETTINGS_VERSION } from '@/lib/app/settings';
import { hasSharedPages } from '../support/shared';
import {
  HOST,
  panelAttribute,
  panelCount,
  panelText,
  playerSeeks,
  resultCount,
  trustedClickInPanel,
  typeInSearch,
  waitForInPanel,
} from './support/panel';
import { BLANK_EXTENSION_PAGE, type BrowserSuite, describeInBrowsers } from './support/suite';

type StorageArea = { set: (items: object) => Promise<void>; get: (keys: string[]) => Promise<Record<string, unknown>> };
type ExtensionScope = { browser?: { storage: { local: StorageArea } }; chrome?: { storage: { local: StorageArea } } };

async function storageSet(suite: BrowserSuite, items: Record<string, unknown>): Promise<void> {
  const page = await suite.openExtensionPage(BLANK_EXTENSION_PAGE);
  await page.evaluate(async (items) => {
    const scope = globalThis as unknown as ExtensionScope;
    await (scope.browser ?? scope.chrome)?.storage.local.set(items);
  }, items);
  await page.close();
}

async function storageGet(suite: BrowserSuite, keys: string[]): Promise<Record<string, unknown>> {
  const page = await suite.openExtensionPage(BLANK_EXTENSION_PAGE);
  const found = await page.evaluate(async (keys) => {
    const scope = globalThis as unknown as ExtensionScope;
    return (await (scope.browser ?? scope.chrome)?.storage.local.get(keys)) ?? {};
  }, keys);
  await page.close();
  return found;
}

describeInBrowsers('resilience', (suite) => {
  it("keeps the previous version's settings through the upgrade, and remembers the new text size", async () => {
    // What version 1 stored: no text size, the panel folded, follow-along off.
    await storageSet(suite, { 'panel-settings': { collapsed: true, follow: false }, 'panel-settings$': { v: 1 } });
    const page = await suite.newPage();
    await page.goto('https://changelog.com/friends/990');
    await waitForInPanel(page, '.panel-toggle[aria-expanded="false"]');
    await trustedClickInPanel(page, '.panel-toggle');
    await waitForInPanel(page, '[data-testid=follow]');
    expect(await panelAttribute(page, '[data-testid=follow]', 'aria-pressed')).toBe('false');
    expect(await panelAttribute(page, '[data-testid=text-size]', 'data-size')).toBe('normal');

    const fontSize = () =>
      page.evaluate((host) => {
        const text = document.querySelector(host)?.shadowRoot?.querySelector('[data-testid=segment] p');
        return text ? Number.parseFloat(getComputedStyle(text).fontSize) : 0;
      }, HOST);
    const normal = await fontSize();
    await trustedClickInPanel(page, '[data-testid=text-size]');
    await waitForInPanel(page, '[data-testid=text-size][data-size=large]');
    expect(await fontSize()).toBeGreaterThan(normal);

    const stored = await storageGet(suite, ['panel-settings', 'panel-settings$']);
    expect(stored['panel-settings']).toEqual({ collapsed: false, follow: false, textSize: 'large' });
    expect(stored['panel-settings$']).toEqual({ v: PANEL_SETTINGS_VERSION });

    await page.goto('https://changelog.com/shipit/990');
    await waitForInPanel(page, '[data-testid=text-size][data-size=large]');
    expect(page.errors).toEqual([]);
    // Back to the defaults for the tests that follow.
    await storageSet(suite, { 'panel-settings': { collapsed: false, follow: true, textSize: 'normal' } });
  });

  it('runs one independent panel per episode tab, sharing only the settings', async () => {
    const first = await suite.openWithPanel('https://changelog.com/shipit/990');
    const second = await suite.openWithPanel('https://changelog.com/friends/990');
    expect(await resultCount(first)).toBe(20);
    expect(await resultCount(second)).toBe(30);

    await typeInSearch(first, 'pipelines');
    await first.waitFor((host) => {
      const count = document.querySelector(host)?.shadowRoot?.querySelector('[data-testid=result-count]');
      return Number(count?.getAttribute('data-count')) < 20;
    }, HOST);
    expect(await resultCount(second)).toBe(30);

    await trustedClickInPanel(first, '[data-testid=seek]');
    await first.waitFor(() => ((window as unknown as { __sitePlayerSeeks?: number[] }).__sitePlayerSeeks ?? []).length > 0);
    expect(await playerSeeks(second)).toEqual([]);

    // Folding the panel in one tab folds it in the other: one listener, one preference.
    await trustedClickInPanel(second, '.panel-toggle');
    await waitForInPanel(first, '.panel-toggle[aria-expanded="false"]');
    await trustedClickInPanel(first, '.panel-toggle');
    await waitForInPanel(second, '.panel-toggle[aria-expanded="true"]');
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
  });

  it('hides every seek control when the page has no player, and still reads and copies', async () => {
    const page = await suite.openWithPanel('https://changelog.com/friends/990?fixture=no-player');
    expect(await resultCount(page)).toBe(30);
    expect(await panelCount(page, '[data-testid=seek]')).toBe(0);
    expect(await panelCount(page, '[data-testid=follow]')).toBe(0);
    expect(await panelCount(page, '[data-testid=copy-link]')).toBeGreaterThan(0);
    // Chapters still go to their place in the transcript instead of playing it.
    expect(await panelAttribute(page, '[data-testid=chapter]', 'title')).toMatch(/^Go to/);
    await trustedClickInPanel(page, '[data-testid=chapter]');
    expect(await playerSeeks(page)).toEqual([]);
    expect(page.errors).toEqual([]);
  });

  it('says a transcript in an unknown layout cannot be read yet, without errors', async () => {
    const page = await suite.openWithPanel('https://changelog.com/shipit/990?fixture=drift');
    expect(await panelAttribute(page, '[data-testid=no-transcript]', 'data-status')).toBe('unreadable');
    expect(page.errors).toEqual([]);
  });

  it.runIf(hasSharedPages)('falls back to the bundled transcript when the layout changed', async () => {
    const page = await suite.openWithPanel('https://changelog.com/shipit/26?fixture=drift');
    expect(await resultCount(page)).toBe(217);
    const note = await panelText(page, '[data-testid=source-note]');
    expect(note).toMatch(/could not be read/);
    expect(page.errors).toEqual([]);
  });
});
