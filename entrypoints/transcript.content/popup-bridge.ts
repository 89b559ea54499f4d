/**
 * The content script's side of the popup's messages: it answers with what the panel shows and
 * seeks the page's player on request. Only messages from this extension's own pages are
 * answered, and only the shapes in lib/app/messages.ts.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SourceNote } from '@/lib/app/choose-source';
import { type ContentToPopup, isPopupToContent } from '@/lib/app/messages';
import type { PopupEpisode } from '@/lib/app/popup-state';

export interface BridgeSource {
  /** The popup's part of what the panel shows, once it has loaded; made when the popup asks. */
  episode: () => Promise<{ episode: PopupEpisode; source: SourceNote }>;
  canSeek: boolean;
  seek: (seconds: number) => void;
}

type Sender = { id?: string; url?: string };

/**
 * From one of this extension's own pages (the popup, wherever it is open), not a content script
 * (whose sender URL is the web page's) nor another extension.
 */
function fromOwnPage(sender: Sender): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
}

export function answerPopup(ctx: ContentScriptContext, bridge: BridgeSource): void {
  const listener = (message: unknown, sender: Sender): Promise<ContentToPopup> | undefined => {
    if (ctx.isInvalid || !fromOwnPage(sender) || !isPopupToContent(message)) return undefined;
    if (message.type === 'popup:seek') {
      if (bridge.canSeek) bridge.seek(message.seconds);
      return Promise.resolve({ type: 'content:seeked', ok: bridge.canSeek });
    }
    return bridge.episode().then(({ episode, source }) => ({ type: 'content:episode', episode, source, canSeek: bridge.canSeek }));
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => {
    try {
      browser.runtime.onMessage.removeListener(listener);
    } catch {
      // "Extension context invalidated": the listener left with the old extension.
    }
  });
}
