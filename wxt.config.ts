import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { SITE_MATCH } from './lib/site/urls';

/**
 * The pages' policy, stricter than the browsers' default: nothing unless named (`default-src
 * 'none'`), then exactly what the popup and the background use: their scripts and stylesheet from
 * the package, fetches only of the package's own files (the bundled index). No images, fonts,
 * frames, media or workers (the icons are inline SVG), no plugins, no <base>, no form posts.
 * Production builds only: `npm run dev` needs WXT's dev server.
 */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Local modules in modules/ (the panel chunk build) are picked up by WXT automatically.
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where `browser` or `defineContentScript` come from.
  imports: false,
  // Manifest V3 for both browsers: Firefox (since 127, so every ESR from 128) grants an MV3
  // extension's host permissions at install, which tests/e2e/package.e2e.ts checks in Firefox ESR.
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
  }),
  zip: {
    // The sources package addons.mozilla.org asks for: what `npm install && npm run build` needs,
    // and the lint rule `npm run check` reads (WXT leaves hidden folders and *.test.ts out).
    includeSources: ['**/*', '.biome/**'],
    excludeSources: ['corpus/**', 'tests/screenshots/**'],
  },
  manifest: ({ browser, manifestVersion, mode }) => ({
    name: 'Changelog Transcripts',
    description: 'Search, filter by speaker and follow along Changelog transcripts on every episode page; show notes as copyable links.',
    // The toolbar button's icon: the same PNGs WXT finds in public/icon/ for the manifest's icons.
    action: {
      default_title: 'Changelog Transcripts: show notes and archive search',
      default_icon: Object.fromEntries([16, 32, 48, 96, 128].map((size) => [size, `icon/${size}.png`])),
    },
    permissions: ['storage'],
    host_permissions: [SITE_MATCH],
    ...(mode === 'production' && { content_security_policy: manifestVersion === 3 ? { extension_pages: CSP } : CSP }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'changelog-transcripts@listeners.invalid',
          // 140 (the ESR before 153) is the first to understand data_collection_permissions.
          strict_min_version: '140.0',
          // No data is collected: no telemetry. The one request of our own (an episode's chapters,
          // from changelog.com, when its table does not parse) carries nothing about the listener.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
