/**
 * The packages rebuild exactly. From a copy of this working tree, `wxt zip -b firefox` makes the
 * sources package addons.mozilla.org asks for; it is unpacked twice, and each copy built with the
 * README's build command (dependencies linked rather than installed; the corpus named by
 * CHANGELOG_CORPUS). Both Chrome builds agree byte for byte, and so does the Firefox build with the
 * one the zip was made with. A few shows only (Ship It!), so it takes a minute, not ten.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, hasCorpus, needs, PROJECT_ROOT } from '../support/shared';

const work = mkdtempSync(join(tmpdir(), 'changelog-release-'));
afterAll(() => process.env.KEEP_RELEASE_DIRS || rmSync(work, { recursive: true, force: true }));

/** A listener's shell, not Vitest's: its NODE_ENV=test would make Preact compile development JSX. */
const shell = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')));
const env = { ...shell, CHANGELOG_CORPUS: CORPUS_DIR, CHANGELOG_SHOWS: 'shipit', CHANGELOG_BUNDLE_CACHE: '.cache/release-test' };

function run(cwd: string, command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 600_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} in ${cwd} failed:\n${result.stdout}\n${result.stderr}`);
}

/** Every file under `dir` with its SHA-256, by path. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

/** A project folder with `node_modules` linked from ours. */
function project(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

describe(needs(hasCorpus, 'the release packages'), () => {
  it.runIf(hasCorpus)(
    'rebuild from the sources package, every file byte for byte',
    () => {
      // The working tree as git sees it (tracked and untracked files, nothing ignored).
      const source = project('tree');
      const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
      });
      for (const file of listed.split('\0').filter((path) => path !== '' && existsSync(join(PROJECT_ROOT, path)))) {
        mkdirSync(join(source, file, '..'), { recursive: true });
        cpSync(join(PROJECT_ROOT, file), join(source, file));
      }
      run(source, 'npx', ['wxt', 'zip', '-b', 'firefox']);
      const zips = readdirSync(join(source, '.output')).filter((name) => name.endsWith('.zip'));
      const sources = zips.find((name) => name.endsWith('-sources.zip'));
      expect(zips.some((name) => name.endsWith('-firefox.zip'))).toBe(true);
      expect(sources).toBeDefined();

      const unpacked = unzipSync(readFileSync(join(source, '.output', sources as string)));
      const names = Object.keys(unpacked);
      expect(names).toContain('package.json');
      expect(names).toContain('package-lock.json');
      expect(names).toContain('.biome/no-unsafe-html.grit');
      expect(names.filter((name) => name.startsWith('node_modules/') || name.startsWith('.output/') || name.startsWith('corpus/'))).toEqual(
        [],
      );

      const builds = ['first', 'second'].map((name) => {
        const dir = project(name);
        for (const [path, bytes] of Object.entries(unpacked)) {
          if (path.endsWith('/')) continue;
          mkdirSync(join(dir, path, '..'), { recursive: true });
          writeFileSync(join(dir, path), bytes);
        }
        run(dir, 'npm', ['run', 'build']);
        return dir;
      });
      const [first, second] = builds as [string, string];
      const chrome = tree(join(first, '.output/chrome-mv3'));
      expect(Object.keys(chrome)).toContain('manifest.json');
      expect(Object.keys(chrome).some((path) => path.startsWith('data/episodes/shipit/'))).toBe(true);
      expect(tree(join(second, '.output/chrome-mv3'))).toEqual(chrome);
      // Nothing of where it was built: no path of the build folder in any file.
      for (const file of Object.keys(chrome).filter((path) => /\.(js|html|json)$/.test(path))) {
        expect(readFileSync(join(first, '.output/chrome-mv3', file), 'utf8'), file).not.toContain(work);
      }
      expect(tree(join(first, '.output/firefox-mv3'))).toEqual(tree(join(source, '.output/firefox-mv3')));
    },
    900_000,
  );
});
