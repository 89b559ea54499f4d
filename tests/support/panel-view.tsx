/**
 * The transcript panel rendered for component tests as the content script renders it, with a
 * stand-in player, clipboard and page whose calls are recorded.
 */
import { render } from '@testing-library/preact';
import { vi } from 'vitest';
import { type PanelEnvironment, TranscriptPanel } from '@/components/TranscriptPanel';
import { InputTrust } from '@/components/TrustedButton';
import type { SourceNote } from '@/lib/app/choose-source';
import { DEFAULT_PANEL_SETTINGS, type PanelSettings } from '@/lib/app/settings';
import type { Episode } from '@/lib/model/episode';
import type { TranscriptFile } from '@/lib/model/transcript-formats/index';
import { episodeExportInfo } from '@/lib/site/transcript-download';

/** A panel environment of mocks; `play` moves the stand-in player's play head (null: stopped). */
export function panelEnvironment(reducedMotion: boolean, episode?: Episode) {
  let listener: ((seconds: number | null) => void) | undefined;
  const env: PanelEnvironment = {
    player: {
      available: true,
      seek: vi.fn(),
      subscribe: (callback) => {
        listener = callback;
        return () => {
          listener = undefined;
        };
      },
    },
    copy: vi.fn(async () => true),
    showOnPage: vi.fn(),
    canShowOnPage: true,
    reducedMotion,
    openArchiveSearch: vi.fn(),
    saveFile: vi.fn((_file: TranscriptFile) => true),
    ...(episode ? { exportInfo: episodeExportInfo(episode) } : {}),
  };
  return { env, play: (seconds: number | null) => listener?.(seconds) };
}

export interface PanelViewOptions {
  /** Where the items came from; by default the page, for an episode not in the bundle. */
  source?: SourceNote;
  /** Settings over the defaults. */
  settings?: Partial<PanelSettings>;
  /** Whether the listener asked for reduced motion; by default yes, so nothing animates. */
  reducedMotion?: boolean;
  /**
   * Whether the panel takes the test's synthesized events as the listener's own (by default yes);
   * false keeps the browser's rule, under which a script's `click()` is not the listener.
   */
  trustInput?: boolean;
  /** Decides per event instead (overrides `trustInput`): to mix a listener's input with a page script's. */
  trust?: (event: Event) => boolean;
}

/** Renders the panel of `episode`; the view, its mocked environment and the settings callback. */
export function renderPanelView(episode: Episode, options: PanelViewOptions = {}) {
  const { env, play } = panelEnvironment(options.reducedMotion ?? true, episode);
  const onSettings = vi.fn();
  const panel = (
    <TranscriptPanel
      episode={episode}
      source={options.source ?? { kind: 'page', reason: 'not-in-bundle' }}
      env={env}
      settings={{ ...DEFAULT_PANEL_SETTINGS, ...options.settings }}
      onSettings={onSettings}
    />
  );
  const trust = options.trust ?? (options.trustInput === false ? undefined : () => true);
  const view = render(trust ? <InputTrust.Provider value={trust}>{panel}</InputTrust.Provider> : panel);
  return { ...view, env, play, onSettings };
}
