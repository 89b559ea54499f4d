/**
 * axe-core (WCAG 2.0 and 2.1, A and AA, and its best practices) on every surface a listener sees,
 * in the light and the dark colour scheme, in Chromium and Firefox: the panel on an episode page
 * (as it opens and while a search shows its matches), the popup with an episode, the popup's
 * archive search with results, and the popup on a tab that is not an episode. Any violation fails,
 * with its rule and where. `label-content-name-mismatch` (a button's name must contain the text it
 * shows, WCAG 2.5.3, for voice control) is still experimental in axe, so it is switched on by name.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { hasCorpus, hasSharedPages, sharedPageFixtures } from '../support/shared';
import type { TestPage } from './support/browsers';
import { HOST, typeInSearch, waitForInPanel } from './support/panel';
import { describeInBrowsers } from './support/suite';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every violation axe finds in `include` (CSS selectors; a shadow host brings its shadow tree), as `rule (impact): targets`. */
async function violations(page: TestPage, include: string): Promise<string[]> {
  await page.addScript(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] };
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }).axe;
    const result = await axe.run(
      { include: [[selector]] },
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        rules: { 'label-content-name-mismatch': { enabled: true } },
        resultTypes: ['violations'],
      },
    );
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
  }, include);
}

const prefersDark = (page: TestPage) => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);

for (const scheme of ['light', 'dark'] as const) {
  describeInBrowsers(
    `accessibility, ${scheme} scheme`,
    (suite) => {
      // Our own fixture, and a real page with timestamps inside turns (their buttons are what
      // label-content-name-mismatch found).
      const real = hasSharedPages ? sharedPageFixtures().find((f) => f.truth.hasTranscript && f.truth.timestamps.length > 0) : undefined;
      const pages = ['https://changelog.com/shipit/990', ...(real ? [real.truth.url] : [])];
      for (const url of pages) {
        it(`the panel on ${new URL(url).pathname}, as it opens and while a search shows matches`, async () => {
          const page = await suite.openWithPanel(url);
          expect(await prefersDark(page)).toBe(scheme === 'dark');
          expect(await violations(page, HOST)).toEqual([]);
          await typeInSearch(page, 'the');
          await waitForInPanel(page, '[data-testid=search-archive]');
          expect(await violations(page, HOST)).toEqual([]);
          expect(page.errors).toEqual([]);
        });
      }

      it('the popup with an episode, and on a tab that is not one', async () => {
        const { popup } = await suite.popupForTab('https://changelog.com/shipit/990');
        expect(await prefersDark(popup)).toBe(scheme === 'dark');
        expect(await violations(popup, 'html')).toEqual([]);
        const other = await suite.popupForTab('https://changelog.com/topic/go');
        expect(await violations(other.popup, 'html')).toEqual([]);
        expect([...popup.errors, ...other.popup.errors]).toEqual([]);
      });

      it.skipIf(!hasCorpus)('the archive search with results', async () => {
        const popup = await suite.openExtensionPage('popup.html?q=sigstore');
        await popup.waitFor(() => document.querySelector('[data-testid=archive-count][data-detail=complete]'), undefined, 20_000);
        expect(await violations(popup, 'html')).toEqual([]);
        expect(popup.errors).toEqual([]);
      });
    },
    { colorScheme: scheme },
  );
}
