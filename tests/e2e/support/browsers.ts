/**
 * The built extension in real browsers, behind one small interface so every end-to-end test runs
 * unchanged in Debian's Chromium (playwright-core, `--load-extension`) and Firefox ESR
 * (puppeteer-core over WebDriver BiDi, `browser.installExtension`). Neither tool downloads a
 * browser; both get changelog.com from the fixtures.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page as PlaywrightPage } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import { PROJECT_ROOT } from '../../support/shared';
import { siteResponse } from './site';

export type BrowserName = 'chromium' | 'firefox';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The built extensions; `EXTENSION_BUILD_SUFFIX=-bench` picks the benchmark build (`wxt build --mode bench`). */
const BUILD_SUFFIX = process.env.EXTENSION_BUILD_SUFFIX ?? '';
export const EXTENSION_DIRS: Record<BrowserName, string> = {
  chromium: join(PROJECT_ROOT, `.output/chrome-mv3${BUILD_SUFFIX}`),
  firefox: join(PROJECT_ROOT, `.output/firefox-mv3${BUILD_SUFFIX}`),
};

/** A fixed internal UUID for the Firefox install, so `moz-extension://…/popup.html` is known. */
const FIREFOX_EXTENSION_UUID = '2f6c6c1e-8a8f-4c55-9d3e-2b1c0f7e9a11';

/** Which browsers this machine can run the suite in. */
export function availableBrowsers(): BrowserName[] {
  const names: BrowserName[] = [];
  if (existsSync(CHROMIUM_PATH)) names.push('chromium');
  if (existsSync(FIREFOX_PATH)) names.push('firefox');
  return names;
}

/** A tab, whichever browser drives it. */
export interface TestPage {
  /** Navigates and waits for `load`; `timeoutMs` for pages far larger than real ones. */
  goto(url: string, timeoutMs?: number): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * Runs a script's source in the page through the driver (so the page's CSP, which forbids
   * eval, does not apply): how tests add a tool such as axe-core to a page.
   */
  addScript(source: string): Promise<void>;
  /** Polls `fn` in the page until it returns a truthy value. */
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  /** A real (trusted) click at the centre of a point the page computed. */
  clickAt(x: number, y: number): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** The text on the system clipboard, read through the page (permission granted for tests). */
  readClipboard(): Promise<string>;
  screenshot(path: string): Promise<void>;
  /**
   * Runs `action` and returns the file it made the browser download (its name as saved, and its
   * text); rejects when none comes within `timeoutMs`.
   */
  download(action: () => Promise<void>, timeoutMs?: number): Promise<{ name: string; text: string }>;
  /** Page errors and console errors seen so far. */
  errors: string[];
  /** Every console message, for tests about warnings. */
  console: string[];
  /** Closes the tab; closing it again does nothing. */
  close(): Promise<void>;
}

/** A browser with the extension installed. */
export interface ExtensionBrowser {
  name: BrowserName;
  newPage(): Promise<TestPage>;
  /** The URL of an extension page, e.g. `popup.html?episode=shipit/26`. */
  extensionUrl(path: string): string;
  /** The URLs of every open tab. */
  tabUrls(): Promise<string[]>;
  /** The system clipboard's text, read from a changelog.com page (extension pages cannot be granted the permission). */
  readClipboard(): Promise<string>;
  /** Reloads (Chromium) or reinstalls (Firefox) the extension under the open pages. */
  reloadExtension(): Promise<void>;
  close(): Promise<void>;
}

/** Chromium as root on an offline machine: no sandbox or GPU, nothing that calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function manifestIsBuilt(name: BrowserName): void {
  if (!existsSync(join(EXTENSION_DIRS[name], 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIRS[name]}: run \`npm run build\` before the end-to-end tests.`);
  }
}

async function poll(check: () => Promise<unknown>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** An expression calling `fn(arg)` in the page and returning only whether it was truthy (DOM nodes do not serialize). */
function truthy(fn: (arg: unknown) => unknown, arg: unknown): string {
  return `Boolean((${fn.toString()})(${JSON.stringify(arg ?? null)}))`;
}

/** Resource loads the tests abort on purpose (avatars on cdn.changelog.com): not errors of ours. */
const ABORTED_LOAD = /Failed to load resource|net::ERR_FAILED|NS_ERROR_ABORT/;

