/**
 * Nothing lost across updates: settings stored by an earlier version of the extension come back
 * with every value the listener chose, through WXT's versioned storage item and our migrations.
 * Each test installs a stored shape in a fresh fake browser and loads the settings module anew,
 * as an updated extension would.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_PANEL_SETTINGS,
  PANEL_SETTINGS_MIGRATIONS,
  PANEL_SETTINGS_VERSION,
  type PanelSettings,
  type PanelSettingsV1,
  sanitizePanelSettings,
  TEXT_SIZES,
} from '@/lib/app/settings';
import { RUNS as FUZZ_RUNS } from '../support/fuzz';

/** The storage key (without `local:`) and WXT's version key beside it. */
const KEY = 'panel-settings';
const META_KEY = `${KEY}$`;

async function install(value: unknown, version?: number): Promise<void> {
  const items: Record<string, unknown> = { [KEY]: value };
  if (version !== undefined) items[META_KEY] = { v: version };
  await fakeBrowser.storage.local.set(items);
}

/** The settings module as a freshly updated extension loads it. */
async function updatedExtension() {
  vi.resetModules();
  return import('@/entrypoints/transcript.content/settings');
}

async function stored(): Promise<{ value: unknown; version: unknown }> {
  const all = await fakeBrowser.storage.local.get([KEY, META_KEY]);
  return { value: all[KEY], version: (all[META_KEY] as { v?: number } | undefined)?.v };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('upgrading the panel settings', () => {
  it('keeps every value of every version-1 shape and adds the text size', async () => {
    const shapes: PanelSettingsV1[] = [
      { collapsed: false, follow: true },
      { collapsed: true, follow: true },
      { collapsed: false, follow: false },
      { collapsed: true, follow: false },
    ];
    for (const v1 of shapes) {
      fakeBrowser.reset();
      await install(v1, 1);
      const { readPanelSettings } = await updatedExtension();
      const expected: PanelSettings = { ...v1, textSize: 'normal' };
      expect(await readPanelSettings()).toEqual(expected);
      // Written back once, at the new version, so the next start has nothing to migrate.
      expect(await stored()).toEqual({ value: expected, version: PANEL_SETTINGS_VERSION });
    }
  });

  it('treats a value stored without a version (the first release wrote none) as version 1', async () => {
    await install({ collapsed: true, follow: false });
    const { readPanelSettings } = await updatedExtension();
    expect(await readPanelSettings()).toEqual({ collapsed: true, follow: false, textSize: 'normal' });
  });

  it('leaves current settings alone', async () => {
    const current: PanelSettings = { collapsed: true, follow: false, textSize: 'large' };
    await install(current, PANEL_SETTINGS_VERSION);
    const { readPanelSettings } = await updatedExtension();
    expect(await readPanelSettings()).toEqual(current);
  });

  it('starts from the defaults on a fresh install and remembers a change', async () => {
    const { panelSettings, readPanelSettings } = await updatedExtension();
    expect(await readPanelSettings()).toEqual(DEFAULT_PANEL_SETTINGS);
    await panelSettings.setValue({ ...DEFAULT_PANEL_SETTINGS, textSize: 'small' });
    const again = await updatedExtension();
    expect(await again.readPanelSettings()).toEqual({ ...DEFAULT_PANEL_SETTINGS, textSize: 'small' });
    expect((await stored()).version).toBe(PANEL_SETTINGS_VERSION);
  });

  it('turns a damaged stored value into valid settings, keeping what is valid', async () => {
    await install({ collapsed: 'yes', follow: false, textSize: 'huge', extra: 1 }, 1);
    const { readPanelSettings } = await updatedExtension();
    expect(await readPanelSettings()).toEqual({ collapsed: false, follow: false, textSize: 'normal' });
  });

  it('survives settings from a newer version (a downgrade) with their valid values', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await install({ collapsed: true, follow: false, textSize: 'large', later: 'field' }, PANEL_SETTINGS_VERSION + 1);
    const { readPanelSettings } = await updatedExtension();
    expect(await readPanelSettings()).toEqual({ collapsed: true, follow: false, textSize: 'large' });
    error.mockRestore();
  });
});

describe('the migrations as functions', () => {
  it('keep every boolean of any version-1 value and never throw on anything stored', () => {
    const migrateToLatest = (value: unknown) => {
      let migrated = value;
      for (let version = 2; version <= PANEL_SETTINGS_VERSION; version++)
        migrated = PANEL_SETTINGS_MIGRATIONS[version]?.(migrated) ?? migrated;
      return sanitizePanelSettings(migrated);
    };
    fc.assert(
      fc.property(fc.record({ collapsed: fc.boolean(), follow: fc.boolean() }), (v1) => {
        expect(migrateToLatest(v1)).toEqual({ ...v1, textSize: 'normal' });
      }),
      { numRuns: Math.min(FUZZ_RUNS, 200) },
    );
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const settings = migrateToLatest(value);
        expect(typeof settings.collapsed).toBe('boolean');
        expect(typeof settings.follow).toBe('boolean');
        expect(TEXT_SIZES).toContain(settings.textSize);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
