/**
 * The content script's side of the popup's messages: it answers with what the panel shows and
 * seeks the page's player on request. Only this extension's own pages may ask (lib/app/messages.ts
 * says so, and `on` checks it along with every request's shape).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SourceNote } from '@/lib/app/choose-source';
import { messenger } from '@/lib/app/messages';
import type { PopupEpisode } from '@/lib/app/popup-state';

export interface BridgeSource {
  /** The popup's part of what the panel shows, once it has loaded; made when the popup asks. */
  episode: () => Promise<{ episode: PopupEpisode; source: SourceNote; notesFrom: 'page' | 'bundle' }>;
  canSeek: boolean;
  seek: (seconds: number) => void;
}

export function answerPopup(ctx: ContentScriptContext, bridge: BridgeSource): void {
  const stop = messenger(browser).on({
    'popup:get-episode': () => (ctx.isInvalid ? undefined : bridge.episode().then((shown) => ({ ...shown, canSeek: bridge.canSeek }))),
    'popup:seek': ({ seconds }) => {
      if (ctx.isInvalid) return undefined;
      if (bridge.canSeek) bridge.seek(seconds);
      return { ok: bridge.canSeek };
    },
  });
  ctx.onInvalidated(stop);
}
