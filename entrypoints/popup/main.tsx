/** The popup's wiring: load the episode, render, and do what its buttons ask. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup, type PopupActions } from '@/components/Popup';
import { loadPopupSource, seekTab } from './episode-source';
import './popup.css';

const root = document.getElementById('app') as HTMLElement;
const params = new URLSearchParams(location.search);

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  render(<Popup state={{ kind: 'loading' }} actions={{ copy, openTabs: () => {}, seek: async () => false }} />, root);
  const source = await loadPopupSource(params);
  const actions: PopupActions = {
    copy,
    openTabs: (urls) => {
      for (const url of urls) if (/^https?:\/\//i.test(url)) void browser.tabs.create({ url, active: false });
    },
    seek: (seconds) => seekTab(source.tabId, seconds),
  };
  render(<Popup state={source.state} actions={actions} />, root);
}

void main();
