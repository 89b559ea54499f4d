/** The popup's wiring: load the episode, render, and do what its buttons ask. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '@/components/Popup';
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

const archive = {
  engine,
  // `?q=` runs an archive search at once, without waiting for the tab's episode.
  initialQuery: params.get('q') ?? '',
  // A hit of the episode open in the tab seeks its player instead of opening a new tab.
  seekInPage: async (podcast: string, slug: string, seconds: number) => {
    const shown = source.state.kind === 'episode' ? source.state.episode : undefined;
    return shown?.podcast === podcast && shown.slug === slug ? seekTab(source.tabId, seconds) : false;
  },
};

const show = () => render(<Popup state={source.state} actions={actions} archive={archive} />, root);

show();
void loadPopupSource(params).then((loaded) => {
  source = loaded;
  show();
});
