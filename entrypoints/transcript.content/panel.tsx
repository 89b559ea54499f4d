/**
 * The panel's entry (an ES module the content script imports only on episode pages): reads the
 * page, looks the episode up in the bundled index, picks the source, and mounts the panel in a
 * shadow root before the page's transcript. Every listener and observer ends with `ctx`.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import panelCss from '@/components/panel.css?inline';
import { TranscriptPanel } from '@/components/TranscriptPanel';
import { chooseSource, pageWins } from '@/lib/app/choose-source';
import { MAX_QUERY_LENGTH, messenger } from '@/lib/app/messages';
import { popupEpisode } from '@/lib/app/popup-state';
import type { PanelSettings } from '@/lib/app/settings';
import { isBundled, lookupEpisode, type RecordLookup } from '@/lib/archive/lookup';
import { buildEpisode, buildEpisodeInChunks } from '@/lib/model/build-episode';
import { SYNC_INDEX_LIMIT } from '@/lib/model/episode-search';
import { fetchSiteChapters } from '@/lib/site/chapters';
import { isEpisodeDocument } from '@/lib/site/detect';
import { panelAnchor, parseEpisodePage } from '@/lib/site/page';
import { sectionById } from '@/lib/site/selectors';
import { episodeExportInfo } from '@/lib/site/transcript-download';
import type { EpisodeRef } from '@/lib/site/urls';
import { bundleReader, type Prefetched } from './bundle-reader';
import { copyText, showOnPage } from './page-actions';
import { answerPopup } from './popup-bridge';
import { saveFile } from './save-file';
import { panelSettings, readPanelSettings } from './settings';
import { sitePlayer } from './site-player';
import { markTiming } from './user-timing';

/** The host element's name: `<changelog-transcript>` (part of the automation contract). */
export const PANEL_HOST = 'changelog-transcript';

function bundledRecord(ref: EpisodeRef, prefetched: Prefetched | undefined): Promise<RecordLookup> {
  const read = bundleReader(prefetched?.files);
  return lookupEpisode(read, ref, prefetched?.listed ?? isBundled(read, ref));
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.tagName === PANEL_HOST.toUpperCase()
  );
}

/** Reads the page and the bundle and decides what to show (see chooseSource). */
async function loadEpisode(ref: EpisodeRef, prefetched: Prefetched | undefined) {
  // Start the reads, then look at the page while they run; the items' text is read only if the
  // page's copy is the one to show.
  const reads = Promise.all([bundledRecord(ref, prefetched), readPanelSettings()]);
  const page = parseEpisodePage(document, ref, location.href, { items: 'count' });
  const [bundle, settings] = await reads;
  if (bundle.status === 'corrupt') console.warn(`[Changelog Transcripts] Using the page's transcript: ${bundle.reason}`);
  // A huge page (far beyond any real episode) is read a chunk at a time so the tab stays responsive.
  if (pageWins(page.itemCount, bundle) && page.itemCount > SYNC_INDEX_LIMIT) page.parts.items = await page.readItemsInChunks();
  const chosen = chooseSource(page, bundle);
  // The one request of our own (README, Privacy): the site's chapters JSON, capped, when its table did not parse.
  if ((chosen.parts.chapters ?? []).length === 0 && sectionById(document, 'chapters')) {
    chosen.parts.chapters = await fetchSiteChapters(ref);
  }
  return { page, chosen, settings };
}

export async function mountPanel(ctx: ContentScriptContext, ref: EpisodeRef, prefetched?: Prefetched): Promise<void> {
  if (!isEpisodeDocument(document)) return;
  const player = sitePlayer(document, ctx.signal);
  const loading = loadEpisode(ref, prefetched).then(async (loaded) => {
    const { parts } = loaded.chosen;
    return { ...loaded, episode: parts.items.length > SYNC_INDEX_LIMIT ? await buildEpisodeInChunks(parts) : buildEpisode(parts) };
  });
  // The popup asks this page what it shows; it may ask before the panel is up.
  answerPopup(ctx, {
    episode: () =>
      loading.then(({ chosen, episode }) => ({ episode: popupEpisode(episode), source: chosen.note, notesFrom: chosen.notesFrom })),
    canSeek: player.available,
    seek: player.seek,
  });

  const anchor = panelAnchor(document);
  if (!anchor) return;
  const { page, chosen, settings, episode } = await loading;
  if (ctx.isInvalid) return;

  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const { send } = messenger(browser);
  let current: PanelSettings = settings;
  let focusSearch = 0;
  let rerender = () => {};

  // Never two panels: a stale host from an earlier injection goes first.
  for (const stale of document.querySelectorAll(PANEL_HOST)) stale.remove();

  const ui = await createShadowRootUi(ctx, {
    name: PANEL_HOST,
    position: 'inline',
    anchor: anchor.element,
    append: anchor.placement,
    mode: 'open',
    // The site's document-level hotkeys (Space, s, +, -, Esc) must not see keys typed here.
    isolateEvents: true,
    css: panelCss,
    onMount(container, shadow, host) {
      // Tells this panel apart from one a previous version of the extension left behind.
      host.dataset.instance = Math.random().toString(36).slice(2);
      const onSettings = (change: Partial<PanelSettings>) => {
        current = { ...current, ...change };
        rerender();
        panelSettings.setValue(current).catch(() => {
          // The extension was reloaded under the page; the change stays for this page only.
        });
      };
      const env = {
        player,
        copy: (text: string) => copyText(text, shadow),
        showOnPage: (index: number) => showOnPage(index, reducedMotion),
        canShowOnPage: page.itemCount > 0,
        reducedMotion,
        openArchiveSearch: (query: string) => {
          send('content:open-archive-search', { query: query.slice(0, MAX_QUERY_LENGTH) }).catch(() => {
            // The extension was reloaded under the page: nothing to open the tab with.
          });
        },
        saveFile,
        exportInfo: episodeExportInfo(episode),
      };
      rerender = () =>
        render(
          <TranscriptPanel
            episode={episode}
            source={chosen.note}
            env={env}
            settings={current}
            onSettings={onSettings}
            focusSearch={focusSearch}
          />,
          container,
        );
      rerender();
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  markTiming('interactive');

  // `/` focuses the search when the reader is not typing somewhere else.
  ctx.addEventListener(document, 'keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
    event.preventDefault();
    focusSearch += 1;
    if (current.collapsed) current = { ...current, collapsed: false };
    rerender();
  });

  // Another tab changed the settings: follow them here too.
  const unwatch = panelSettings.watch((value) => {
    current = { ...current, ...value };
    rerender();
  });
  ctx.onInvalidated(() => {
    try {
      unwatch();
    } catch {
      // "Extension context invalidated": the storage API left with the old extension.
    }
  });

  // Back from the back/forward cache: the extension may have been reloaded meanwhile.
  ctx.addEventListener(window, 'pageshow', (event) => {
    if ((event as PageTransitionEvent).persisted && ctx.isInvalid) ui.remove();
  });
  // Notice an extension reload or update even while the reader does nothing: WXT's interval
  // checks the context on every tick and removes the panel once it is gone.
  ctx.setInterval(() => {}, 3000);
}
