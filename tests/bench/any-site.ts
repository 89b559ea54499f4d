/**
 * The any-site reader in headless Chromium: how long finding a transcript takes on a 2,000-turn
 * page and deciding that a page has none, each beside that page's own HTML parse; and how many
 * pages of the fixture set (tests/fixtures/any-site/) it reads exactly, beside a naive peer (a
 * `Name:` regex over the page's text) run on the same pages in the same browser.
 */
import { anySiteFixtures, differences } from '../support/any-site';
import { bundleForPage, median, plainChromium } from './browser';
import type { BenchGroup } from './report';

const WORDS =
  'kettle steam whistle copper spout handle boil water leaf pot cup saucer morning slowly quietly always never garden window'.split(' ');
const SPEAKERS = ['Ana Lucero', 'Ben Okafor', 'Cleo Marsh'];

/** A sentence of our own, the same for the same seed. */
function sentence(seed: number, length = 14): string {
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(WORDS[(seed * 7 + i * 13 + (seed >> 3)) % WORDS.length] as string);
  const text = words.join(' ');
  return `${text[0]?.toUpperCase()}${text.slice(1)}.`;
}

function clock(seconds: number): string {
  return [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60].map((n) => String(n).padStart(2, '0')).join(':');
}

/** Navigation, a sidebar, comments and a footer around `main`: the furniture of a blog page. */
function blogPage(title: string, main: string): string {
  const links = Array.from({ length: 60 }, (_, i) => `<li><a href="/page/${i}">Page ${i}</a></li>`).join('');
  const comments = Array.from(
    { length: 40 },
    (_, i) =>
      `<li class="comment"><article class="comment-body"><b class="fn">Reader ${i % 9}</b> says:<p>${sentence(i + 900)}</p><a class="comment-reply-link" href="#r">Reply</a></article></li>`,
  ).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<header class="site-header"><nav class="main-navigation"><ul>${links}</ul></nav></header>
<div id="content"><main id="main"><article class="post"><h1>${title}</h1><div class="entry-content">${main}</div></article>
<div id="comments" class="comments-area"><ol class="comment-list">${comments}</ol></div></main>
<aside class="widget-area">${Array.from({ length: 30 }, (_, i) => `<section class="widget"><h2>Widget ${i}</h2><p>${sentence(i + 500, 8)}</p></section>`).join('')}</aside></div>
<footer class="site-footer"><p>© A show</p></footer></body></html>`;
}

/** A transcript page of `turns` turns (`<strong>Name</strong> [HH:MM:SS]<br>words`, a second paragraph now and then). */
export function transcriptPage(turns: number): string {
  const body = Array.from({ length: turns }, (_, i) => {
    const first = `<p><strong>${SPEAKERS[i % 3]}</strong> [${clock(i * 9)}]<br>${sentence(i)} ${sentence(i + 1)}</p>`;
    return i % 5 === 4 ? `${first}<p>${sentence(i + 2)}</p>` : first;
  }).join('\n');
  return blogPage(
    `A ${turns}-turn episode`,
    `<p>Show notes with <a href="https://example.com/a">a link</a>.</p><h2>Transcript</h2>${body}`,
  );
}

/** A long article without a transcript, with a few labelled lines and a chapter list: about 3,000 elements. */
export function articlePage(): string {
  const paragraphs = Array.from(
    { length: 400 },
    (_, i) => `<p>${i % 40 === 0 ? 'Note: ' : ''}${sentence(i + 2000, 20)} <em>${sentence(i + 3000, 4)}</em></p>`,
  ).join('\n');
  const chapters = `<ul>${Array.from({ length: 8 }, (_, i) => `<li>${clock(i * 300)} Chapter ${i}</li>`).join('')}</ul>`;
  return blogPage('A long article', `${chapters}${paragraphs}`);
}

async function measure(pages: Record<string, string>, runs: Record<string, number>) {
  const script = await bundleForPage('tests/bench/pages/any-site.ts');
  const browser = await plainChromium();
  const results: Record<string, { times: number[]; naiveTimes: number[]; items: unknown; naive: unknown; pageParse: number }> = {};
  try {
    for (const [url, html] of Object.entries(pages)) {
      const page = await browser.newPage();
      await page.route('**/*', (route) =>
        route.request().url() === url ? route.fulfill({ body: html, contentType: 'text/html' }) : route.fulfill({ status: 404, body: '' }),
      );
      await page.goto(url);
      await page.addScriptTag({ content: script });
      const count = runs[url] ?? 1;
      const read = await page.evaluate((n) => window.anySite.read(n), count);
      const naive = await page.evaluate((n) => window.anySite.naive(n), count);
      const pageParse = await page.evaluate(() => window.anySite.pageParse());
      results[url] = { times: read.times, naiveTimes: naive.times, items: read.items, naive: naive.items, pageParse };
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}

export async function anySiteBench(): Promise<BenchGroup> {
  const fixtures = anySiteFixtures();
  const big = 'https://bench.invalid/two-thousand-turns';
  const article = 'https://bench.invalid/long-article';
  const pages: Record<string, string> = { [big]: transcriptPage(2000), [article]: articlePage() };
  const runs: Record<string, number> = { [big]: 20, [article]: 50 };
  for (const fixture of fixtures) {
    pages[fixture.truth.url] = fixture.html;
    runs[fixture.truth.url] = fixture.truth.hasTranscript ? 1 : 50;
  }
  const results = await measure(pages, runs);
  const of = (url: string) => results[url] as (typeof results)[string];

  let exact = 0;
  let naiveExact = 0;
  let falsePositives = 0;
  let naiveFalsePositives = 0;
  const missed: string[] = [];
  const noneTimes: { name: string; median: number; parse: number }[] = [];
  for (const fixture of fixtures) {
    const result = of(fixture.truth.url);
    type Items = Parameters<typeof differences>[0];
    const ok = differences(result.items as Items, fixture.truth).length === 0;
    if (ok) exact++;
    else missed.push(fixture.name);
    if (differences(result.naive as Items, fixture.truth).length === 0) naiveExact++;
    if (!fixture.truth.hasTranscript) {
      if (result.items) falsePositives++;
      if (result.naive) naiveFalsePositives++;
      noneTimes.push({ name: fixture.name, median: median(result.times), parse: result.pageParse });
    }
  }
  const slowestNone = noneTimes.reduce((a, b) => (b.median > a.median ? b : a));
  const bigMedian = median(of(big).times);
  const articleMedian = median(of(article).times);
  const withTranscript = fixtures.filter((f) => f.truth.hasTranscript).length;
  return {
    title: 'A transcript on any page',
    method:
      'Headless Chromium (Debian), a plain page with lib/any-site/ bundled by esbuild; each page served from the bench, ' +
      "times are medians of in-page runs after one warm-up, beside the page's own HTML parse (response end → DOMContentLoaded). " +
      `Quality over the ${fixtures.length} pages of tests/fixtures/any-site/ (${withTranscript} with a transcript, ` +
      `${fixtures.length - withTranscript} without; 9 of them held out while the rules were written): a page counts when every ` +
      "turn's speaker, start and first words and their number match its truth. The naive peer takes every line of the page's " +
      'text (`innerText`) that reads `Name: words` as a turn.',
    rows: [
      {
        subject: `find the transcript on a 2,000-turn page (${(transcriptPage(2000).length / 1e6).toFixed(1)} MB of HTML)`,
        value: bigMedian,
        unit: 'ms',
        peer: "that page's own HTML parse",
        peerValue: of(big).pageParse,
        target: '≤ 20 ms',
        meets: bigMedian <= 20,
        note: `fastest of ${of(big).times.length} runs ${Math.min(...of(big).times).toFixed(1)} ms; the naive regex over the same page's text took ${median(of(big).naiveTimes).toFixed(1)} ms (innerText lays the page out)`,
      },
      {
        subject: 'decide that a long article (about 3,000 elements) has no transcript',
        value: articleMedian,
        unit: 'ms',
        peer: "that page's own HTML parse",
        peerValue: of(article).pageParse,
        target: '≤ 2 ms',
        meets: articleMedian <= 2,
        note: `fastest of ${of(article).times.length} runs ${Math.min(...of(article).times).toFixed(1)} ms`,
      },
      {
        subject: `decide that a look-alike has no transcript, slowest of ${noneTimes.length} (${slowestNone.name})`,
        value: slowestNone.median,
        unit: 'ms',
        peer: "that page's own HTML parse",
        peerValue: slowestNone.parse,
        target: '≤ 2 ms',
        meets: slowestNone.median <= 2,
        note: `medians of the others: ${noneTimes.map((none) => none.median.toFixed(2)).join(', ')} ms`,
      },
      {
        subject: 'fixture pages whose turns match the truth exactly',
        value: (100 * exact) / fixtures.length,
        unit: '%',
        peer: 'naive `Name:` regex over the page text',
        peerValue: (100 * naiveExact) / fixtures.length,
        target: '≥ 95%',
        meets: exact / fixtures.length >= 0.95,
        note: missed.length > 0 ? `missed: ${missed.join(', ')}` : 'every page',
      },
      {
        subject: `pages without a transcript that yield one (of ${noneTimes.length})`,
        value: falsePositives,
        unit: 'pages',
        peer: 'naive `Name:` regex over the page text',
        peerValue: naiveFalsePositives,
        target: '0',
        meets: falsePositives === 0,
      },
    ],
  };
}
