/**
 * The site's player behind the panel's {@link PlayerBridge}: seeks through `#t=` deep links (see
 * lib/site/player.ts for the two quirks), and reads the play head from the player UI with observers
 * that exist only while the player is active. Everything stops with the content script.
 */
import type { PlayerBridge } from '@/lib/site/player';
import { readPlayhead, seekUrl } from '@/lib/site/player';
import { SITE_CLASSES, select } from '@/lib/site/selectors';

export function sitePlayer(doc: Document, signal: AbortSignal): PlayerBridge {
  const player = select<HTMLElement>(doc, 'player');
  // Episode pages always carry a play button; without player UI there is nothing to seek.
  const available = player !== null || select(doc, 'playButton') !== null;

  const seek = (seconds: number) => {
    if (signal.aborted) return;
    const target = seekUrl(location.href, seconds);
    // A fragment-only replace fires `hashchange` (the site's deep-link handler) without
    // adding a history entry per seek.
    if (target) location.replace(target);
  };

  const subscribe = (listener: (seconds: number | null) => void) => {
    if (!player) return () => {};
    let clock: MutationObserver | undefined;
    let scrubber: HTMLInputElement | null = null;
    const read = () => {
      const current = select(doc, 'playerCurrent')?.textContent;
      listener(readPlayhead(current, scrubber?.value));
    };
    const start = () => {
      if (clock) return;
      const current = select(doc, 'playerCurrent');
      scrubber = select<HTMLInputElement>(doc, 'playerScrubber');
      clock = new MutationObserver(read);
      if (current) clock.observe(current, { childList: true, characterData: true, subtree: true });
      scrubber?.addEventListener('input', read, { signal });
      read();
    };
    const stop = () => {
      clock?.disconnect();
      clock = undefined;
      scrubber?.removeEventListener('input', read);
      listener(null);
    };
    const sync = () => (player.classList.contains(SITE_CLASSES.playerActive) ? start() : stop());
    const activity = new MutationObserver(sync);
    activity.observe(player, { attributes: true, attributeFilter: ['class'] });
    if (player.classList.contains(SITE_CLASSES.playerActive)) start();
    const unsubscribe = () => {
      activity.disconnect();
      clock?.disconnect();
      clock = undefined;
    };
    signal.addEventListener('abort', unsubscribe, { once: true });
    return unsubscribe;
  };

  return { available, seek, subscribe };
}
