/** What the panel says for an episode without transcript items, by why it has none. */
import type { Episode } from '@/lib/model/episode';
import { TRANSCRIPTS_REPO_URL } from '@/lib/site/urls';

const NOTES: Partial<Record<Episode['transcriptStatus'], string>> = {
  legacy: 'This episode was published before Changelog had transcripts; there is none to search.',
  missing: 'The transcript of this episode is not available yet.',
  'coming-soon': 'The transcript of this episode is not available yet.',
  unreadable:
    'This page shows its transcript in a layout this version of the extension cannot read yet; it is on the page below, and an update will bring it back here.',
};

export function NoTranscriptNote({ status }: { status: Episode['transcriptStatus'] }) {
  return (
    <section class="panel panel--empty" aria-label="Transcript tools">
      <p class="empty-note" data-testid="no-transcript" data-status={status}>
        {NOTES[status] ?? NOTES.missing}{' '}
        <a href={TRANSCRIPTS_REPO_URL} target="_blank" rel="noopener noreferrer">
          Changelog's transcripts on GitHub
        </a>
      </p>
    </section>
  );
}
