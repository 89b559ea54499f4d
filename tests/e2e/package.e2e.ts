/**
 * The built packages as a store sees them: Mozilla's addons-linter finds no error and only the
 * warnings the README justifies; permissions are storage and changelog.com; the default CSP; no
 * remote code; no JavaScript file the store would stop parsing (4 MB).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/shared';
import { EXTENSION_DIRS } from './support/browsers';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Warnings of addons-linter the README explains, by code and file. */
const JUSTIFIED_WARNINGS = [
  // The content script imports the panel's module from runtime.getURL: the extension's own file.
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^content-scripts\/transcript\.js$/, message: /import/ },
  // Preact's dangerouslySetInnerHTML branch, compiled in though nothing of ours uses it (lint-enforced).
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^(chunks\/popup-[\w-]+|content-scripts\/transcript-panel\/panel)\.js$/, message: /innerHTML/ },
];

describe('the built packages', () => {
  it('pass addons-linter with no errors and only justified warnings', () => {
    const result = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/addons-linter'), [EXTENSION_DIRS.firefox, '--output', 'json'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    const report = JSON.parse(result.stdout) as { errors: unknown[]; warnings: { code: string; file?: string; message: string }[] };
    expect(report.errors).toEqual([]);
    const unexplained = report.warnings.filter(
      (warning) =>
        !JUSTIFIED_WARNINGS.some(
          (known) => known.code === warning.code && known.file.test(warning.file ?? '') && known.message.test(warning.message),
        ),
    );
    expect(unexplained).toEqual([]);
  });

  it('ask for storage and changelog.com only, keep the default CSP, and expose their files to changelog.com only', () => {
    const chrome = JSON.parse(readFileSync(join(EXTENSION_DIRS.chromium, 'manifest.json'), 'utf8'));
    expect(chrome.permissions).toEqual(['storage']);
    expect(chrome.host_permissions).toEqual(['https://changelog.com/*']);
    expect(chrome.content_security_policy).toBeUndefined();
    for (const entry of chrome.web_accessible_resources) expect(entry.matches).toEqual(['https://changelog.com/*']);
    const firefox = JSON.parse(readFileSync(join(EXTENSION_DIRS.firefox, 'manifest.json'), 'utf8'));
    expect(firefox.permissions).toEqual(['storage', 'https://changelog.com/*']);
    expect(firefox.content_security_policy).toBeUndefined();
  });

  it('carry no remote code and no JavaScript file over 4 MB', () => {
    for (const dir of Object.values(EXTENSION_DIRS)) {
      for (const file of files(dir).filter((path) => path.endsWith('.js') || path.endsWith('.html'))) {
        const text = readFileSync(file, 'utf8');
        const name = relative(dir, file);
        expect(statSync(file).size, name).toBeLessThan(4 * 1024 * 1024);
        expect(text, name).not.toMatch(/<script[^>]+src=["']https?:|importScripts\(\s*["']https?:|import\(\s*["']https?:/);
      }
    }
  });
});
