import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { SITE_MATCH } from './lib/site/urls';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Local modules in modules/ (the panel chunk build) are picked up by WXT automatically.
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where `browser` or `defineContentScript` come from.
  imports: false,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Changelog Transcripts',
    description: 'Search, filter by speaker and follow along Changelog transcripts on every episode page; show notes as copyable links.',
    permissions: ['storage'],
    host_permissions: [SITE_MATCH],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'changelog-transcripts@listeners.invalid',
          // 140 (the ESR before 153) is the first to understand data_collection_permissions.
          strict_min_version: '140.0',
          // Nothing leaves the browser: no telemetry, no remote calls.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
