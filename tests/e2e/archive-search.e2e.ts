/**
 * The archive search end to end: `popup.html?q=` shows hits grouped by episode whose links open
 * the right page at the right item, and the panel's "Search all episodes" opens it in a tab.
 */
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { type ArchiveAnswer, ArchiveSearchEngine } from '@/lib/archive/engine';
import { BUNDLE_CACHE_DIR } from '@/pipeline/paths';
import { type RememberedPhrase, rememberedPhrases } from '../support/archive-quality-sets';
import { readerFor } from '../support/folder-reader';
import { CORPUS_DIR, hasCorpus, hasSharedPages, PROJECT_ROOT } from '../support/shared';
import { trustedClick } from './support/browsers';
import { panelAttribute, scriptClickInPanel, trustedClickInPanel, typeInSearch } from './support/panel';
import { BLANK_EXTENSION_PAGE, describeInBrowsers } from './support/suite';

let phrase: Promise<RememberedPhrase | undefined> | undefined;
/**
 * A remembered phrase (tests/support/archive-quality-sets.ts) the engine answers right in Node,
 * so the browser test is about what the listener sees: its item first from the first render on.
 */
function knownPhrase(): Promise<RememberedPhrase | undefined> {
  phrase ??= (async () => {
    const engine = new ArchiveSearchEngine(readerFor(join(PROJECT_ROOT, BUNDLE_CACHE_DIR)));
    for (const candidate of rememberedPhrases(CORPUS_DIR, 12)) {
      let first: ArchiveAnswer | undefined;
      await engine.search(candidate.query, {}, 10, (answer) => {
        first ??= answer;
      });
      const top = first?.episodes[0];
      if (top && `${top.podcast}/${top.slug}#${top.hits[0]?.index}` === candidate.expected) return candidate;
    }
    return undefined;
  })();
  return phrase;
}

// Choosing the phrase searches the archive in Node: minutes on a busy machine, so it is the
// file's setup with its own time, not part of the first browser's test.
beforeAll(async () => {
  if (hasCorpus) await knownPhrase();
}, 900_000);

