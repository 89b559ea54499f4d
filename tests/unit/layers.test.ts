/**
 * The shape of the code, enforced: a file's folder says where it may run and what it may import.
 *
 * - `pipeline/`: the build (corpus → records → archive index), Node only; used by `modules/`,
 *   its own CLI and tests, never by anything that ships.
 * - `lib/`: browser code without extension APIs, in layers that import one way:
 *   `model` → `site` | `any-site` → `archive` → `app` (a layer imports only itself and the layers
 *   before it). `site` (changelog.com) and `any-site` (a transcript in any other page) are
 *   siblings: both build on `model`, neither imports the other, and `archive` and `app` may use
 *   either.
 * - `components/`: Preact views over `lib/`; `entrypoints/`: the wiring, the only place with
 *   extension APIs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/shared';

/** Each layer's rank: a layer imports only its own folder and layers of a lower rank. */
const LIB_LAYERS = { model: 0, site: 1, 'any-site': 1, archive: 2, app: 3 } as const;
type Layer = keyof typeof LIB_LAYERS;
/** Packages only the build uses: they must never reach the extension. */
const BUILD_ONLY_PACKAGES = ['markdown-it', 'entities', 'vite', 'esbuild', 'tsx'];
/** Packages that reach extension APIs: the wiring's business only. */
const EXTENSION_API_PACKAGES = ['wxt/browser', 'wxt/utils', 'webextension-polyfill', '@wxt-dev/'];

function sourceFiles(folder: string): string[] {
  const root = join(PROJECT_ROOT, folder);
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name)) found.push(relative(PROJECT_ROOT, path));
    }
  };
  walk(root);
  return found.sort();
}

const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** What a file imports: project paths (relative to the root, no extension) and package names. */
function importsOf(file: string): { paths: string[]; packages: string[] } {
  const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
  const paths: string[] = [];
  const packages: string[] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    const spec = (match[1] ?? match[2] ?? match[3] ?? '').replace(/\?.*$/, '');
    if (spec.startsWith('@/')) paths.push(normalize(spec.slice(2)));
    else if (spec.startsWith('.')) paths.push(normalize(join(dirname(file), spec)));
    else packages.push(spec);
  }
  return { paths, packages };
}

function layerOf(path: string): Layer | null {
  const [top, layer] = path.split('/');
  return top === 'lib' && layer !== undefined && Object.hasOwn(LIB_LAYERS, layer) ? (layer as Layer) : null;
}

const shipped = [...sourceFiles('lib'), ...sourceFiles('components'), ...sourceFiles('entrypoints')];

describe('where code runs', () => {
  it('puts every lib/ file in one of its layers', () => {
    const outside = sourceFiles('lib').filter((file) => layerOf(file) === null);
    expect(outside).toEqual([]);
  });

  it.each(shipped)('%s never imports Node, the build, or a build-only package', (file) => {
    const { paths, packages } = importsOf(file);
    expect(packages.filter((name) => name.startsWith('node:') || BUILD_ONLY_PACKAGES.includes(name))).toEqual([]);
    expect(paths.filter((path) => path.startsWith('pipeline/') || path.startsWith('modules/'))).toEqual([]);
  });

  it.each(sourceFiles('lib'))('%s uses no extension API and no view', (file) => {
    const { paths, packages } = importsOf(file);
    expect(packages.filter((name) => EXTENSION_API_PACKAGES.some((api) => name.startsWith(api)))).toEqual([]);
    expect(paths.filter((path) => !path.startsWith('lib/'))).toEqual([]);
    const code = readFileSync(join(PROJECT_ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
    expect(code).not.toMatch(/\b(?:chrome|browser)\.(?:runtime|tabs|storage)\b/);
  });

  it.each(sourceFiles('lib'))('%s imports only its own layer and the ones before it', (file) => {
    const own = layerOf(file) as Layer;
    const forbidden = importsOf(file).paths.filter((path) => {
      const layer = layerOf(path);
      return layer !== null && layer !== own && LIB_LAYERS[layer] >= LIB_LAYERS[own];
    });
    expect(forbidden, `${own} may not import ${forbidden.join(', ')}`).toEqual([]);
  });

  it('keeps site and any-site siblings over the model, usable by archive and app', () => {
    const rank = (layer: Layer) => LIB_LAYERS[layer];
    expect(rank('site')).toBe(rank('any-site'));
    expect(rank('model')).toBeLessThan(rank('site'));
    expect(rank('archive')).toBeGreaterThan(rank('any-site'));
    expect(rank('app')).toBeGreaterThan(rank('archive'));
    // Both layers exist and both build on the model.
    for (const layer of ['site', 'any-site'] as const) {
      const files = sourceFiles(`lib/${layer}`);
      expect(files.length, `lib/${layer}/ has files`).toBeGreaterThan(0);
      expect(files.some((file) => importsOf(file).paths.some((path) => layerOf(path) === 'model'))).toBe(true);
    }
  });

  it.each(sourceFiles('components'))('%s (a view) leaves extension APIs to the wiring', (file) => {
    const { paths, packages } = importsOf(file);
    expect(packages.filter((name) => EXTENSION_API_PACKAGES.some((api) => name.startsWith(api)))).toEqual([]);
    expect(paths.filter((path) => path.startsWith('entrypoints/'))).toEqual([]);
  });

  it.each(sourceFiles('entrypoints').filter((file) => file.endsWith('.ts')))('%s (wiring, not a view) imports no view', (file) => {
    // What a view and its wiring share (the player bridge, the popup's state) lives in lib/.
    expect(importsOf(file).paths.filter((path) => path.startsWith('components/'))).toEqual([]);
  });

  it.each(sourceFiles('pipeline'))('%s (the build) ships nothing of the views or wiring', (file) => {
    const { paths } = importsOf(file);
    expect(paths.filter((path) => path.startsWith('components/') || path.startsWith('entrypoints/'))).toEqual([]);
  });
});
