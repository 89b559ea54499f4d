/**
 * The stand-in for changelog.com in end-to-end tests: every `https://changelog.com/*` request the
 * browser makes is answered from the fixtures (the shared ones when ../shared is there, ours
 * always). Nothing reaches the network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostilePageInput, manyItemsPage } from '../../support/hostile';
import { OWN_NON_EPISODE_PAGES, ownPageInputs } from '../../support/own-fixtures';
import { seekPageInputs } from '../../support/seek-fixtures';
import { OWN_FIXTURES_DIR, SHARED_PAGES_DIR } from '../../support/shared';
import { renderSitePage } from '../../support/site-page';

export interface SiteResponse {
  status: number;
  contentType: string;
  body: string;
}

/** URL path → shared fixture file. */
const SHARED_ROUTES: Record<string, string> = {
  '/shipit/26': 'shipit-26.html',
  '/shipit/53': 'shipit-53.html',
  '/shipit/25': 'shipit-25.html',
  '/friends/47': 'friends-47.html',
  '/friends/47/chapters': 'friends-47.chapters.json',
  '/jsparty/meet-rachel-white': 'jsparty-meet-rachel-white.html',
  '/podcast/50': 'podcast-50-legacy.html',
  '/friends/126': 'friends-126-coming-soon.html',
  '/shipit': 'shipit-index.html',
  '/news': 'news-index.html',
  '/person/gerhard': 'person-gerhard.html',
};

/** Our own pages, rendered once per test run. */
function ownRoutes(): Map<string, SiteResponse> {
  const routes = new Map<string, SiteResponse>();
  for (const [name, input] of Object.entries(ownPageInputs())) {
    routes.set(`/${input.podcast}/${input.slug}`, { status: 200, contentType: 'text/html; charset=utf-8', body: renderSitePage(input) });
    const chapters = join(OWN_FIXTURES_DIR, 'pages', `${name}.chapters.json`);
    if (existsSync(chapters)) {
      routes.set(`/${input.podcast}/${input.slug}/chapters`, {
        status: 200,
        contentType: 'application/json',
        body: readFileSync(chapters, 'utf8'),
      });
    }
  }
  for (const input of Object.values(seekPageInputs())) {
    routes.set(`/${input.podcast}/${input.slug}`, { status: 200, contentType: 'text/html; charset=utf-8', body: renderSitePage(input) });
  }
  for (const page of OWN_NON_EPISODE_PAGES) {
    routes.set(new URL(page.url).pathname, { status: 200, contentType: 'text/html; charset=utf-8', body: page.html });
  }
  return routes;
}

let own: Map<string, SiteResponse> | undefined;
let manyItems: string | undefined;

/** Pages of the hostile corpus (tests/support/hostile.ts), built on first request. */
function hostileResponse(path: string): SiteResponse | undefined {
  if (path === '/shipit/666') return { status: 200, contentType: 'text/html; charset=utf-8', body: renderSitePage(hostilePageInput()) };
  if (path === '/shipit/667') {
    manyItems ??= manyItemsPage(100_000);
    return { status: 200, contentType: 'text/html; charset=utf-8', body: manyItems };
  }
  return undefined;
}

/**
 * Variants of a page, asked for with `?fixture=…` (the extension ignores the query):
 * - `no-items`: the transcript items removed from the DOM (a layout the parser cannot read);
 * - `extra-item`: one item more than the archive has (a correction made after the bundle);
 * - `drift`: the transcript items' classes renamed (the site changed its layout);
 * - `no-player`: the player UI and the play buttons gone (nothing to seek);
 * - `no-chapter-table`: the Chapters section without its table (the panel asks the site's endpoint).
 */
function variant(html: string, name: string | null): string {
  if (name === 'no-items') {
    return html.replace(
      /<a id="transcript-\d+" class="anchor"><\/a>\s*<div class="transcript-item[\s\S]*?(?=<a id="transcript-\d+"|<div {2}class="transcript-item transcript-item--break">\s*<div class="transcript-item-speaker">\s*<a href="\/about")/g,
      '',
    );
  }
  if (name === 'extra-item') {
    return html.replace(
      /(<div {2}class="transcript-item transcript-item--break">\s*<div class="transcript-item-speaker">\s*<a href="\/about"[\s\S]*?open source on GitHub)/,
      `<a id="transcript-99999" class="anchor"></a><div class="transcript-item "><div class="transcript-item-speaker"><p class="transcript-item-speaker-name"><a href="#transcript-99999">Late Addition</a></p></div><div class="transcript-item-text"><p>A correction added after the bundle was built.</p></div></div>\n$1`,
    );
  }
  if (name === 'no-chapter-table') return html.replace(/(<a id="chapters" class="anchor"><\/a>[\s\S]*?)<table>[\s\S]*?<\/table>/, '$1');
  if (name === 'drift') return html.replaceAll('transcript-item', 'transcript-entry');
  if (name === 'no-player') {
    return html.replaceAll('id="player"', 'id="gone"').replaceAll('js-player', 'gone-player').replaceAll('data-play=', 'data-gone=');
  }
  return html;
}

/** What changelog.com answers for `url` in tests. */
export function siteResponse(url: string): SiteResponse {
  const response = baseResponse(url);
  const name = new URL(url).searchParams.get('fixture');
  return name && response.contentType.startsWith('text/html') ? { ...response, body: variant(response.body, name) } : response;
}

function baseResponse(url: string): SiteResponse {
  const path = new URL(url).pathname.replace(/\/+$/, '') || '/';
  own ??= ownRoutes();
  const ours = own.get(path) ?? hostileResponse(path);
  if (ours) return ours;
  const file = SHARED_ROUTES[path];
  if (file && existsSync(join(SHARED_PAGES_DIR, file))) {
    return {
      status: 200,
      contentType: file.endsWith('.json') ? 'application/json' : 'text/html; charset=utf-8',
      body: readFileSync(join(SHARED_PAGES_DIR, file), 'utf8'),
    };
  }
  return { status: 404, contentType: 'text/html', body: '<!DOCTYPE html><title>Not found</title><h1>Not found</h1>' };
}
