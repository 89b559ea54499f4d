/**
 * Helpers for benchmarks that run in headless Chromium: summary statistics, a plain page that
 * runs some of lib/ (bundled on the fly with esbuild, never shipped), and the built extension.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/browsers';
import { PROJECT_ROOT } from '../support/shared';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** Bundles a TypeScript entry of ours into one script for a plain browser page. */
export async function bundleForPage(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(PROJECT_ROOT, entry)],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    alias: { '@': PROJECT_ROOT },
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** Headless Chromium without extensions, for measuring lib/ code in a page. */
export function plainChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
  });
}
