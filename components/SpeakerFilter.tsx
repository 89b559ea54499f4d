/**
 * One chip per speaker, with turns and share of words; select one or several to see only what
 * they said. Combines with the search.
 */
import type { SpeakerStats } from '@/lib/model/episode';

export interface SpeakerFilterProps {
  speakers: SpeakerStats[];
  selected: ReadonlySet<string>;
  onToggle: (name: string) => void;
  onClear: () => void;
}

export function SpeakerFilter({ speakers, selected, onToggle, onClear }: SpeakerFilterProps) {
  if (speakers.length === 0) return null;
  const totalWords = speakers.reduce((sum, speaker) => sum + speaker.words, 0) || 1;
  return (
    <fieldset class="speakers">
      <legend class="visually-hidden">Filter by speaker</legend>
      {speakers.map((speaker) => {
        const share = Math.round((speaker.words / totalWords) * 100);
        const pressed = selected.has(speaker.name);
        return (
          <button
            key={speaker.name}
            type="button"
            class="chip"
            data-testid="speaker"
            data-speaker={speaker.name}
            aria-pressed={pressed ? 'true' : 'false'}
            title={`${speaker.turns} turns, ${share}% of the words`}
            onClick={() => onToggle(speaker.name)}
          >
            <span class="chip-name">{speaker.name}</span>
            <span class="chip-meta">
              {speaker.turns} · {share}%
            </span>
          </button>
        );
      })}
      {selected.size > 0 && (
        <button type="button" class="chip chip--clear" onClick={onClear}>
          Everyone
        </button>
      )}
    </fieldset>
  );
}
