/**
 * Puts the bundled index (every transcript and show note, prebuilt) into the extension: builds it
 * before WXT's build when the corpus or the parsers changed, copies it into the package, and makes
 * it readable from changelog.com's content script. See pipeline/bundle.ts.
 */
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { defineWxtModule } from 'wxt/modules';
import { BUNDLE_DIR } from '../lib/archive/package-file';
import { RECORDS_DICTIONARY } from '../lib/archive/packed-json';
import { SITE_MATCH } from '../lib/site/urls';
import { type BundleResult, buildBundle } from '../pipeline/bundle';
import { resolveCorpus } from '../pipeline/corpus';
import { BUNDLE_CACHE_DIR, showsFromEnv } from '../pipeline/paths';

export default defineWxtModule({
  name: 'bundled-index',
  setup(wxt) {
    let bundle: BundleResult | undefined;
    wxt.hooks.hook('build:before', () => {
      const root = wxt.config.root;
      const corpus = resolveCorpus(root, (line) => wxt.logger.info(line));
      bundle = buildBundle({
        corpus,
        outDir: resolve(root, BUNDLE_CACHE_DIR),
        shows: showsFromEnv(),
        log: (line) => wxt.logger.info(line),
      });
    });
    // Copied after the build rather than declared as public assets, so WXT's summary does not
    // list 2,400 record files; `wxt zip` packs the whole output folder either way.
    wxt.hooks.hook('build:done', () => {
      if (!bundle) throw new Error('bundled-index: the index was not built before the extension');
      for (const file of bundle.files) {
        const target = join(wxt.config.outDir, file);
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(join(bundle.outDir, file), target);
      }
      const megabytes = bundle.files.reduce((sum, file) => sum + statSync(join(bundle?.outDir ?? '', file)).size, 0) / 1e6;
      wxt.logger.success(
        `Bundled index: ${bundle.files.length} files, ${megabytes.toFixed(1)} MB, in ${join(wxt.config.outDir, BUNDLE_DIR)}`,
      );
    });
    // Lets `browser.runtime.getURL()` type-check bundle paths: any file of the bundle.
    wxt.hooks.hook('prepare:publicPaths', (_, paths) => {
      paths.push({ type: 'templateLiteral', path: `${BUNDLE_DIR}/\${string}` });
    });
    // The content script reads a show's slug list, an episode's record and the records' dictionary;
    // nothing else of the bundle (the search index is the popup's, an extension page that needs no
    // access granted).
    // Chrome's dynamic URL changes every session, so a page cannot probe for the extension.
    wxt.hooks.hook('build:manifestGenerated', (_, manifest) => {
      manifest.web_accessible_resources ??= [];
      (manifest.web_accessible_resources as { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[]).push({
        // `episodes/*/*` as well: Firefox's MV3 matcher does not take `*` across a `/`.
        resources: [`${BUNDLE_DIR}/shows/*`, `${BUNDLE_DIR}/episodes/*`, `${BUNDLE_DIR}/episodes/*/*`, RECORDS_DICTIONARY],
        matches: [SITE_MATCH],
        ...(wxt.config.browser === 'chrome' && { use_dynamic_url: true }),
      });
    });
  },
});
