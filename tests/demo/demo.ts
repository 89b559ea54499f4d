/**
 * `npm run demo`: the panel as a listener meets it, without a browser window. Loads the built
 * extension into headless Chromium, opens Ship It! #26 (from ../shared; our own fixture episode
 * when that is absent), searches, filters by a speaker, seeks, and writes screenshots to
 * .output/demo/ while printing what happened.
 *
 * `npm run demo -- --readme` renders the README's screenshots from our own fixture episode
 * (our own words, so they may live in the repository) into tests/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_PATH, EXTENSION_DIRS } from '../e2e/support/browsers';
import { siteResponse } from '../e2e/support/site';
import { hasSharedPages, PROJECT_ROOT } from '../support/shared';

const readme = process.argv.includes('--readme');
const url = !readme && hasSharedPages ? 'https://changelog.com/shipit/26' : 'https://changelog.com/shipit/990';
const outDir = readme ? join(PROJECT_ROOT, 'tests/screenshots') : join(PROJECT_ROOT, '.output/demo');
const [query, speaker] = url.endsWith('/26') ? ['cilium', 'Liz Rice'] : ['pipeline', 'Grace Guest'];

if (!existsSync(join(EXTENSION_DIRS.chromium, 'manifest.json'))) {
  console.error('No built extension: run `npm run build` first.');
  process.exit(1);
}

interface Session {
  page: Page;
  panel: Locator;
  close: () => Promise<void>;
}

async function open(colorScheme: 'light' | 'dark', width: number): Promise<Session> {
  const extension = EXTENSION_DIRS.chromium;
  const profile = mkdtempSync(join(tmpdir(), 'changelog-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    colorScheme,
    viewport: { width, height: 1000 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
    ],
  });
  await context.route('https://changelog.com/**', (route) => {
    const response = siteResponse(route.request().url());
    return route.fulfill({ status: response.status, contentType: response.contentType, body: response.body });
  });
  await context.route(/^https?:\/\/(?!changelog\.com\/)/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(url);
  const panel = page.locator('changelog-transcript');
  await panel.locator('[data-testid=result-count]').waitFor();
  return {
    page,
    panel,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function shot(session: Session, name: string): Promise<void> {
  const file = join(outDir, `${name}.png`);
  await session.panel.screenshot({ path: file });
  console.log(`    → ${relative(PROJECT_ROOT, file)}`);
}

const count = async (panel: Locator) => Number(await panel.locator('[data-testid=result-count]').getAttribute('data-count'));

mkdirSync(outDir, { recursive: true });
console.log(`The transcript panel on ${url}\n(headless Chromium with the extension built in .output/chrome-mv3)\n`);

const light = await open('light', 980);
const speakers = await light.panel
  .locator('[data-testid=speaker]')
  .evaluateAll((chips) => chips.map((chip) => chip.getAttribute('data-speaker')));
console.log(`  The panel lists ${await count(light.panel)} items and ${speakers.length} speakers: ${speakers.join(', ')}`);
await shot(light, 'panel');

await light.panel.locator('[data-testid=search]').fill(query);
await light.panel.locator('mark').first().waitFor();
console.log(`  Searching "${query}" finds ${await count(light.panel)} items, every match highlighted`);
await light.panel.locator(`[data-testid=speaker][data-speaker="${speaker}"]`).click();
console.log(`  …and only ${speaker}'s: ${await count(light.panel)} items`);
await shot(light, 'panel-search');

const seek = light.panel.locator('[data-testid=seek]').first();
const start = await seek.getAttribute('data-start');
await seek.click();
const seeks = await light.page.evaluate(() => (window as unknown as { __sitePlayerSeeks?: number[] }).__sitePlayerSeeks ?? []);
console.log(`  Clicking the first result's time seeks the site's player to ${seeks.at(-1)} s (the item starts at ${start} s)`);
await light.close();

const dark = await open('dark', 360);
console.log('  In dark mode, 360 px wide:');
await shot(dark, 'panel-dark-narrow');
await dark.close();
console.log(`\nScreenshots are in ${relative(PROJECT_ROOT, outDir)}/.`);
