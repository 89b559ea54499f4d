/**
 * Follow-along: the play head from the site's player, the item and chapter it is in, and the list
 * kept on the item being said, unless the listener scrolled away in the last few seconds.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Chapter, TranscriptItem } from '@/lib/model/episode';
import { chapterPlaying, itemAt, type PlayerBridge, playedFrom, type Sought } from '@/lib/site/player';
import type { ScrollRequest } from '../VirtualList';

/** After the reader scrolls the list, follow-along leaves it alone this long. */
export const FOLLOW_PAUSE_MS = 4000;

export interface FollowAlongOptions {
  player: PlayerBridge;
  items: readonly TranscriptItem[];
  chapters: readonly Chapter[];
  /** Whether to keep the playing item in view (the listener's setting, and the panel open). */
  following: boolean;
  /** Where each item is in the list shown (it changes with search and filters). */
  positionOf: ReadonlyMap<number, number>;
  scrollTo: (position: number, align: ScrollRequest['align']) => void;
}

export function useFollowAlong({ player, items, chapters, following, positionOf, scrollTo }: FollowAlongOptions) {
  const [playhead, setPlayhead] = useState<number | null>(null);
  const lastUserScroll = useRef(0);
  // The rows in view change on every search and scroll; only whether the playing item is among
  // them shows on screen (Back to now), so only that is state: no second render per keystroke.
  const visibleKeys = useRef<ReadonlySet<number>>(new Set());
  const [, setPlayingInView] = useState(true);

  // The item the listener last sought: the play head cannot tell it from others that start in the same second.
  const [sought, setSought] = useState<Sought | undefined>(undefined);

  useEffect(() => player.subscribe(setPlayhead), [player]);
  const current = playhead === null ? undefined : itemAt(items, playhead, sought);
  const currentChapter = playhead === null ? undefined : chapterPlaying(chapters, playhead);

  useEffect(() => {
    if (!following || !current) return;
    if (Date.now() - lastUserScroll.current < FOLLOW_PAUSE_MS) return;
    const position = positionOf.get(current.index);
    if (position !== undefined && !visibleKeys.current.has(current.index)) scrollTo(position, 'reading');
  }, [current?.index, following]);

  return {
    current,
    currentChapter,
    /** The playing item is in the list but scrolled out of view. */
    outOfView: current !== undefined && positionOf.has(current.index) && !visibleKeys.current.has(current.index),
    /**
     * Plays from `seconds` (the start of item `item`, or a time inside it) and lets follow-along
     * bring the list there. The play head is at once where the player will read it, so the item
     * is marked before the player answers, and stays marked while it is paused there.
     */
    seek(seconds: number, item?: number) {
      player.seek(seconds);
      const second = playedFrom(seconds);
      setSought(item === undefined ? undefined : { item, second });
      setPlayhead(second);
      lastUserScroll.current = 0;
    },
    /** Brings the list back to the item being said. */
    backToNow() {
      if (!current) return;
      lastUserScroll.current = 0;
      const position = positionOf.get(current.index);
      if (position !== undefined) scrollTo(position, 'reading');
    },
    /** The listener moved the list (a scroll, a chapter jump): follow-along pauses. */
    userMoved() {
      lastUserScroll.current = Date.now();
    },
    onViewChange(keys: ReadonlySet<number>) {
      visibleKeys.current = keys;
      setPlayingInView(current === undefined || keys.has(current.index));
    },
  };
}
