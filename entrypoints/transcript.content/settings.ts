/** The panel's remembered settings: a versioned storage item (see lib/app/settings.ts for its shapes). */
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_PANEL_SETTINGS,
  PANEL_SETTINGS_KEY,
  PANEL_SETTINGS_MIGRATIONS,
  PANEL_SETTINGS_VERSION,
  type PanelSettings,
  sanitizePanelSettings,
} from '@/lib/app/settings';

export const panelSettings = storage.defineItem<PanelSettings>(PANEL_SETTINGS_KEY, {
  fallback: DEFAULT_PANEL_SETTINGS,
  version: PANEL_SETTINGS_VERSION,
  migrations: PANEL_SETTINGS_MIGRATIONS,
});

/** The stored settings, valid whatever was stored; defaults when storage is unreachable. */
export async function readPanelSettings(): Promise<PanelSettings> {
  try {
    return sanitizePanelSettings(await panelSettings.getValue());
  } catch {
    return DEFAULT_PANEL_SETTINGS;
  }
}
