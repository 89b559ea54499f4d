/**
 * Where the build keeps the bundled index between runs, and how the build learns which shows to
 * include. Node only.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Git-ignored cache the extension build copies the bundle from (relative to the project root);
 * `CHANGELOG_BUNDLE_CACHE` moves it (tests that build a few shows keep the whole archive's intact).
 */
export const BUNDLE_CACHE_DIR = process.env.CHANGELOG_BUNDLE_CACHE ?? '.cache/bundled-index';

export function projectRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..');
}

/** `CHANGELOG_SHOWS=shipit,gotime` limits the bundle the extension build makes (like `--shows`). */
export function showsFromEnv(): string[] | undefined {
  const value = process.env.CHANGELOG_SHOWS;
  return value
    ? value
        .split(',')
        .map((show) => show.trim())
        .filter(Boolean)
    : undefined;
}
