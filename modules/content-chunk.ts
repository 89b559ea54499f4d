/**
 * Builds the transcript panel as an ES module the content script imports on demand, so a
 * changelog.com page that is not an episode loads nothing but the URL check.
 *
 * WXT bundles content scripts as single IIFE files; this module runs a second Vite build of
 * `entrypoints/transcript.content/panel.tsx` (ESM, code-split) after WXT's own build, with the
 * content script's Vite config, into `content-scripts/transcript-panel/`, and makes that folder
 * web-accessible to changelog.com only. Pattern from WXT's "ESM Content Script UI" example.
 */
import { resolve } from 'node:path';
import { build, type InlineConfig, mergeConfig } from 'vite';
import type { Wxt } from 'wxt';
import { defineWxtModule } from 'wxt/modules';
import { SITE_MATCH } from '../lib/site/urls';

/** Where the chunk lands inside the extension, and the file the content script imports. */
export const PANEL_DIR = 'content-scripts/transcript-panel';
export const PANEL_ENTRY = `${PANEL_DIR}/panel.js`;

const CONTENT_SCRIPT = 'transcript';
const SITE_MATCHES = [SITE_MATCH];

async function buildPanel(wxt: Wxt, base: InlineConfig): Promise<void> {
  const config: InlineConfig = mergeConfig(base, {
    logLevel: 'warn',
    build: {
      emptyOutDir: true,
      outDir: resolve(wxt.config.outDir, PANEL_DIR),
      lib: {
        entry: resolve(wxt.config.entrypointsDir, 'transcript.content/panel.tsx'),
        formats: ['es'],
        fileName: () => 'panel.js',
      },
      rollupOptions: {
        // Library mode keeps ES output readable (codegen unminified); this chunk is shipped, not re-bundled.
        output: { entryFileNames: 'panel.js', chunkFileNames: 'chunks/[name]-[hash].js', minify: true } as Record<string, unknown>,
      },
    },
  } satisfies InlineConfig);
  // The IIFE settings WXT gives the content script do not apply to an ES module build.
  delete (config.build as { rollupOptions?: { output?: { format?: string } } }).rollupOptions?.output?.format;
  await build(config);
}

export default defineWxtModule({
  name: 'content-chunk',
  setup(wxt) {
    let base: InlineConfig | undefined;
    wxt.hooks.hook('vite:build:extendConfig', (entrypoints, config) => {
      if (entrypoints.some((entrypoint) => entrypoint.name === CONTENT_SCRIPT)) base = config;
    });
    wxt.hooks.hook('build:done', async () => {
      if (!base) throw new Error(`content-chunk: no Vite config seen for the "${CONTENT_SCRIPT}" content script`);
      await buildPanel(wxt, base);
    });
    // Lets `browser.runtime.getURL(PANEL_ENTRY)` type-check like any public file.
    wxt.hooks.hook('prepare:publicPaths', (_, paths) => {
      paths.push(PANEL_ENTRY);
    });
    wxt.hooks.hook('build:manifestGenerated', (_, manifest) => {
      manifest.web_accessible_resources ??= [];
      // WXT turns this MV3 shape into MV2's list of strings for Firefox.
      (manifest.web_accessible_resources as { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[]).push({
        resources: [`${PANEL_DIR}/*`, `${PANEL_DIR}/chunks/*`],
        matches: SITE_MATCHES,
        ...(wxt.config.browser === 'chrome' && { use_dynamic_url: true }),
      });
    });
  },
});
