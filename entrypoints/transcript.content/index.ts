/**
 * Runs on every changelog.com page. Checks the URL and stops there unless it names an episode;
 * only then imports the panel (a separate ES module) and hands it the page.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { episodeRefFromUrl } from '@/lib/site/detect';
import { SITE_MATCH } from '@/lib/site/urls';
import { prefetchEpisode } from './bundle-reader';
import { markTiming } from './user-timing';

export default defineContentScript({
  matches: [SITE_MATCH],
  runAt: 'document_idle',
  // WXT otherwise announces each start to the page with window.postMessage, which tells every
  // page script our extension ID; the document event it also sends is enough to stop an older copy.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    markTiming('start');
    const ref = episodeRefFromUrl(location.href);
    if (!ref) {
      markTiming('idle');
      return;
    }
    // Read the episode's record while the panel's module loads: the two overlap, not queue.
    const prefetched = prefetchEpisode(ref);
    const url = browser.runtime.getURL('/content-scripts/transcript-panel/panel.js');
    const panel: typeof import('./panel') = await import(/* @vite-ignore */ url);
    await panel.mountPanel(ctx, ref, prefetched);
  },
});
