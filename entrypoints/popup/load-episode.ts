/**
 * Where the popup gets its episode: `?episode=PODCAST/SLUG` straight from the bundle; otherwise
 * the active tab, asking its content script for what the panel shows (typed message, checked
 * reply) and falling back to the bundle when the page does not answer. No `tabs` permission:
 * the host permission on changelog.com already reveals the active tab's URL there.
 */
import { browser } from 'wxt/browser';
import { messenger } from '@/lib/app/messages';
import { FROM_BUNDLE, type PopupState, popupEpisode } from '@/lib/app/popup-state';
import { isBundled, lookupEpisode } from '@/lib/archive/lookup';
import { packageReader } from '@/lib/archive/package-file';
import { buildEpisode } from '@/lib/model/build-episode';

import { type EpisodeRef, episodeName, parseEpisodeKey, parseEpisodeUrl } from '@/lib/site/urls';

/** Reads a file of the extension package; null when it is missing or unreadable. */
export const readPackageFile = packageReader((path) => browser.runtime.getURL(path));

async function fromBundle(ref: EpisodeRef): Promise<PopupState> {
  const found = await lookupEpisode(readPackageFile, ref, isBundled(readPackageFile, ref));
  const title = episodeName(ref);
  if (found.status === 'found')
    return { kind: 'episode', episode: popupEpisode(buildEpisode(found.parts)), canSeek: false, from: FROM_BUNDLE };
  if (found.status === 'corrupt') {
    console.warn(`[Changelog Transcripts] ${found.reason}`);
    return { kind: 'unavailable', title, reason: 'the bundled copy of this episode could not be read.' };
  }
  return { kind: 'unavailable', title, reason: 'this episode is not in the bundled archive; open its page to see its links.' };
}

const { send } = messenger(browser);
/** How long the page's content script has to answer. */
const PAGE_ANSWER_MS = 2000;

export interface PopupSource {
  state: PopupState;
  /** The tab whose page can seek, when there is one. */
  tabId?: number;
}

export async function loadPopupSource(params: URLSearchParams): Promise<PopupSource> {
  const key = params.get('episode');
  if (key !== null) {
    const ref = parseEpisodeKey(key);
    return { state: ref ? await fromBundle(ref) : { kind: 'unavailable', title: key, reason: 'that is not an episode.' } };
  }
  // `?tab=ID` shows that tab's episode as if it were the active one (automation, README).
  const tabParam = params.get('tab');
  const [tab] =
    tabParam !== null
      ? [await browser.tabs.get(Number(tabParam)).catch(() => undefined)]
      : await browser.tabs.query({ active: true, currentWindow: true });
  const ref = tab?.url ? parseEpisodeUrl(tab.url) : null;
  if (!ref || tab?.id === undefined) return { state: { kind: 'not-episode' } };
  try {
    const reply = await send('popup:get-episode', {}, { tab: tab.id, timeoutMs: PAGE_ANSWER_MS });
    if (reply.episode.podcast === ref.podcast && reply.episode.slug === ref.slug) {
      return {
        state: {
          kind: 'episode',
          episode: reply.episode,
          canSeek: reply.canSeek,
          // Each part from where it came: a transcript from the bundle beside the page's notes, people and sponsors.
          from: { notes: reply.notesFrom, cited: reply.source.kind === 'bundle' ? 'bundle' : 'page', people: 'page' },
        },
        tabId: tab.id,
      };
    }
  } catch {
    // No content script on that tab (opened before the extension was installed, or not an
    // episode layout), or an answer that is not well formed: the bundle still has the notes.
  }
  return { state: await fromBundle(ref) };
}

/** Asks the tab's content script to seek its player. */
export async function seekTab(tabId: number | undefined, seconds: number): Promise<boolean> {
  if (tabId === undefined) return false;
  try {
    return (await send('popup:seek', { seconds }, { tab: tabId, timeoutMs: PAGE_ANSWER_MS })).ok;
  } catch {
    return false;
  }
}
