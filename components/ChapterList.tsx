/**
 * The episode's chapters (the site's, or derived from its breaks), the current one marked.
 * A click seeks the site's player to the chapter and scrolls the panel there.
 */

import { formatClock } from '@/lib/model/clock';
import type { Chapter } from '@/lib/model/episode';

export interface ChapterListProps {
  chapters: Chapter[];
  current: Chapter | undefined;
  canSeek: boolean;
  onChapter: (chapter: Chapter) => void;
}

export function ChapterList({ chapters, current, canSeek, onChapter }: ChapterListProps) {
  if (chapters.length === 0) return null;
  const derived = chapters[0]?.source === 'derived';
  return (
    <nav class="chapters" aria-label={derived ? 'Parts of the episode (between its breaks)' : 'Chapters'}>
      <ol>
        {chapters.map((chapter) => {
          const isCurrent = current === chapter;
          return (
            <li key={`${chapter.number}-${chapter.start}`}>
              <button
                type="button"
                class="chapter"
                data-testid="chapter"
                data-start={chapter.start}
                aria-current={isCurrent ? 'true' : undefined}
                onClick={() => onChapter(chapter)}
                title={canSeek ? `Play from ${formatClock(chapter.start)}` : `Go to ${formatClock(chapter.start)}`}
              >
                <span class="time">{formatClock(chapter.start)}</span> <span class="chapter-title">{chapter.title}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
