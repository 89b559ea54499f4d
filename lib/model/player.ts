/**
 * A player as the panel sees it, whatever drives it: changelog.com's own player through its `#t=`
 * deep links (lib/site/player.ts and the content script's site player), or a page's own
 * `<audio>`/`<video>` on any other site (lib/any-site/media-player.ts). It lives in the model so
 * that both site layers implement it without importing each other.
 */
export interface PlayerBridge {
  /** False when the page has no player: seek controls are hidden. */
  available: boolean;
  seek: (seconds: number) => void;
  /** Calls back with the play head (seconds) as it moves; null when the player stops being active. */
  subscribe: (listener: (seconds: number | null) => void) => () => void;
}