/** What a page reports, as both drivers hand it over: its errors, and every console line. */
function pageLog() {
  const errors: string[] = [];
  const lines: string[] = [];
  return {
    errors,
    console: lines,
    pageError: (error: unknown) => errors.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`),
    message: (message: { type(): string; text(): string }) => {
      lines.push(`${message.type()}: ${message.text()}`);
      if (message.type() === 'error' && !ABORTED_LOAD.test(message.text())) errors.push(`console: ${message.text()}`);
    },
  };
}

/** `close` that runs once: a test may close a tab the suite closes again after it. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= close();
    return closing;
  };
}

/** `TestPage.waitFor` over a driver's `evaluate` of an expression. */
function waitInPage(evaluate: (expression: string) => Promise<unknown>): TestPage['waitFor'] {
  return (fn, arg, timeoutMs = 15_000) =>
    poll(() => evaluate(truthy(fn as (arg: unknown) => unknown, arg)), timeoutMs, fn.toString().slice(0, 120));
}

function wrapPlaywright(page: PlaywrightPage): TestPage {
  const log = pageLog();
  page.on('pageerror', log.pageError);
  page.on('console', log.message);
  return {
    errors: log.errors,
    console: log.console,
    async goto(url, timeoutMs = 30_000) {
      await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    addScript: async (source) => {
      await page.evaluate(`${source}\n;undefined`);
    },
    waitFor: waitInPage((expression) => page.evaluate(expression)),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    clickAt: (x, y) => page.mouse.click(x, y),
    async download(action, timeoutMs = 10_000) {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: timeoutMs }), action()]);
      const path = await download.path();
      return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
    },
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    readClipboard: () => page.evaluate(() => navigator.clipboard.readText()),
    async screenshot(path) {
      await page.screenshot({ path });
    },
    close: once(() => page.close()),
  };
}

/** Waits for a new, finished file in `dir` (Firefox writes `.part` files while downloading), reads it and removes it. */
async function takeDownload(dir: string, timeoutMs: number): Promise<{ name: string; text: string }> {
  let found: string | undefined;
  await poll(
    async () => {
      found = readdirSync(dir).find((name) => !name.endsWith('.part') && !readdirSync(dir).includes(`${name}.part`));
      return found;
    },
    timeoutMs,
    `a download in ${dir}`,
  );
  const path = join(dir, found as string);
  // The file appears when the download completes; read it once its size holds still.
  let size = -1;
  await poll(
    async () => {
      const now = statSync(path).size;
      const steady = now === size && now > 0;
      size = now;
      return steady;
    },
    5_000,
    `${path} to be written`,
  );
  const text = readFileSync(path, 'utf8');
  rmSync(path);
  return { name: found as string, text };
}

function wrapPuppeteer(page: PuppeteerPage, downloadDir: string): TestPage {
  const log = pageLog();
  page.on('pageerror', log.pageError);
  page.on('console', log.message);
  return {
    errors: log.errors,
    console: log.console,
    async goto(url, timeoutMs = 30_000) {
      if (!url.startsWith('moz-extension://')) {
        await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
        return;
      }
      // Firefox never reports extension pages as loaded over BiDi, so `goto` would wait forever
      // (mozilla/firefox-devtools-mcp#87): navigate without waiting, then poll the document.
      const frame = page.mainFrame() as unknown as { browsingContext: { navigate: (url: string, wait: string) => Promise<void> } };
      await frame.browsingContext.navigate(url, 'none');
      await poll(
        async () => page.evaluate((target) => location.href === target && document.readyState === 'complete', url),
        15_000,
        `${url} to load`,
      );
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    addScript: async (source) => {
      await page.evaluate(`${source}\n;undefined`);
    },
    waitFor: waitInPage((expression) => page.evaluate(expression)),
    press: (key) => page.keyboard.press(key as never),
    type: (text) => page.keyboard.type(text),
    clickAt: (x, y) => page.mouse.click(x, y),
    async download(action, timeoutMs = 10_000) {
      await action();
      return takeDownload(downloadDir, timeoutMs);
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    readClipboard: () => page.evaluate(() => navigator.clipboard.readText()),
    async screenshot(path) {
      await page.screenshot({ path });
    },
    close: once(() => page.close()),
  };
}

/** How a browser is started: by default as the tests always ran (light colour scheme). */
export interface LaunchOptions {
  /** The system colour scheme pages see (`prefers-color-scheme`). */
  colorScheme?: 'light' | 'dark';
}

async function launchChromium(options: LaunchOptions): Promise<ExtensionBrowser> {
  manifestIsBuilt('chromium');
  const extension = EXTENSION_DIRS.chromium;
  const profile = mkdtempSync(join(tmpdir(), 'changelog-e2e-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
    ...(options.colorScheme && { colorScheme: options.colorScheme }),
  });
  // Lets tests read back what a copy button put on the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://changelog.com' });
  await context.route('https://changelog.com/**', (route) => {
    const response = siteResponse(route.request().url());
    return route.fulfill({ status: response.status, contentType: response.contentType, body: response.body });
  });
  // Anything else off-machine fails fast instead of waiting on a closed network.
  await context.route(/^https?:\/\/(?!changelog\.com\/)/, (route) => route.abort());
  let worker = context.serviceWorkers()[0];
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  let currentWorker = worker;
  return {
    name: 'chromium',
    async newPage() {
      return wrapPlaywright(await context.newPage());
    },
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    tabUrls: async () => context.pages().map((page) => page.url()),
    async readClipboard() {
      const page = await context.newPage();
      await page.goto('https://changelog.com/');
      await page.bringToFront();
      const text = await page.evaluate(() => navigator.clipboard.readText());
      await page.close();
      return text;
    },
    async reloadExtension() {
      const worker = context.serviceWorkers()[0] ?? currentWorker;
      // Runs in the service worker, where `chrome` is the extension API; the worker dies with it,
      // and an MV3 worker only starts again when an event needs it.
      await worker.evaluate('chrome.runtime.reload()').catch(() => {});
      await poll(async () => !context.serviceWorkers().includes(worker), 15_000, 'the old service worker to stop');
      currentWorker = worker;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function launchFirefox(options: LaunchOptions): Promise<ExtensionBrowser> {
  manifestIsBuilt('firefox');
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIRS.firefox, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id ?? '';
  // Downloads land here without a dialog (TestPage.download reads them).
  const downloadDir = mkdtempSync(join(tmpdir(), 'changelog-e2e-firefox-downloads-'));
  const browser: PuppeteerBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocol: 'webDriverBiDi',
    // Firefox 153+ lets WebDriver open moz-extension:// pages (the popup) only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
      'network.dns.disableIPv6': true,
      // Lets tests read the clipboard without a permission prompt.
      'dom.events.testing.asyncClipboard': true,
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      // What `prefers-color-scheme` says to pages, extension pages included (0 dark, 1 light).
      ...(options.colorScheme && {
        'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
        'ui.systemUsesDarkTheme': options.colorScheme === 'dark' ? 1 : 0,
      }),
    },
  });
  let installed = await browser.installExtension(EXTENSION_DIRS.firefox);
  const firefox: ExtensionBrowser = {
    name: 'firefox',
    async newPage() {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (request.isInterceptResolutionHandled()) return;
        const url = request.url();
        if (url.startsWith('https://changelog.com/')) {
          const response = siteResponse(url);
          void request.respond({ status: response.status, contentType: response.contentType, body: response.body });
        } else if (/^https?:/.test(url)) {
          void request.abort();
        } else {
          void request.continue();
        }
      });
      return wrapPuppeteer(page, downloadDir);
    },
    extensionUrl: (path) => `moz-extension://${FIREFOX_EXTENSION_UUID}/${path.replace(/^\//, '')}`,
    async tabUrls() {
      // Firefox does not report extension pages' URLs over BiDi; ask the extension's tabs API.
      const page = await firefox.newPage();
      await page.goto(firefox.extensionUrl('popup.html?episode=none/none'));
      const urls = await page.evaluate(async () => {
        const api = (globalThis as unknown as { browser: { tabs: { query: (q: object) => Promise<{ url?: string }[]> } } }).browser;
        return (await api.tabs.query({})).map((tab) => tab.url ?? '');
      });
      await page.close();
      return urls;
    },
    async readClipboard() {
      // A secure page is needed for navigator.clipboard; changelog.com is answered from fixtures.
      const page = await firefox.newPage();
      await page.goto('https://changelog.com/');
      const text = await page.readClipboard();
      await page.close();
      return text;
    },
    async reloadExtension() {
      await browser.uninstallExtension(installed);
      installed = await browser.installExtension(EXTENSION_DIRS.firefox);
    },
    async close() {
      await browser.close();
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
  return firefox;
}

/** A real (trusted) mouse click at the centre of the first element of the page matching `selector`. */
export async function trustedClick(page: TestPage, selector: string): Promise<void> {
  const point = await page.evaluate((sel) => {
    const element = document.querySelector<HTMLElement>(sel);
    if (!element) return null;
    element.scrollIntoView({ block: 'center' });
    const box = element.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }, selector);
  if (!point) throw new Error(`nothing matches ${selector}`);
  await page.clickAt(point.x, point.y);
}

/** Starts `name` with the built extension installed. */
export function launch(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}
