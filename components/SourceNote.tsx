/** The line under the list that says where the transcript shown came from, and why. */
import type { SourceNote as Source } from '@/lib/app/choose-source';

function sourceLine(note: Source): string | null {
  switch (note.kind) {
    case 'bundle':
      return note.pageHadTranscript
        ? 'From the bundled archive (works offline).'
        : "From the bundled archive: this page's transcript could not be read.";
    case 'page':
      if (note.reason === 'newer-than-bundle') {
        return `From this page: it differs from the bundled copy (${note.pageItems} items here, ${note.bundleItems} bundled), so the page wins.`;
      }
      if (note.reason === 'bundle-corrupt') return 'From this page: the bundled copy of this episode could not be read.';
      return 'From this page: this episode is newer than the bundled archive.';
    case 'none':
      return null;
  }
}

export function SourceNote({ source }: { source: Source }) {
  const line = sourceLine(source);
  if (!line) return null;
  return (
    <p class="source-note" data-testid="source-note" data-source={source.kind}>
      {line}
    </p>
  );
}
