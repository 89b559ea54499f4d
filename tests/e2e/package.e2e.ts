/**
 * The built packages as a store sees them: Mozilla's addons-linter finds no error and only the
 * warnings the README justifies; what the Chrome Web Store requires of a manifest; permissions
 * are storage and changelog.com; an explicit strict CSP; web-accessible files narrowed to what the
 * content script reads; no remote code; no JavaScript file the store would stop parsing (4 MB).
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

  it('have what the Chrome Web Store requires: a version, a description of at most 132 characters, icons up to 128 px', () => {
    for (const dir of Object.values(EXTENSION_DIRS)) {
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      expect(manifest.version).toMatch(/^\d+(\.\d+){0,3}$/);
      expect(manifest.name.length).toBeLessThanOrEqual(75);
      expect(manifest.description.length).toBeGreaterThan(0);
      expect(manifest.description.length).toBeLessThanOrEqual(132);
      expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '96', '128']);
      const action = manifest.action ?? manifest.browser_action;
      expect(action.default_icon['16']).toBe(manifest.icons['16']);
      for (const [size, path] of Object.entries<string>(manifest.icons)) {
        const png = readFileSync(join(dir, path));
        // A PNG's width and height stand in its IHDR chunk, bytes 16 to 24.
        expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${path}`).toEqual([Number(size), Number(size)]);
      }
    }
  });

  it('ask for storage and changelog.com only, set a strict CSP, and expose only what the content script reads, to changelog.com only', () => {
    const csp =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
    const chrome = JSON.parse(readFileSync(join(EXTENSION_DIRS.chromium, 'manifest.json'), 'utf8'));
    expect(chrome.permissions).toEqual(['storage']);
    expect(chrome.host_permissions).toEqual(['https://changelog.com/*']);
    expect(chrome.content_security_policy).toEqual({ extension_pages: csp });
    const exposed = chrome.web_accessible_resources.flatMap((entry: { resources: string[] }) => entry.resources).sort();
    expect(exposed).toEqual([
      'content-scripts/transcript-panel/*',
      'content-scripts/transcript-panel/chunks/*',
      'data/episodes/*',
      'data/episodes/*/*',
      'data/records.dict',
      'data/shows/*',
    ]);
    for (const entry of chrome.web_accessible_resources) {
      expect(entry.matches).toEqual(['https://changelog.com/*']);
      expect(entry.use_dynamic_url).toBe(true);
    }
    const firefox = JSON.parse(readFileSync(join(EXTENSION_DIRS.firefox, 'manifest.json'), 'utf8'));
    expect(firefox.manifest_version).toBe(3);
    expect(firefox.permissions).toEqual(['storage']);
    expect(firefox.host_permissions).toEqual(['https://changelog.com/*']);
    expect(firefox.content_security_policy).toEqual({ extension_pages: csp });
    const firefoxExposed = firefox.web_accessible_resources.flatMap((entry: { resources: string[] }) => entry.resources).sort();
    expect(firefoxExposed).toEqual(exposed);
    for (const entry of firefox.web_accessible_resources) expect(entry.matches).toEqual(['https://changelog.com/*']);
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
