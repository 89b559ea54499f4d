/**
 * Renders an episode page in the DOM shape changelog.com's templates produce (documented in
 * ../shared/fixtures/pages/changelog/README.md): header, featuring, sponsors, notes, chapters
 * table, transcript items with `a#transcript-N` anchors, the bottom player and a small script
 * standing in for the site's player. Used to build our own fixtures from our own Markdown and
 * by property tests that need "the page the site would render for this Markdown".
 */
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt('commonmark');

/** The site's speaker marker and time-like pattern (Changelog.Regexp.timestamp). */
const SPEAKER_MARKER = /\*\*(.*?):\*\*/g;
const SITE_TIMESTAMP = /(\d\d:)?(\d\d?:)(\d\d)(\.\d\d?)?/g;

export interface SitePageInput {
  podcast: string;
  slug: string;
  showName: string;
  title: string;
  number?: number;
  subtitle?: string;
  minutes?: number;
  guests?: { name: string; handle: string }[];
  sponsors?: { name: string; url: string; description: string }[];
  notesMarkdown?: string;
  chapters?: { title: string; start: number; end: number }[];
  transcriptMarkdown?: string;
  /** Why there is no transcript, when there is none. */
  noTranscript?: 'legacy' | 'coming-soon';
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function clock(seconds: number): string {
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The site's item split: every `**Name:**`, text before the first one labelled `Unknown`. */
export function siteTranscriptParts(source: string): { title: string; body: string }[] {
  const parts: { title: string; body: string }[] = [];
  const matches = [...source.matchAll(SPEAKER_MARKER)];
  const first = matches[0];
  const preamble = source.slice(0, first ? first.index : source.length);
  if (preamble.trim() !== '') parts.push({ title: 'Unknown', body: preamble.trim() });
  matches.forEach((match, i) => {
    const next = matches[i + 1];
    const body = source.slice((match.index ?? 0) + match[0].length, next ? next.index : source.length);
    parts.push({ title: (match[1] ?? '').trim(), body: body.trim() });
  });
  return parts;
}

/** An item body as the site renders it: Markdown to HTML, then every time-like string linked. */
export function siteItemHtml(body: string): string {
  const html = /^\d{2,4}\.$/.test(body) ? `<p>${body}</p>` : markdown.render(body);
  return html.replace(SITE_TIMESTAMP, (time) => `<a class="timestamp" href="#t=${time}">${time}</a>`);
}

const SPEAKERLESS = new Set(['break', 'jingle', 'intro', 'outro', 'old changelog intro', 'snl jingle', 'unknown', '']);

function transcriptHtml(input: SitePageInput): string {
  const changelogItem = (text: string) => `          <div  class="transcript-item transcript-item--break">
            <div class="transcript-item-speaker">
              <a href="/about" title="Changelog Media"><div class="transcript-item-speaker-image transcript-item-speaker-image--changelog"></div></a>
              <p class="transcript-item-speaker-name">Changelog</p>
            </div>
            <div class="transcript-item-text">
              <p>${text}</p>
            </div>
          </div>`;
  const parts = input.transcriptMarkdown ? siteTranscriptParts(input.transcriptMarkdown) : [];
  if (parts.length === 0) {
    const text =
      input.noTranscript === 'legacy'
        ? 'This episode was published back before we had transcripts. Thanks for understanding! 💚'
        : `We're hard at work on the transcript for this episode! <a href="/in">Sign in</a> / <a href="/join">up</a> to access transcript notifications. 💪`;
    return changelogItem(text);
  }
  const items = parts.map((part, index) => {
    const person = !SPEAKERLESS.has(part.title.toLowerCase());
    const handle = part.title.toLowerCase().replace(/[^a-z0-9]+/g, '');
    const speaker = person
      ? `<a href="/person/${handle}" title="${escapeHtml(part.title)}"><img src="data:," alt="${escapeHtml(part.title)} Says" class="transcript-item-speaker-image" width="36" height="36" loading="lazy"></a>`
      : '<div class="transcript-item-speaker-image"></div>';
    return `            <a id="transcript-${index}" class="anchor"></a>
            <div class="transcript-item ${person ? '' : 'transcript-item--break'}">
              <div class="transcript-item-speaker">
                ${speaker}
                <p class="transcript-item-speaker-name"><a href="#transcript-${index}">${escapeHtml(part.title)}</a></p>
              </div>
              <div class="transcript-item-text">
                ${siteItemHtml(part.body)}
              </div>
            </div>`;
  });
  return [
    changelogItem(
      `<a data-play="/${input.podcast}/${input.slug}/play" href="https://cdn.example.invalid/audio.mp3">Play the audio</a> to listen along while you enjoy the transcript. 🎧`,
    ),
    ...items,
    changelogItem(
      'Our transcripts are <a href="https://github.com/thechangelog/transcripts" rel="external">open source on GitHub</a>. Improvements are welcome. 💚',
    ),
  ].join('\n');
}

/**
 * A stand-in for the site's player, in the spirit of the shared fixtures' script: a `#t=` deep
 * link moves the play head and is recorded in `window.__sitePlayerSeeks`. It reads the time as the
 * site does (assets/shared/parseTime.js: `M:SS`, `H:MM:SS`, fractions, plain seconds; `#t=0` is
 * no time and ignored) and plays from the whole second at or before it, as the site's audio seek
 * (`parseInt`) does; the play head shows whole seconds. The document-level hotkeys (Space, s, +,
 * -, Escape) are recorded in `window.__siteHotkeys` unless typed into an input, as the site's
 * handler does. The play head stays where a seek put it (paused) until
 * `window.__sitePlayerPlay(seconds)` starts it ticking once a second.
 */
const PLAYER_SCRIPT = `
(function () {
  function toSeconds(text) {
    var colons = /^(?:(?:(\\d+):)?(\\d\\d?):)?(\\d\\d?)(\\.\\d+)?$/.exec(text || '');
    if (colons) return 3600 * (Number(colons[1]) || 0) + 60 * (Number(colons[2]) || 0) + Number(colons[3]) + (Number(colons[4]) || 0);
    return /^\\d+(\\.\\d+)?$/.test(text || '') ? Number(text) : 0;
  }
  function show(seconds) {
    var whole = Math.floor(seconds), h = Math.floor(whole / 3600), m = Math.floor(whole % 3600 / 60), s = whole % 60;
    document.querySelector('.js-player').classList.add('podcast_player--is-active');
    document.querySelector('.js-player-current').textContent = (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(s).padStart(2, '0');
    document.querySelector('.js-player-scrubber').value = String(whole);
  }
  var head = 0, timer = null;
  function onHash() {
    var match = /[#&]t=([^&]+)/.exec(location.hash);
    var seconds = match ? toSeconds(decodeURIComponent(match[1])) : 0;
    if (!seconds) return;
    head = Math.floor(seconds);
    show(head);
    window.__sitePlayerSeeks = (window.__sitePlayerSeeks || []).concat([seconds]);
  }
  window.__sitePlayerPlay = function (from) {
    head = from || head;
    show(head);
    if (timer) clearInterval(timer);
    timer = setInterval(function () { head += 1; show(head); }, 1000);
  };
  window.addEventListener('hashchange', onHash);
  document.addEventListener('DOMContentLoaded', onHash);
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
    if ([' ', 's', '+', '-', 'Escape'].indexOf(event.key) < 0) return;
    window.__siteHotkeys = (window.__siteHotkeys || []).concat([event.key]);
  });
})();
`;

const PLAYER_HTML = `<div id="player">
  <figure class="podcast_player js-player">
    <div class="podcast_player-details"><figure class="podcast_player-details-title"><span class="js-player-now-playing"></span><figcaption class="js-player-title"></figcaption></figure></div>
    <form class="podcast_player-slider">
      <div class="range_slider">
        <div class="range_slider-range_wrap">
          <input class="range_slider-range js-player-scrubber" type="range" value="0" min="0" max="500">
        </div>
        <span class="range_slider-below"><output><button class="js-player-speed" title="Change Speed">[1X]</button> <b class="js-player-current">0:00</b> / <span class="js-player-duration">0:00</span></output></span>
      </div>
    </form>
  </figure>
</div>`;

/** The whole page. */
export function renderSitePage(input: SitePageInput): string {
  const url = `https://changelog.com/${input.podcast}/${input.slug}`;
  const guests = input.guests ?? [];
  const sections: string[] = [];
  if (guests.length > 0) {
    sections.push(`      <section class="episode-body-section">
        <a id="featuring" class="anchor"></a>
        <header class="section_heading"><h3 class="section_heading-text">Featuring</h3></header>
        <div class="richtext richtext--small">
          <ul>
${guests.map((g) => `            <li>${escapeHtml(g.name)} &ndash; <a href="https://twitter.com/${g.handle}" rel="external">Twitter</a>, <a href="https://github.com/${g.handle}" rel="external">GitHub</a></li>`).join('\n')}
          </ul>
        </div>
      </section>`);
  }
  if (input.sponsors && input.sponsors.length > 0) {
    sections.push(`      <section class="episode-body-section">
        <a id="sponsors" class="anchor"></a>
        <header class="section_heading"><h3 class="section_heading-text">Sponsors</h3></header>
        <div class="richtext richtext--small">
${input.sponsors.map((s) => `            <p>\n              <strong><a href="${escapeHtml(s.url)}" rel="sponsored">${escapeHtml(s.name)}</a></strong> – ${escapeHtml(s.description)}\n            </p>`).join('\n')}
        </div>
      </section>`);
  }
  if (input.notesMarkdown !== undefined) {
    sections.push(`      <section class="episode-body-section">
        <a id="notes" class="anchor"></a>
        <header class="section_heading">
          <h3 class="section_heading-text">Notes &amp; Links</h3>
        </header>
        <div class="richtext richtext--small">
          ${markdown.render(input.notesMarkdown)}
        </div>
      </section>`);
  }
  if (input.chapters && input.chapters.length > 0) {
    sections.push(`      <section class="episode-body-section">
        <a id="chapters" class="anchor"></a>
        <header class="section_heading"><h3 class="section_heading-text">Chapters</h3></header>
        <div class="richtext richtext--small">
          <table>
            <thead hidden><tr><td>Chapter Number</td><td>Chapter Start Time</td><td>Chapter Title</td><td>Chapter Duration</td></tr></thead>
            <tbody>
${input.chapters
  .map(
    (c, i) => `              <tr data-chapter="1-${i + 1}">
                <td style="width: 5%">${i + 1}</td>
                <td style="width: 10%"><a href="#t=${Math.round(c.start)}" title="Play episode starting at '${escapeHtml(c.title)}'">${clock(c.start)}</a></td>
                <td style="width: 80%">${escapeHtml(c.title)}</td>
                <td style="width: 5%">${clock(c.end - c.start)}</td>
              </tr>`,
  )
  .join('\n')}
            </tbody>
          </table>
        </div>
      </section>`);
  }
  const note = input.transcriptMarkdown
    ? '<a href="https://github.com/thechangelog/transcripts" rel="external" title="Edit the transcript on GitHub">📝 Edit Transcript</a>'
    : input.noTranscript === 'legacy'
      ? '<a href="https://github.com/thechangelog/transcripts" rel="external" title="Our transcripts on GitHub">⌛️ Legacy Episode</a>'
      : '<a href="https://github.com/thechangelog/transcripts" rel="external" title="Our transcripts on GitHub">⏰ Coming Soon</a>';
  sections.push(`      <section class="episode-body-section">
        <a id="transcript" class="anchor"></a>
        <header class="section_heading">
          <h3 class="section_heading-text">Transcript</h3>
          <p class="section_heading-note">${note}</p>
        </header>
        <div class="transcript">
${transcriptHtml(input)}
        </div>
      </section>`);

  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>${escapeHtml(input.showName)}${input.number !== undefined ? ` #${input.number}` : ''}: ${escapeHtml(input.title)} |&gt; Changelog</title>
    <link rel="canonical" href="${url}">
  </head>
  <body class="page-episode-show">
    <header class="header"><a href="/" class="header-logo">Changelog</a></header>
    <main class="main">
<article class="episode">
  <header class="episode-header">
    <div class="episode-header-wrap">
      <h2 class="episode-header-show_title">
        <a href="/${input.podcast}">${escapeHtml(input.showName)}</a>
        ${input.number !== undefined ? `– Episode #${input.number}` : ''}
      </h2>
      <h1 class="episode-header-title">
        ${escapeHtml(input.title)}
      </h1>
      ${input.subtitle ? `<h3 class="episode-header-subtitle">${escapeHtml(input.subtitle)}</h3>` : ''}
      <div class="episode-header-guests">
        <h4 class="visually_hidden">Featuring</h4>
        <div class="avatar_list">
${guests.map((g) => `          <a href="/person/${g.handle}" class="avatar_list-item" title="${escapeHtml(g.name)}"><img src="data:," alt="${escapeHtml(g.name)}" width="50" height="50"><p>${escapeHtml(g.name.split(' ')[0] ?? '')}</p></a>`).join('\n')}
        </div>
      </div>
    </div>
  </header>
  <div class="episode-body js-video-container">
    <div class="episode-body-summary js-video-before-me">
      <div class="episode-body-summary-description richtext"><p>A fixture episode written for the extension's tests.</p></div>
      <ul class="episode-body-summary-meta">
        ${input.minutes !== undefined ? `<li>${input.minutes} minutes</li>` : ''}
        <li>Published <time datetime="2024-01-01">2024-01-01</time></li>
        <li><a href="#transcript" title="Jump to transcript">Transcript</a></li>
      </ul>
    </div>
    <div class="episode-body-details episode-body-details--${input.podcast}">
${sections.join('\n')}
    </div>
  </div>
</article>
    </main>
    <script>${PLAYER_SCRIPT}</script>
${PLAYER_HTML}
  </body>
</html>
`;
}
