/**
 * A hostile corpus of our own: markup where text belongs, script URLs where links belong, bidi
 * overrides and zero-width characters, a 10 MB transcript and one of 100,000 items. Every parser
 * and every view must take it without running anything, linking anything but http(s), or
 * freezing. Payloads set `window.__pwned…` globals, so a test can tell whether one ever ran.
 */
import type { SitePageInput } from './site-page';

/** Looks like HTML, must stay text: the site escapes it, and so must every view of ours. */
export const MARKUP = '<img src=x onerror="window.__pwnedMarkup=1">';
// The data: URL is base64 so that no raw <script> reaches the page's own HTML (the site renders
// transcript HTML raw; a payload the page itself runs would say nothing about the extension).
export const SCRIPT_URLS = [
  'javascript:window.__pwnedLink=1',
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZERhdGE9MTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'JaVaScRiPt:window.__pwnedCase=1',
];

/** The transcript of the hostile episode. Raw HTML appears only as escaped entities, as text. */
export function hostileTranscriptMarkdown(): string {
  const escaped = MARKUP.replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    `**${MARKUP}:** Hello from a speaker whose name is markup. ${escaped}`,
    `**Robert'); alert(1)//:** Little Bobby Tables says hi, with [a script link](${SCRIPT_URLS[0]}) and [a safe one](https://example.com/safe).`,
    `**\u202eevil\u202c Name:** Right-to-left override \u202egnirts desrever\u202c and zero\u200bwidth\u200bspaces and \u2066isolates\u2069.`,
    `**Zero\u200bWidth Guest:** ${SCRIPT_URLS.map((url, i) => `<a href="${url.replace(/"/g, '&quot;')}">raw link ${i}</a>`).join(' ')} stay text here.`,
    `**Break:** \\[01:00\\]`,
    `**Plain Person:** \\[02:00\\] A normal turn after all that, mentioning ${escaped} once more, and \`<script>alert(1)</script>\` as code.`,
  ].join('\n\n');
}

export function hostileNotesMarkdown(): string {
  const escaped = MARKUP.replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    `### Section ${escaped}`,
    '',
    `- [A link whose text is ${escaped}](https://example.com/markup) - described as ${escaped}`,
    ...SCRIPT_URLS.map((url, i) => `- [script link ${i}](${url})`),
    `- <a href="${SCRIPT_URLS[0]}">raw script link</a> and <a href="https://example.com/ok">a fine one</a>`,
    '- [\u202eevil link text\u202c](https://example.com/rtl)',
  ].join('\n');
}

/** The hostile episode's page, as the site would render it (names and titles escaped). */
export function hostilePageInput(): SitePageInput {
  return {
    podcast: 'shipit',
    slug: '666',
    showName: 'Ship It!',
    number: 666,
    title: `A title with ${MARKUP} in it`,
    subtitle: `A subtitle \u202ewith an override\u202c`,
    minutes: 10,
    guests: [{ name: `Guest ${MARKUP}`, handle: 'guest' }],
    sponsors: [{ name: `Sponsor ${MARKUP}`, url: 'https://example.com/sponsor', description: `Buy ${MARKUP} now.` }],
    notesMarkdown: hostileNotesMarkdown(),
    transcriptMarkdown: hostileTranscriptMarkdown(),
  };
}

/** A transcript of about `megabytes` MB in turns of ~5 KB: the size the site's longest never reaches. */
export function bigTranscriptMarkdown(megabytes = 10): string {
  const paragraph = 'This sentence repeats to make a very long turn, with a [link](https://example.com/long) now and then. '.repeat(50);
  const turns: string[] = [];
  let size = 0;
  for (let i = 0; size < megabytes * 1e6; i++) {
    const turn = `**Speaker ${i % 7}:** ${i % 40 === 0 ? `\\[${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}\\] ` : ''}${paragraph}`;
    turns.push(turn);
    size += turn.length + 2;
  }
  return turns.join('\n\n');
}

/** `count` short turns among a dozen speakers. */
export function manyItemsMarkdown(count = 100_000): string {
  const turns: string[] = new Array(count);
  for (let i = 0; i < count; i++) turns[i] = `**Speaker ${i % 12}:** Turn ${i} says word${i % 997} and moves on.`;
  return turns.join('\n\n');
}

/**
 * A page with `count` transcript items in the site's item markup, kept minimal (no avatars) so
 * that even 100,000 items are a page a browser can load.
 */
export function manyItemsPage(count = 100_000): string {
  const items: string[] = new Array(count);
  for (let i = 0; i < count; i++) {
    items[i] =
      `<a id="transcript-${i}" class="anchor"></a><div class="transcript-item"><div class="transcript-item-speaker">` +
      `<p class="transcript-item-speaker-name"><a href="#transcript-${i}">Speaker ${i % 12}</a></p></div>` +
      `<div class="transcript-item-text"><p>Turn ${i} says word${i % 997} and moves on.</p></div></div>`;
  }
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ship It! #667: Many items |&gt; Changelog</title></head>
<body class="page-episode-show"><main class="main"><article class="episode">
<header class="episode-header"><div class="episode-header-wrap"><h2 class="episode-header-show_title"><a href="/shipit">Ship It!</a> – Episode #667</h2>
<h1 class="episode-header-title">One hundred thousand turns</h1></div></header>
<div class="episode-body"><div class="episode-body-summary"><ul class="episode-body-summary-meta"><li>600 minutes</li></ul></div>
<div class="episode-body-details"><section class="episode-body-section"><a id="transcript" class="anchor"></a>
<header class="section_heading"><h3 class="section_heading-text">Transcript</h3></header>
<div class="transcript">${items.join('')}</div></section></div></div></article></main>
<div id="player"><figure class="podcast_player js-player"><b class="js-player-current">0:00</b><input class="js-player-scrubber" type="range" value="0"></figure></div>
</body></html>`;
}
