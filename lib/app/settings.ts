/**
 * The listener's settings as stored, with every earlier shape and how it upgrades. Plain data and
 * pure functions; the storage item that holds them is defined where they are used
 * (`storage.defineItem` with this version and these migrations).
 */

/** How large the panel's transcript text is, relative to the page's. */
export type TextSize = 'small' | 'normal' | 'large';

/** The sizes in the order the panel's text-size button steps through them. */
export const TEXT_SIZES: readonly TextSize[] = ['small', 'normal', 'large'];

/** What the transcript panel remembers between pages (version 2). */
export interface PanelSettings {
  /** The panel is folded to its header. */
  collapsed: boolean;
  /** Follow-along scrolls the panel to the item playing. */
  follow: boolean;
  /** The transcript's text size (added in version 2). */
  textSize: TextSize;
}

/**
 * Version 1, as the first release stored it: no text size. Kept so the migration and its test
 * say exactly what they upgrade from.
 */
export interface PanelSettingsV1 {
  collapsed: boolean;
  follow: boolean;
}

export const PANEL_SETTINGS_KEY = 'local:panel-settings';
export const PANEL_SETTINGS_VERSION = 2;
export const DEFAULT_PANEL_SETTINGS: PanelSettings = { collapsed: false, follow: true, textSize: 'normal' };

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function booleanOr(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/** Any stored value → valid settings (unknown fields dropped, wrong types defaulted). */
export function sanitizePanelSettings(value: unknown): PanelSettings {
  const stored = record(value);
  return {
    collapsed: booleanOr(stored.collapsed, DEFAULT_PANEL_SETTINGS.collapsed),
    follow: booleanOr(stored.follow, DEFAULT_PANEL_SETTINGS.follow),
    textSize: TEXT_SIZES.includes(stored.textSize as TextSize) ? (stored.textSize as TextSize) : DEFAULT_PANEL_SETTINGS.textSize,
  };
}

/**
 * Upgrades from earlier versions, keyed by the version they produce; WXT runs each one from the
 * stored version up. Every value the listener chose survives; new fields get their defaults.
 */
export const PANEL_SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  2: (old: unknown): PanelSettings => {
    const v1 = record(old);
    return sanitizePanelSettings({ collapsed: v1.collapsed, follow: v1.follow, textSize: DEFAULT_PANEL_SETTINGS.textSize });
  },
};
