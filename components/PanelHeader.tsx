/** The panel's header: collapse, the episode at a glance, follow-along, back to now, text size. */
import type { ComponentChildren } from 'preact';
import type { PanelSettings } from '@/lib/app/settings';
import type { Episode } from '@/lib/model/episode';
import { TrustedButton } from './TrustedButton';
import { nextTextSize } from './text-size';

export interface PanelHeaderProps {
  episode: Episode;
  settings: PanelSettings;
  onSettings: (change: Partial<PanelSettings>) => void;
  /** The page has the site's player: follow-along makes sense. */
  canFollow: boolean;
  /** The item being said is out of view while following: offer to go back to it. */
  offerBackToNow: boolean;
  onBackToNow: () => void;
  /** More controls after the built-in ones (the Download menu). */
  children?: ComponentChildren;
}

function durationLabel(episode: Episode): string | null {
  const last = episode.items[episode.items.length - 1];
  const seconds = episode.duration ?? (last ? last.estimatedStart : undefined);
  if (!seconds) return null;
  const minutes = Math.round(seconds / 60);
  return `${episode.duration === undefined ? '~' : ''}${minutes} min`;
}

export function PanelHeader({ episode, settings, onSettings, canFollow, offerBackToNow, onBackToNow, children }: PanelHeaderProps) {
  const meta = [`${episode.items.length} items`, `${episode.speakers.length} speakers`, durationLabel(episode)].filter(Boolean).join(' · ');
  return (
    <header class="panel-head">
      <TrustedButton
        class="panel-toggle"
        aria-expanded={settings.collapsed ? 'false' : 'true'}
        aria-controls="panel-body"
        onClick={() => onSettings({ collapsed: !settings.collapsed })}
      >
        <span class="panel-caret" aria-hidden="true">
          {settings.collapsed ? '▸' : '▾'}
        </span>{' '}
        <strong>Transcript</strong> <span class="panel-meta">{meta}</span>
      </TrustedButton>
      {!settings.collapsed && (
        <span class="panel-controls">
          {canFollow && (
            <TrustedButton
              class="chip"
              data-testid="follow"
              aria-pressed={settings.follow ? 'true' : 'false'}
              onClick={() => onSettings({ follow: !settings.follow })}
              title="Scroll along with the audio"
            >
              Follow along
            </TrustedButton>
          )}
          {canFollow && settings.follow && offerBackToNow && (
            <button type="button" class="chip chip--now" data-testid="back-to-now" onClick={onBackToNow}>
              Back to now
            </button>
          )}
          <TrustedButton
            class="chip"
            data-testid="text-size"
            data-size={settings.textSize}
            aria-label={`Text size: ${settings.textSize}`}
            title="Change the transcript's text size"
            onClick={() => onSettings({ textSize: nextTextSize(settings.textSize) })}
          >
            <span aria-hidden="true">Aa</span>
          </TrustedButton>
          {children}
        </span>
      )}
    </header>
  );
}
