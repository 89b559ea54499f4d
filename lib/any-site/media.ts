/**
 * Which of a page's own `<audio>` and `<video>` elements is the episode. A page may hold several:
 * a background loop, a trailer, an ad, other episodes' players down a list. The episode is the one
 * that:
 *
 * 1. has a source (`src`, `currentSrc` or a `<source>`), and is not decoration: not muted and
 *    looping or autoplaying, not known to be shorter than half a minute;
 * 2. is long enough for the transcript when both lengths are known (its duration covers the
 *    transcript's last timestamp);
 * 3. then, in order: audio before video (a podcast page's video is more often a clip), the
 *    longest known duration, and the nearest to the transcript in the page (the last one before
 *    it, else the first one after it).
 *
 * Players inside other documents (`<iframe>` embeds) are out of reach and not considered.
 */

/** Media shorter than this is a clip or a sound, never an episode. */
const SHORTEST_EPISODE = 30;
/** Media elements a page may hold that are looked at: a list of a thousand players is not one episode page. */
const MAX_MEDIA = 200;
/** `Node.DOCUMENT_POSITION_FOLLOWING`, spelled out so the file needs no DOM globals. */
const FOLLOWING = 4;

/** A media element's duration in seconds, when the browser knows it. */
export function knownDuration(media: HTMLMediaElement): number | undefined {
  const duration = media.duration;
  return Number.isFinite(duration) && duration > 0 ? duration : undefined;
}

function hasSource(media: HTMLMediaElement): boolean {
  if (media.getAttribute('src') || media.currentSrc) return true;
  for (const child of media.children) if (child.tagName === 'SOURCE' && child.getAttribute('src')) return true;
  return false;
}

function isDecoration(media: HTMLMediaElement): boolean {
  const muted = media.muted || media.hasAttribute('muted');
  if (muted && (media.hasAttribute('loop') || media.hasAttribute('autoplay'))) return true;
  const duration = knownDuration(media);
  return duration !== undefined && duration < SHORTEST_EPISODE;
}

/** Where `media` is from `anchor` in page order: 0 for the nearest before it, growing; after it, beyond every one before. */
function distance(anchor: Element | null, order: number, anchorOrder: number): number {
  if (!anchor) return order;
  return order <= anchorOrder ? anchorOrder - order : 1_000_000 + order;
}

/**
 * The page's own media element that plays the episode, or null. `near` is the transcript's block;
 * `lastTimestamp` the transcript's last explicit time (seconds), when it has one.
 */
export function episodeMedia(doc: Document, near: Element | null = null, lastTimestamp?: number): HTMLMediaElement | null {
  const found = [...doc.querySelectorAll<HTMLMediaElement>('audio, video')].slice(0, MAX_MEDIA);
  const usable = found.filter((media) => hasSource(media) && !isDecoration(media));
  if (usable.length === 0) return null;
  const longEnough = usable.filter((media) => {
    const duration = knownDuration(media);
    return lastTimestamp === undefined || duration === undefined || duration >= lastTimestamp;
  });
  const pool = longEnough.length > 0 ? longEnough : usable;
  // Page order of the media and of the transcript, to measure nearness.
  let anchorOrder = -1;
  if (near) {
    anchorOrder = pool.filter((media) => media.compareDocumentPosition(near) & FOLLOWING).length - 1;
  }
  const ranked = pool.map((media, order) => ({
    media,
    audio: media.tagName === 'AUDIO' ? 0 : 1,
    duration: knownDuration(media) ?? 0,
    distance: distance(near, order, anchorOrder),
  }));
  ranked.sort((a, b) => a.audio - b.audio || b.duration - a.duration || a.distance - b.distance);
  return ranked[0]?.media ?? null;
}
