/** What the popup shows, as its wiring (entrypoints/popup) loads it and its view renders it. */
import type { Episode } from '../model/episode';

/** What the popup shows. */
export type PopupState =
  | { kind: 'loading' }
  /** The active tab is not a changelog.com episode page. */
  | { kind: 'not-episode' }
  /** An episode the popup could not load (not bundled, page not reachable). */
  | { kind: 'unavailable'; title: string; reason: string }
  | { kind: 'episode'; episode: Episode; canSeek: boolean; from: 'page' | 'bundle' };
