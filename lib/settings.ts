/**
 * The listener's settings as stored, with every earlier shape and how it upgrades. Plain data and
 * pure functions; the storage item that holds them is defined where they are used
 * (`storage.defineItem` with this version and these migrations).
 */

/** What the transcript panel remembers between pages. */
export interface PanelSettings {
  /** The panel is folded to its header. */
  collapsed: boolean;
  /** Follow-along scrolls the panel to the item playing. */
  follow: boolean;
}

export const PANEL_SETTINGS_KEY = 'local:panel-settings';
export const PANEL_SETTINGS_VERSION = 1;
export const DEFAULT_PANEL_SETTINGS: PanelSettings = { collapsed: false, follow: true };

/** Any stored value → valid settings (unknown fields dropped, wrong types defaulted). */
export function sanitizePanelSettings(value: unknown): PanelSettings {
  const stored = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return {
    collapsed: typeof stored.collapsed === 'boolean' ? stored.collapsed : DEFAULT_PANEL_SETTINGS.collapsed,
    follow: typeof stored.follow === 'boolean' ? stored.follow : DEFAULT_PANEL_SETTINGS.follow,
  };
}

/** Upgrades from earlier versions, keyed by the version they produce (none yet). */
export const PANEL_SETTINGS_MIGRATIONS: Record<number, (old: unknown) => PanelSettings> = {};
