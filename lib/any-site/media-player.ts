/**
 * The panel's {@link PlayerBridge} over a page's own `<audio>` or `<video>`: a time button sets
 * `currentTime` and plays, follow-along reads `currentTime` as the element reports it. The play
 * head is reported once the listener has started the media (played, or moved it off zero), as the
 * changelog.com player's is once it is active; before that there is nothing to follow.
 */
import type { PlayerBridge } from '../model/player';

/** Events after which the play head may have moved. */
const MOVED = ['timeupdate', 'seeked', 'play', 'pause', 'ratechange'] as const;
/** Events after which the media plays something else, or nothing. */
const GONE = ['emptied', 'abort'] as const;

/** A player for `media`; without one (null), a bridge that says no player is available. */
export function mediaPlayer(media: HTMLMediaElement | null, signal?: AbortSignal): PlayerBridge {
  if (!media) return { available: false, seek: () => {}, subscribe: () => () => {} };

  const seek = (seconds: number) => {
    if (signal?.aborted) return;
    const duration = media.duration;
    const target = Math.max(0, Number.isFinite(seconds) ? seconds : 0);
    media.currentTime = Number.isFinite(duration) && duration > 0 ? Math.min(target, duration) : target;
    // A click on a time button is the listener asking to hear it; the page's autoplay policy may
    // still refuse, and then the media waits at that time for the page's own play button.
    media.play()?.catch(() => {});
  };

  const subscribe = (listener: (seconds: number | null) => void) => {
    const started = () => !media.paused || media.currentTime > 0;
    const moved = () => {
      if (started()) listener(media.currentTime);
    };
    const gone = () => listener(null);
    for (const type of MOVED) media.addEventListener(type, moved);
    for (const type of GONE) media.addEventListener(type, gone);
    const unsubscribe = () => {
      for (const type of MOVED) media.removeEventListener(type, moved);
      for (const type of GONE) media.removeEventListener(type, gone);
    };
    signal?.addEventListener('abort', unsubscribe, { once: true });
    moved();
    return unsubscribe;
  };

  return { available: true, seek, subscribe };
}
