// @vitest-environment happy-dom
/**
 * What the panel needs of a page off changelog.com: links to turns (the page's anchors, text
 * fragments), the media element that is the episode and the player over it, the page's title,
 * show and length, and its own chapter list.
 */
import { describe, expect, it, vi } from 'vitest';
import { episodeMedia } from '@/lib/any-site/media';
import { mediaPlayer } from '@/lib/any-site/media-player';
import { durationSeconds, pageFacts } from '@/lib/any-site/page-facts';
import { readTranscriptPage } from '@/lib/any-site/read-page';
import { encodeTerm, fragmentKey, textDirective } from '@/lib/any-site/turn-links';

const URL_ = 'https://show.example/ep/7?ref=feed#top';

function parse(body: string, head = ''): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
}

function turns(render: (who: string, words: string, i: number) => string, count = 8): string {
  return Array.from({ length: count }, (_, i) =>
    render(i % 2 ? 'Ben' : 'Ana', `Turn ${i} on kettles, steam & whistles - said slowly`, i),
  ).join('');
}

describe('links to a turn', () => {
  it("uses the page's own anchor: an id on the turn, on its wrapper, or on an empty anchor just before it", () => {
    const doc = parse(
      `<div>${turns((who, words, i) =>
        i === 0
          ? `<p id="t0">${who}: ${words}</p>`
          : i === 1
            ? `<div class="seg" id="seg-1"><p>${who}: ${words}</p></div>`
            : i === 2
              ? `<a id="t2"></a><p>${who}: ${words}</p>`
              : `<p>${who}: ${words}</p>`,
      )}</div>`,
    );
    const page = readTranscriptPage(doc, URL_);
    expect(page?.linkTo(0)).toBe('https://show.example/ep/7?ref=feed#t0');
    expect(page?.linkTo(1)).toBe('https://show.example/ep/7?ref=feed#seg-1');
    expect(page?.linkTo(2)).toBe('https://show.example/ep/7?ref=feed#t2');
    expect(page?.linkTo(99)).toBeNull();
  });

  it('otherwise links a text fragment, with -, & and , percent-encoded', () => {
    const page = readTranscriptPage(parse(`<div>${turns((who, words) => `<p>${who}: ${words}</p>`)}</div>`), URL_);
    // "Turn 3 on kettles," is the first opening unique in the page.
    expect(page?.linkTo(3)).toBe('https://show.example/ep/7?ref=feed#:~:text=Turn%203%20on%20kettles%2C');
    expect(encodeTerm('a-b & c, d')).toBe('a%2Db%20%26%20c%2C%20d');
  });

  it('quotes more words, then the label before them, until the fragment is unique', () => {
    const paragraph = (text: string) => [[{ kind: 'text' as const, text }]];
    const pageKey = fragmentKey('Ana: Yeah. Ben: Yeah. Ana: Yeah, I think so too, really. Ben: Yeah, I think so too, honestly.');
    expect(textDirective(paragraph('Yeah, I think so too, honestly.'), 'Ben:', pageKey)).toBe(
      ':~:text=Yeah%2C%20I%20think%20so%20too%2C%20honestly.',
    );
    expect(textDirective(paragraph('Yeah.'), 'Ben:', pageKey)).toBe(':~:text=Ben%3A-,Yeah.');
    // Nothing tells the two apart: the first words, the best there is.
    expect(textDirective(paragraph('Yeah.'), '', pageKey)).toBe(':~:text=Yeah.');
    expect(textDirective([], 'Ben:', pageKey)).toBeNull();
  });
});

