// @vitest-environment happy-dom
/**
 * Properties every parser keeps on any input: no exception, only http(s) links, estimated starts
 * that never decrease, and the same items whether a transcript is read as Markdown or as the page
 * the site renders from it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEpisode } from '@/lib/model/build-episode';
import { parseClock, parseTimeFragment } from '@/lib/model/clock';
import type { Episode } from '@/lib/model/episode';
import { estimateStarts } from '@/lib/model/timing';
import { parseChaptersJson } from '@/lib/site/chapters';
import { parseEpisodePage } from '@/lib/site/page';
import { parseShowNotesMarkdown } from '@/pipeline/markdown/show-notes';
import { parseTranscriptMarkdown } from '@/pipeline/markdown/transcripts';
import { fuzzParams, transcriptText } from '../support/fuzz';
import { renderSitePage, siteTranscriptParts } from '../support/site-page';

const ref = { podcast: 'shipit', slug: '1' };

function onlyHttpLinks(episode: Episode): boolean {
  const urls = [
    ...episode.items.flatMap((item) => item.paragraphs.flat().flatMap((run) => (run.kind === 'link' ? [run.url] : []))),
    ...episode.notes.flatMap((section) => section.links.map((link) => link.url)),
    ...episode.chapters.flatMap((chapter) => (chapter.url ? [chapter.url] : [])),
  ];
  return urls.every((url) => /^https?:\/\//i.test(url));
}

describe('parsers never throw', () => {
  it('transcript Markdown, on anything', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), transcriptText()), (text) => {
        const episode = buildEpisode({ ...ref, items: parseTranscriptMarkdown(text) });
        expect(onlyHttpLinks(episode)).toBe(true);
      }),
      fuzzParams,
    );
  });

  it('show-notes Markdown, on anything', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), transcriptText()), (text) => {
        const notes = parseShowNotesMarkdown(text);
        expect(notes.flatMap((s) => s.links).every((l) => /^https?:\/\//.test(l.url))).toBe(true);
      }),
      fuzzParams,
    );
  });

  it('the page parser, on any HTML', () => {
    const tag = fc.constantFrom('div', 'p', 'a', 'ul', 'li', 'section', 'table', 'tr', 'td', 'h3', 'em', 'script', 'img');
    const cls = fc.constantFrom(
      'transcript',
      'transcript-item',
      'transcript-item-text',
      'transcript-item-speaker-name',
      'richtext',
      'anchor',
      'episode-header-title',
      'x',
    );
    const element: fc.Arbitrary<string> = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        transcriptText(),
        fc
          .tuple(
            tag,
            cls,
            fc.constantFrom('', 'transcript-3', 'notes', 'chapters', 'transcript', 'featuring', 'sponsors'),
            fc.constantFrom('#t=12', 'https://a.example/', 'javascript:alert(1)', '/x', ''),
            fc.array(tie('node'), { maxLength: 4 }),
          )
          .map(([t, c, id, href, children]) => `<${t} class="${c}" id="${id}" href="${href}">${(children as string[]).join('')}</${t}>`),
      ),
    })).node;
    fc.assert(
      fc.property(element, (body) => {
        const doc = new DOMParser().parseFromString(
          `<html><body class="page-episode-show"><article class="episode">${body}</article></body></html>`,
          'text/html',
        );
        const { parts } = parseEpisodePage(doc, ref);
        expect(onlyHttpLinks(buildEpisode(parts))).toBe(true);
      }),
      fuzzParams,
    );
  });

  it('chapters JSON and clocks, on anything', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), (json, text) => {
        parseChaptersJson(json);
        parseChaptersJson({ chapters: [json] });
        parseClock(text);
        parseTimeFragment(text);
      }),
      fuzzParams,
    );
  });
});

describe('estimated starts', () => {
  it('never decrease, whatever the timestamps and duration', () => {
    const item = fc.record({
      length: fc.nat(2500),
      anchors: fc.array(fc.record({ seconds: fc.double({ min: 0, max: 20_000, noNaN: true }), before: fc.nat(3000) }), {
        maxLength: 3,
      }),
      speaker: fc.constantFrom(null, 'Ada Host', 'Bob Guest', 'Cy'),
      isBreak: fc.boolean(),
    });
    const hint = fc.record({ item: fc.integer({ min: -2, max: 70 }), seconds: fc.double({ min: -10, max: 20_000, noNaN: true }) });
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 60 }),
        fc.option(fc.double({ min: 0, max: 30_000, noNaN: true }), { nil: undefined }),
        fc.array(hint, { maxLength: 4 }),
        (items, duration, itemStarts) => {
          const starts = estimateStarts(items, { duration, itemStarts });
          expect(starts).toHaveLength(items.length);
          for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThanOrEqual(starts[i - 1] as number);
          if (starts.length > 0) expect(starts[0]).toBeGreaterThanOrEqual(0);
        },
      ),
      fuzzParams,
    );
  });
});

describe('Markdown and the rendered page agree', () => {
  const speaker = fc.constantFrom('Ada Host', 'Bob Guest', 'Break', 'Jingle', 'María José');
  const body = fc
    .array(
      fc.constantFrom(
        'Plain words here.',
        '\\[04:15\\] A timestamp first.',
        'Mid \\[01:02:03.45\\] item.',
        '*emphasis* and **strong** and `code`.',
        '[a link](https://example.com/a) and [another](http://example.org/b).',
        'A time like 6:30AM stays text.',
        '- a list item\n- another',
        '> a quote',
        '<b>raw</b> html',
        'Second paragraph.\n\nThird paragraph.',
        '',
      ),
      { maxLength: 4 },
    )
    .map((parts) => parts.join(' '));
  const transcript = fc
    .tuple(fc.option(body, { nil: undefined }), fc.array(fc.tuple(speaker, body), { minLength: 1, maxLength: 12 }))
    .map(([preamble, turns]) => `${preamble ?? ''}\n\n${turns.map(([name, text]) => `**${name}:** ${text}`).join('\n\n')}`);

  it('item counts, labels and timestamps are conserved', () => {
    fc.assert(
      fc.property(transcript, (markdown) => {
        const fromMarkdown = parseTranscriptMarkdown(markdown);
        expect(fromMarkdown).toHaveLength(siteTranscriptParts(markdown).length);
        const html = renderSitePage({
          podcast: 'shipit',
          slug: '1',
          showName: 'Ship It!',
          title: 'Property',
          transcriptMarkdown: markdown,
        });
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const fromPage = parseEpisodePage(doc, ref).parts.items;
        expect(fromPage.map((i) => [i.index, i.label, i.kind])).toEqual(fromMarkdown.map((i) => [i.index, i.label, i.kind]));
        const stamps = (items: typeof fromPage) =>
          items.map((i) => i.paragraphs.flat().flatMap((r) => (r.kind === 'timestamp' ? [r.seconds] : [])));
        expect(stamps(fromPage)).toEqual(stamps(fromMarkdown));
      }),
      fuzzParams,
    );
  });
});
