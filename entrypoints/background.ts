/**
 * The background: opens the archive search when the panel asks (content scripts cannot open
 * extension pages themselves). One search tab serves every request: an open one (opened from the
 * panel before) is asked to show the new query and comes to the front; otherwise one tab is
 * opened, and while it loads, further requests only change the query it will show. The query
 * goes to the page by message, not in its URL, so it never lands in the browser's history.
 * Who may ask what is in lib/app/messages.ts (`on` checks it): the panel's request only from this
 * extension's content script in a changelog.com tab, the query only from the extension's own page.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { messenger } from '@/lib/app/messages';

/** The archive search page as the panel opens it (its `?from=panel` makes it ask for its query). */
const ARCHIVE_PAGE = '/popup.html?from=panel';
/** A search tab just opened is given this long to load before another request opens a second one. */
const OPENING_MS = 5000;

export default defineBackground(() => {
  const { send, on } = messenger(browser);
  let pendingQuery = '';
  let openedAt = Number.NEGATIVE_INFINITY;

  const showInOpenPage = async (query: string): Promise<boolean> => {
    try {
      return (await send('background:show-archive-search', { query })).shown;
    } catch {
      return false; // No page listening: none is open.
    }
  };

  on({
    'content:open-archive-search': async ({ query }) => {
      pendingQuery = query.trim(); // The message's guard bounds its length.
      if (await showInOpenPage(pendingQuery)) return { ok: true };
      if (Date.now() - openedAt < OPENING_MS) return { ok: true }; // That tab takes the new query when it loads.
      openedAt = Date.now();
      await browser.tabs.create({ url: browser.runtime.getURL(ARCHIVE_PAGE) });
      return { ok: true };
    },
    'popup:take-archive-query': () => {
      const query = pendingQuery;
      pendingQuery = '';
      openedAt = Number.NEGATIVE_INFINITY;
      return { query };
    },
  });
});
