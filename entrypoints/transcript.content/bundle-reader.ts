/** Reads files of the bundled index out of the extension package (web-accessible to changelog.com). */
import { browser } from 'wxt/browser';
import type { BundleReader } from '@/lib/bundle/lookup';

export const readBundleFile: BundleReader = async (path) => {
  try {
    const response = await fetch(browser.runtime.getURL(`/${path}` as `/data/episodes/${string}`));
    if (!response.ok) return null;
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    return null;
  }
};
