/**
 * The bundled index: build time, sizes beside the raw and gzipped Markdown, the extension zip,
 * and loading the largest record in headless Chromium beside parsing the page's DOM.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { ARCHIVE_DIR } from '@/lib/archive/index-format';
import { buildBundle } from '@/pipeline/bundle';
import { listCorpus } from '@/pipeline/corpus';
import { BUNDLE_CACHE_DIR } from '@/pipeline/paths';
import { CORPUS_DIR, hasCorpus, hasSharedPages, PROJECT_ROOT, SHARED_PAGES_DIR } from '../support/shared';
import { bundleForPage, median, plainChromium } from './browser';
import type { BenchGroup, BenchRow } from './report';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk(dir);
  return out;
}

const MB = 1e6;

export async function bundleBench(): Promise<BenchGroup | null> {
  if (!hasCorpus) return null;
  const rows: BenchRow[] = [];

  // Build time: the whole pipeline, forced, beside gzip -9 of the same Markdown (no parsing).
  const out = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  const result = buildBundle({ corpus: CORPUS_DIR, outDir: out, force: true });
  const markdown = [...listCorpus(CORPUS_DIR, 'transcripts'), ...listCorpus(CORPUS_DIR, 'show-notes')].map((file) =>
    readFileSync(file.path),
  );
  const rawBytes = markdown.reduce((sum, bytes) => sum + bytes.length, 0);
  const gzipStarted = performance.now();
  const gzippedBytes = markdown.reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length, 0);
  const gzipSeconds = (performance.now() - gzipStarted) / 1000;
  rows.push({
    subject: 'full-archive bundle build (parse, encode, compress)',
    value: result.seconds,
    unit: 's',
    peer: 'gzip -9 of the same Markdown files only',
    peerValue: gzipSeconds,
    target: '≤ 60 s',
    meets: result.seconds <= 60,
  });
  const built = filesUnder(out);
  const installed = built.reduce((sum, file) => sum + statSync(file).size, 0);
  const search = built
    .filter((file) => relative(out, file).startsWith(`${ARCHIVE_DIR}/`))
    .reduce((sum, file) => sum + statSync(file).size, 0);
  rows.push({
    subject: 'bundled records and show lists, installed size',
    value: (installed - search) / MB,
    unit: 'MB',
    peer: 'raw Markdown (transcripts + notes)',
    peerValue: rawBytes / MB,
    target: '≤ 60 MB',
    meets: (installed - search) / MB <= 60,
  });
  rows.push({
    subject: 'bundled records and show lists, installed size',
    value: (installed - search) / MB,
    unit: 'MB',
    peer: 'the same Markdown, gzip -9 per file',
    peerValue: gzippedBytes / MB,
  });
  rows.push({
    subject: 'everything under data/ (records, show lists, archive search index)',
    value: installed / MB,
    unit: 'MB',
    peer: 'the same Markdown, gzip -9 per file',
    peerValue: gzippedBytes / MB,
    target: '≤ 60 MB',
    meets: installed / MB <= 60,
  });
  rmSync(out, { recursive: true, force: true });

  // The extension zip (the built Chrome package), as a store receives it.
  const packageDir = join(PROJECT_ROOT, '.output/chrome-mv3');
  try {
    const files: Record<string, Uint8Array> = {};
    for (const file of filesUnder(packageDir)) files[relative(packageDir, file)] = new Uint8Array(readFileSync(file));
    const zipped = zipSync(files, { level: 9 }).length;
    const searchOnly = Object.fromEntries(Object.entries(files).filter(([path]) => path.startsWith(`${ARCHIVE_DIR}/`)));
    const zippedSearch = zipSync(searchOnly, { level: 9 }).length;
    rows.push({
      subject: 'extension zip (Chrome build) without the archive search index',
      value: (zipped - zippedSearch) / MB,
      unit: 'MB',
      peer: 'the Markdown, gzip -9 per file',
      peerValue: gzippedBytes / MB,
      target: '≤ 45 MB',
      meets: (zipped - zippedSearch) / MB <= 45,
    });
    rows.push({
      subject: 'extension zip (Chrome build), whole',
      value: zipped / MB,
      unit: 'MB',
      peer: 'the Markdown, gzip -9 per file',
      peerValue: gzippedBytes / MB,
      target: '≤ 45 + 15 MB',
      meets: zipped / MB <= 60,
    });
  } catch {
    // No build yet: the zip row needs `npm run build` first.
  }

  // Loading the largest record in Chromium, beside parsing the same episode's page DOM.
  if (hasSharedPages) {
    const script = await bundleForPage('tests/bench/pages/record-vs-dom.ts');
    const browser = await plainChromium();
    const page = await browser.newPage();
    await page.route('https://changelog.com/**', (route) => {
      const url = route.request().url();
      const file = url.split('/__bundle/')[1];
      if (file !== undefined) {
        return route.fulfill({ body: readFileSync(join(PROJECT_ROOT, BUNDLE_CACHE_DIR, file)), contentType: 'application/octet-stream' });
      }
      return route.fulfill({ body: readFileSync(join(SHARED_PAGES_DIR, 'friends-47.html'), 'utf8'), contentType: 'text/html' });
    });
    await page.goto('https://changelog.com/friends/47');
    await page.addScriptTag({ content: script });
    const ref = { podcast: 'friends', slug: '47' };
    await page.evaluate((episode) => window.bench.record('/__bundle/', episode, 5), ref);
    const loads = await page.evaluate((episode) => window.bench.record('/__bundle/', episode, 30), ref);
    const parses = await page.evaluate(() => window.bench.dom({ podcast: 'friends', slug: '47' }, 15));
    await browser.close();
    const load = median(loads);
    rows.push({
      subject: 'load the largest record (friends/47: fetch its head and chunks, inflate, JSON, decode), median of 30',
      value: load,
      unit: 'ms',
      peer: "parse the same episode's page DOM (all 1,286 items)",
      peerValue: median(parses),
      target: '≤ 20 ms',
      meets: load <= 20,
    });
  }

  return {
    title: 'The bundled index',
    method:
      `Built from the shared corpus (${result.episodes} episodes, ${result.transcripts} transcripts) into a fresh folder. ` +
      'Sizes are bytes on disk; the zip is the built Chrome package zipped at level 9 with fflate. Record loading runs in headless ' +
      'Chromium (Debian) in a plain page with lib/ bundled by esbuild; only the record of the episode in view is ever loaded.',
    rows,
  };
}