describeInBrowsers('archive search', (suite) => {
  it('popup.html?q= runs the query and lists hits grouped by episode', async () => {
    const popup = await suite.openExtensionPage('popup.html?q=sigstore');
    await popup.waitFor(() => document.querySelector('[data-testid=archive-count][data-detail=complete]'), undefined, 20_000);
    const view = await popup.evaluate(() => ({
      query: document.querySelector<HTMLInputElement>('[data-testid=archive-search]')?.value,
      episodes: [...document.querySelectorAll('[data-testid=archive-episode]')].map(
        (li) => `${li.getAttribute('data-podcast')}/${li.getAttribute('data-slug')}`,
      ),
      hits: [...document.querySelectorAll<HTMLAnchorElement>('a[data-testid=archive-hit]')].map((a) => ({
        href: a.getAttribute('href'),
        key: `${a.dataset.podcast}/${a.dataset.slug}#transcript-${a.dataset.index}`,
        marked: a.querySelector('mark')?.textContent?.toLowerCase(),
      })),
    }));
    expect(view.query).toBe('sigstore');
    expect(view.episodes.slice(0, 3)).toContain('shipit/53');
    for (const hit of view.hits) {
      expect(hit.href).toBe(`https://changelog.com/${hit.key}`);
      expect(hit.marked).toBe('sigstore');
    }
    expect(popup.errors).toEqual([]);
  });

  it.runIf(hasCorpus)(
    'a remembered phrase typed by the listener shows its item first on the first render, and keeps it there',
    async () => {
      const remembered = await knownPhrase();
      expect(remembered).toBeDefined();
      if (!remembered) return;
      const popup = await suite.openExtensionPage(BLANK_EXTENSION_PAGE);
      await popup.waitFor(() => document.querySelector('[data-testid=archive-search]'), undefined, 20_000);
      // Every state the list shows for the whole phrase: its first hit, and whether snippets are in.
      await popup.evaluate((query) => {
        const seen: string[] = [];
        (window as unknown as { __shown: string[] }).__shown = seen;
        new MutationObserver(() => {
          const count = document.querySelector('[data-testid=archive-count]');
          if (count?.getAttribute('data-query') !== query) return;
          const first = document.querySelector<HTMLAnchorElement>('a[data-testid=archive-hit]');
          const state = `${first?.dataset.podcast}/${first?.dataset.slug}#${first?.dataset.index} ${count.getAttribute('data-detail')}`;
          if (seen.at(-1) !== state) seen.push(state);
        }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      }, remembered.query);
      await trustedClick(popup, '[data-testid=archive-search]');
      await popup.type(remembered.query);
      await popup.waitFor(
        (query) => document.querySelector(`[data-testid=archive-count][data-query="${CSS.escape(query)}"][data-detail=complete]`),
        remembered.query,
        30_000,
      );
      const shown = await popup.evaluate(() => (window as unknown as { __shown: string[] }).__shown);
      expect(shown[0]).toBe(`${remembered.expected} ranked`);
      expect(shown.at(-1)).toBe(`${remembered.expected} complete`);
      expect(shown.every((state) => state.startsWith(`${remembered.expected} `))).toBe(true);
      expect(popup.errors).toEqual([]);
    },
    120_000,
  );

  it.runIf(hasSharedPages)("a hit's link opens the episode page at that item", async () => {
    const popup = await suite.openExtensionPage('popup.html?q=sigstore');
    await popup.waitFor(
      () => document.querySelector('[data-testid=archive-episode][data-slug="53"] a[data-testid=archive-hit]'),
      undefined,
      20_000,
    );
    const href = await popup.evaluate(
      () => document.querySelector('[data-testid=archive-episode][data-slug="53"] a[data-testid=archive-hit]')?.getAttribute('href') ?? '',
    );
    const index = Number(/#transcript-(\d+)$/.exec(href)?.[1]);
    const page = await suite.openWithPanel(href);
    expect(await page.evaluate(() => location.pathname)).toBe('/shipit/53');
    const said = await page.evaluate((n) => document.getElementById(`transcript-${n}`)?.nextElementSibling?.textContent ?? '', index);
    expect(said.toLowerCase()).toContain('sigstore');
  });

  it("the panel's Search all episodes opens one search tab per real click, with the query out of its URL", async () => {
    const page = await suite.openWithPanel('https://changelog.com/shipit/990');
    const searchTabs = async () => (await suite.browser.tabUrls()).filter((url) => url.includes('popup.html?from=panel'));
    const before = (await searchTabs()).length;
    await typeInSearch(page, 'pipelines');
    // The page's own script clicks the button (the shadow root is open): nothing opens.
    await scriptClickInPanel(page, '[data-testid=search-archive]');
    await scriptClickInPanel(page, '[data-testid=search-archive]');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await searchTabs()).toHaveLength(before);
    // The listener clicks: one search tab, and the query is nowhere in a URL (so not in the history).
    await trustedClickInPanel(page, '[data-testid=search-archive]');
    const deadline = Date.now() + 15_000;
    while ((await searchTabs()).length === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await searchTabs()).toHaveLength(before + 1);
    expect((await suite.browser.tabUrls()).filter((url) => url.includes('pipelines'))).toEqual([]);
    // A second real click shows the query in the tab already open instead of opening another.
    await trustedClickInPanel(page, '[data-testid=search-archive]');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await searchTabs()).toHaveLength(before + 1);
    expect(page.errors).toEqual([]);
  });

  it("ignores a page's synthesized clicks on the panel's settings and copies", async () => {
    const page = await suite.openWithPanel('https://changelog.com/shipit/990');
    const size = await panelAttribute(page, '[data-testid=text-size]', 'data-size');
    await scriptClickInPanel(page, '[data-testid=text-size]');
    await scriptClickInPanel(page, '.panel-toggle');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await panelAttribute(page, '[data-testid=text-size]', 'data-size')).toBe(size);
    expect(await panelAttribute(page, '.panel-toggle', 'aria-expanded')).toBe('true');
    // The listener's own click still works.
    await trustedClickInPanel(page, '[data-testid=text-size]');
    await page.waitFor(
      ({ host, size }) =>
        document.querySelector(host)?.shadowRoot?.querySelector('[data-testid=text-size]')?.getAttribute('data-size') !== size,
      { host: 'changelog-transcript', size },
    );
    await trustedClickInPanel(page, '[data-testid=text-size]');
    await trustedClickInPanel(page, '[data-testid=text-size]');
    expect(page.errors).toEqual([]);
  });
});
