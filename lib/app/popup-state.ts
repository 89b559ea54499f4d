/** What the popup shows and may do, as its wiring (entrypoints/popup) provides it and its view (components/Popup) uses it. */
import type { Episode } from '../model/episode';

/** What the popup shows. */
export type PopupState =
  | { kind: 'loading' }
  /** The active tab is not a changelog.com episode page. */
  | { kind: 'not-episode' }
  /** An episode the popup could not load (not bundled, page not reachable). */
  | { kind: 'unavailable'; title: string; reason: string }
  | { kind: 'episode'; episode: Episode; canSeek: boolean; from: 'page' | 'bundle' };

/** What the popup's view may do outside itself. */
export interface PopupActions {
  copy: (text: string) => Promise<boolean>;
  openTabs: (urls: string[]) => void;
  /** Seeks the page's player; false when the page did not answer. */
  seek: (seconds: number) => Promise<boolean>;
}