describe('the media element that is the episode', () => {
  it('skips decoration, prefers audio, the longest, then the nearest to the transcript', () => {
    const doc = parse(`<video id="bg" autoplay muted loop src="/bg.mp4"></video>
      <audio id="no-source"></audio>
      <video id="clip" src="/clip.mp4"></video>
      <div id="transcript"><p>words</p></div>
      <audio id="after" src="/after.mp3"></audio>
      <audio id="episode"><source src="/episode.mp3"></audio>`);
    const block = doc.getElementById('transcript');
    // Durations the browser would know once metadata loaded.
    for (const [id, duration] of [
      ['clip', 2400],
      ['after', 45],
      ['episode', 3000],
    ] as const) {
      Object.defineProperty(doc.getElementById(id), 'duration', { value: duration, configurable: true });
    }
    expect(episodeMedia(doc, block)?.id).toBe('episode');
    // A transcript longer than an audio rules it out.
    expect(episodeMedia(doc, block, 2900)?.id).toBe('episode');
    Object.defineProperty(doc.getElementById('episode'), 'duration', { value: 20, configurable: true });
    expect(episodeMedia(doc, block)?.id).toBe('after');
    expect(episodeMedia(parse('<video autoplay muted src="/loop.mp4"></video>'))).toBeNull();
  });

  it('among equals, takes the last one before the transcript, else the first after it', () => {
    const doc = parse(
      '<audio id="a" src="/a.mp3"></audio><audio id="b" src="/b.mp3"></audio><div id="t"></div><audio id="c" src="/c.mp3"></audio>',
    );
    expect(episodeMedia(doc, doc.getElementById('t'))?.id).toBe('b');
    const after = parse('<div id="t"></div><audio id="c" src="/c.mp3"></audio><audio id="d" src="/d.mp3"></audio>');
    expect(episodeMedia(after, after.getElementById('t'))?.id).toBe('c');
  });

  it('is a PlayerBridge: seek sets currentTime and plays, subscribe reports the play head once started', () => {
    const doc = parse('<audio id="a" src="/a.mp3"></audio>');
    const audio = doc.getElementById('a') as HTMLAudioElement;
    const play = vi.spyOn(audio, 'play').mockResolvedValue(undefined);
    const controller = new AbortController();
    const player = mediaPlayer(audio, controller.signal);
    expect(player.available).toBe(true);
    const heard: (number | null)[] = [];
    const unsubscribe = player.subscribe((seconds) => heard.push(seconds));
    expect(heard).toEqual([]); // not started yet
    player.seek(95.5);
    expect(audio.currentTime).toBe(95.5);
    expect(play).toHaveBeenCalledOnce();
    audio.dispatchEvent(new Event('timeupdate'));
    audio.dispatchEvent(new Event('emptied'));
    expect(heard).toEqual([95.5, null]);
    unsubscribe();
    audio.dispatchEvent(new Event('timeupdate'));
    expect(heard).toHaveLength(2);
    controller.abort();
    player.seek(10);
    expect(audio.currentTime).toBe(95.5);
    expect(mediaPlayer(null).available).toBe(false);
  });
});

describe("the page's facts", () => {
  it('reads title, show and length from JSON-LD, then Open Graph, then the heading and title', () => {
    const jsonLd = `<script type="application/ld+json">${JSON.stringify({
      '@graph': [
        { '@type': 'PodcastEpisode', name: 'Kettles', duration: 'PT1H2M3S', partOfSeries: { '@type': 'PodcastSeries', name: 'Tea Time' } },
      ],
    })}</script>`;
    expect(pageFacts(parse('<h1>Other</h1>', jsonLd))).toEqual({ title: 'Kettles', show: 'Tea Time', duration: 3723 });
    expect(pageFacts(parse('', '<meta property="og:title" content="Ep 7"><meta property="og:site_name" content="Tea Time">'))).toEqual({
      title: 'Ep 7',
      show: 'Tea Time',
    });
    expect(pageFacts(parse('<h1>Kettles</h1>', '<title>Kettles | Tea Time</title>'))).toEqual({ title: 'Kettles', show: 'Tea Time' });
    expect(pageFacts(parse('<h1>Kettles – transcript</h1>', '<title>Kettles</title>')).title).toBe('Kettles');
    expect(pageFacts(parse('<span itemprop="duration" content="PT45M"></span>')).duration).toBe(2700);
  });

  it('reads ISO 8601 durations, seconds and clocks', () => {
    expect(durationSeconds('PT45M30S')).toBe(2730);
    expect(durationSeconds('P0DT1H')).toBe(3600);
    expect(durationSeconds('1800')).toBe(1800);
    expect(durationSeconds('1:02:03')).toBe(3723);
    expect(durationSeconds('soon')).toBeUndefined();
    expect(durationSeconds('PT')).toBeUndefined();
  });

  it('bounds what it keeps and survives broken or huge JSON-LD', () => {
    const broken = '<script type="application/ld+json">{"@type": "PodcastEpisode", </script>';
    const nested = `<script type="application/ld+json">${'['.repeat(5000)}${']'.repeat(5000)}</script>`;
    expect(() => pageFacts(parse('', broken + nested))).not.toThrow();
    expect(pageFacts(parse(`<h1>${'T'.repeat(5000)}</h1>`)).title).toHaveLength(300);
  });
});

describe("the page's own chapters", () => {
  it('reads a timestamped list outside the transcript, ended by the next start and the duration', () => {
    const body = `<ul><li>00:00 Intro</li><li>(02:10) Why kettles whistle</li><li>Steam and safety – 05:30</li></ul>
      <div>${turns((who, words, i) => `<p>[00:0${i}:00] ${who}: ${words}</p>`)}</div>`;
    const doc = parse(body, '<meta property="og:title" content="Ep 7">');
    const page = readTranscriptPage(doc, URL_);
    expect(page?.parts.items).toHaveLength(8);
    expect(page?.parts.chapters?.map((c) => [c.number, c.title, c.start, c.end, c.source])).toEqual([
      [1, 'Intro', 0, 130, 'site'],
      [2, 'Why kettles whistle', 130, 330, 'site'],
      [3, 'Steam and safety', 330, undefined, 'site'],
    ]);
  });
});
