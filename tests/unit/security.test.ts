/**
 * Security rules that hold for the whole codebase: the lint rule against HTML sinks works (and
 * so the clean `npm run check` means there are none), nothing listens to the page's postMessage,
 * and permissions stay minimal.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/shared';

function sources(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...sources(path));
    else if (/\.(ts|tsx)$/.test(name)) files.push(path);
  }
  return files;
}

const shipped = ['lib', 'components', 'entrypoints', 'modules'].flatMap((dir) => sources(join(PROJECT_ROOT, dir)));

describe('security', () => {
  it('the lint rule flags every HTML sink', () => {
    const probe = join(PROJECT_ROOT, 'tests/unit/lint-probe.ts');
    writeFileSync(
      probe,
      [
        'const el = document.body;',
        'el.innerHTML = location.hash;',
        'el.outerHTML = location.hash;',
        "el.insertAdjacentHTML('beforeend', location.hash);",
        'document.write(location.hash);',
        'el.textContent = location.hash;',
        '',
      ].join('\n'),
    );
    try {
      const result = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/biome'), ['lint', relative(PROJECT_ROOT, probe)], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
      });
      const output = `${result.stdout}${result.stderr}`;
      expect(result.status).not.toBe(0);
      expect(output.match(/HTML sink/g)?.length).toBe(4);
    } finally {
      rmSync(probe, { force: true });
    }
  });

  it('no shipped code listens to window messages or uses dangerouslySetInnerHTML', () => {
    const offenders = shipped.filter((file) =>
      /addEventListener\(\s*['"]message['"]|\bonmessage\s*=|dangerouslySetInnerHTML/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((file) => relative(PROJECT_ROOT, file))).toEqual([]);
  });

  it("never tells the page the extension's ID (WXT's start announcement by postMessage is off)", async () => {
    const { default: contentScript } = await import('@/entrypoints/transcript.content/index');
    expect(contentScript.noScriptStartedPostMessage).toBe(true);
    expect(contentScript.matches).toEqual(['https://changelog.com/*']);
  });

  it('asks for storage and changelog.com only', async () => {
    const config = readFileSync(join(PROJECT_ROOT, 'wxt.config.ts'), 'utf8');
    expect(config).toMatch(/permissions: \['storage'\]/);
    expect(config).toMatch(/host_permissions: \['https:\/\/changelog\.com\/\*'\]/);
  });
});
