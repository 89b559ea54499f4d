/**
 * The popup's wiring: load the episode, render, and do what its buttons ask. Opened in a tab from
 * the panel (`?from=panel`), it is the archive search page: it asks the background for its query,
 * and shows the next ones the panel sends while it is open (the query is never in its URL).
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
import { MAX_QUERY_LENGTH, messenger } from '@/lib/app/messages';
import type { PopupActions } from '@/lib/app/popup-state';
import { ArchiveSearchEngine } from '@/lib/archive/engine';
import { isHttpUrl } from '@/lib/model/links';
import { loadPopupSource, type PopupSource, readPackageFile, seekTab } from './load-episode';
import './popup.css';

const root = document.getElementById('app') as HTMLElement;
const params = new URLSearchParams(location.search);
const engine = new ArchiveSearchEngine(readPackageFile);
let source: PopupSource = { state: { kind: 'loading' } };

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

const actions: PopupActions = {
  copy,
  openTabs: (urls) => {
    for (const url of urls) if (isHttpUrl(url)) void browser.tabs.create({ url, active: false });
  },
  seek: (seconds) => seekTab(source.tabId, seconds),
};

// `?q=` runs an archive search at once, without waiting for the tab's episode.
let archiveQuery = (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH);
// A new query from the panel renders a fresh popup (its search box starts from the query).
let queryGeneration = 0;
const archive = {
  engine,
  // A hit of the episode open in the tab seeks its player instead of opening a new tab.
  seekInPage: async (podcast: string, slug: string, seconds: number) => {
    const shown = source.state.kind === 'episode' ? source.state.episode : undefined;
    return shown?.podcast === podcast && shown.slug === slug ? seekTab(source.tabId, seconds) : false;
  },
};

const show = () =>
  render(<Popup key={queryGeneration} state={source.state} actions={actions} archive={{ ...archive, initialQuery: archiveQuery }} />, root);

function showQuery(query: string): void {
  archiveQuery = query;
  queryGeneration++;
  show();
}

if (params.get('from') === 'panel') {
  const { send, on } = messenger(browser);
  // Only the background may send it (not in a tab: a content script cannot pass for it).
  on({
    'background:show-archive-search': async ({ query }) => {
      showQuery(query);
      const tab = await browser.tabs.getCurrent();
      if (tab?.id !== undefined) await browser.tabs.update(tab.id, { active: true });
      if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
      return { shown: true };
    },
  });
  send('popup:take-archive-query', {}).then(
    ({ query }) => query !== '' && showQuery(query),
    () => {}, // No background to ask (the extension is going away): nothing to show.
  );
}

show();
void loadPopupSource(params).then((loaded) => {
  source = loaded;
  show();
});
