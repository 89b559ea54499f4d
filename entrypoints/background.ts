/**
 * The background: opens the archive search when the panel asks (content scripts cannot open
 * extension pages themselves). One search tab serves every request: an open one (opened from the
 * panel before) is asked to show the new query and comes to the front; otherwise one tab is
 * opened, and while it loads, further requests only change the query it will show. The query
 * goes to the page by message, not in its URL, so it never lands in the browser's history.
 * It answers only this extension's content scripts on changelog.com and its own pages, and only
 * the message shapes in lib/app/messages.ts.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { type BackgroundToPopup, isContentToBackground, isPopupToBackground } from '@/lib/app/messages';
import { SITE_ORIGIN } from '@/lib/site/urls';

/** The archive search page as the panel opens it (its `?from=panel` makes it ask for its query). */
const ARCHIVE_PAGE = '/popup.html?from=panel';
/** A search tab just opened is given this long to load before another request opens a second one. */
const OPENING_MS = 5000;

export default defineBackground(() => {
  let pendingQuery = '';
  let openedAt = Number.NEGATIVE_INFINITY;
  const ownPage = browser.runtime.getURL('/popup.html');

  const showInOpenPage = async (query: string): Promise<boolean> => {
    const message: BackgroundToPopup = { type: 'background:show-archive-search', query };
    try {
      const answer = (await browser.runtime.sendMessage(message)) as { shown?: unknown } | undefined;
      return answer?.shown === true;
    } catch {
      return false; // No page listening: none is open.
    }
  };

  browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string; url?: string; tab?: { id?: number } }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const url = sender.url ?? '';
    if (sender.tab !== undefined && url.startsWith(`${SITE_ORIGIN}/`) && isContentToBackground(message)) {
      pendingQuery = message.query.trim(); // isContentToBackground bounds its length.
      return (async () => {
        if (await showInOpenPage(pendingQuery)) return { ok: true };
        if (Date.now() - openedAt < OPENING_MS) return { ok: true }; // That tab takes the new query when it loads.
        openedAt = Date.now();
        await browser.tabs.create({ url: browser.runtime.getURL(ARCHIVE_PAGE) });
        return { ok: true };
      })();
    }
    if (url.startsWith(ownPage) && isPopupToBackground(message)) {
      const query = pendingQuery;
      pendingQuery = '';
      openedAt = Number.NEGATIVE_INFINITY;
      return Promise.resolve({ query });
    }
    return undefined;
  });
});
