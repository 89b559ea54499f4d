/**
 * The Download menu end to end, in Chromium and Firefox: a person's click on each format saves a
 * file from the content script (a Blob and an `<a download>`, no `downloads` permission), the file
 * parses by its specification's parser, and it holds what the panel shows: the whole transcript,
 * one speaker's turns, and a search within them. A page script's click saves nothing. On our own
 * fixture episode always, and on Ship It! #26 from ../shared when it is there.
 */
import MarkdownIt from 'markdown-it';
import { validator as srtValidator } from 'srt-validator';
import { describe, expect, it } from 'vitest';
import { WebVTTParser } from 'webvtt-parser';
import { decodeReferences } from '@/lib/model/transcript-formats/webvtt';
import { ownEpisodeFixtures } from '../support/own-fixtures';
import { hasSharedPages, needs, type PageFixture, sharedPageFixtures } from '../support/shared';
import type { TestPage } from './support/browsers';
import { HOST, resultCount, scriptClickInPanel, trustedClickInPanel, typeInSearch, waitForInPanel } from './support/panel';
import { describeInBrowsers } from './support/suite';

const FORMATS = ['md', 'txt', 'vtt', 'srt', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** Per fixture: a speaker to pick and a word they say, so a search within their turns finds something. */
const PICKS: Record<string, { speaker: string; word: string; stem: string }> = {
  'shipit-990': { speaker: 'Grace Guest', word: 'pipelines', stem: 'ship-it-990' },
  'shipit-26': { speaker: 'Liz Rice', word: 'eBPF', stem: 'ship-it-26' },
};

const own = ownEpisodeFixtures().filter((fixture) => fixture.name === 'shipit-990');
const shared = hasSharedPages ? sharedPageFixtures().filter((fixture) => fixture.name === 'shipit-26') : [];

/** What a downloaded file holds, read by each format's own parser: its items' speakers (null: none) and starts when it has them. */
interface Read {
  speakers: (string | null)[];
  starts?: number[];
  ids?: string[];
}

const markdown = new MarkdownIt('commonmark');

function readFile(format: Format, text: string): Read {
  switch (format) {
    case 'vtt': {
      const parsed = new WebVTTParser().parse(text);
      expect(parsed.errors).toEqual([]);
      return {
        ids: parsed.cues.map((cue) => cue.id),
        starts: parsed.cues.map((cue) => cue.startTime),
        speakers: parsed.cues.map((cue) => {
          const voice = cue.tree.children.find((node) => node.name === 'v');
          return voice && (voice.classes ?? []).length === 0 ? decodeReferences(String(voice.value)) : null;
        }),
      };
    }
    case 'srt': {
      expect(srtValidator(text)).toEqual([]);
      const cues = text.trim().split(/\r\n\r\n/);
      return { speakers: cues.map((cue) => /^[^\r\n]*\r\n[^\r\n]*\r\n(?!\[)([^\r\n:]+):/.exec(cue)?.[1] ?? null) };
    }
    case 'json': {
      const json = JSON.parse(text) as {
        version: string;
        segments: { speaker?: string; startTime: number; endTime: number; body: string }[];
      };
      expect(json.version).toBe('1.0.0');
      return {
        speakers: json.segments.map((segment) => segment.speaker ?? null),
        starts: json.segments.map((segment) => segment.startTime),
      };
    }
    case 'md': {
      // Each item opens with a paragraph that starts with its speaker in bold.
      const tokens = markdown.parse(text, {});
      const speakers: string[] = [];
      tokens.forEach((token, i) => {
        if (token.type !== 'inline' || tokens[i - 1]?.type !== 'paragraph_open') return;
        // The parser leaves an empty text token before a paragraph's opening emphasis.
        const children = (token.children ?? []).filter((child) => !(child.type === 'text' && child.content === ''));
        if (children[0]?.type === 'strong_open') speakers.push(children[1]?.content ?? '');
      });
      return { speakers };
    }
    case 'txt': {
      const blocks = text.trim().split('\n\n').slice(1);
      return { speakers: blocks.map((block) => /^(.*) · ~?\d+:\d\d(?::\d\d)?$/m.exec(block.split('\n')[0] ?? '')?.[1] ?? null) };
    }
  }
}

/** The items the panel renders now (the list is virtualized: the first screenful or so). */
function renderedItems(page: TestPage) {
  return page.evaluate(
    (host) =>
      [...(document.querySelector(host)?.shadowRoot?.querySelectorAll('[data-testid=segment]') ?? [])].map((segment) => ({
        index: segment.getAttribute('data-index') ?? '',
        speaker: segment.getAttribute('data-speaker') ?? '',
        start: Number(segment.getAttribute('data-start')),
      })),
    HOST,
  );
}

async function downloadFormat(page: TestPage, format: Format) {
  return page.download(async () => {
    await trustedClickInPanel(page, '[data-testid=download-menu]');
    await waitForInPanel(page, 'details.download[open]');
    await trustedClickInPanel(page, `[data-testid=download][data-format=${format}]`);
  });
}

/** Every format, downloaded as the panel stands, checked against what it shows. */
async function expectDownloadsMatch(page: TestPage, fixture: PageFixture, expected: { name: string; speaker?: string }) {
  const count = await resultCount(page);
  const rendered = await renderedItems(page);
  expect(rendered.length).toBeGreaterThan(0);
  for (const format of FORMATS) {
    const file = await downloadFormat(page, format);
    expect(file.name, format).toBe(`${expected.name}.${format}`);
    const read = readFile(format, file.text);
    expect(read.speakers, format).toHaveLength(count);
    if (expected.speaker) expect(new Set(read.speakers), format).toEqual(new Set([expected.speaker]));
    else if (format !== 'srt' && format !== 'txt' && format !== 'md') {
      expect([...new Set(read.speakers.filter((s) => s !== null))], format).toEqual(fixture.truth.speakers);
    }
    if (read.ids) expect(read.ids.slice(0, rendered.length), format).toEqual(rendered.map((item) => item.index));
    if (read.starts) {
      rendered.forEach((item, i) => {
        expect(read.starts?.[i], `${format} item ${item.index}`).toBeCloseTo(item.start, 1);
      });
    }
  }
}

describeInBrowsers('downloads', (suite) => {
  const cases: [string, PageFixture[]][] = [
    ['our own fixture episode', own],
    [needs(hasSharedPages, 'Ship It! #26 from ../shared'), shared],
  ];
  for (const [title, fixtures] of cases) {
    describe(title, () => {
      it.skipIf(fixtures.length === 0)('each format saves what the panel shows: all of it, one speaker, a search', async () => {
        for (const fixture of fixtures) {
          const pick = PICKS[fixture.name];
          if (!pick) throw new Error(`no pick for ${fixture.name}`);
          const page = await suite.openWithPanel(fixture.truth.url);
          expect(await resultCount(page)).toBe(fixture.truth.segments);
          await expectDownloadsMatch(page, fixture, { name: pick.stem });

          await trustedClickInPanel(page, `[data-testid=speaker][data-speaker="${pick.speaker}"]`);
          expect(await resultCount(page)).toBe(fixture.truth.turnsBySpeaker[pick.speaker]);
          await expectDownloadsMatch(page, fixture, { name: `${pick.stem}-excerpt`, speaker: pick.speaker });

          await typeInSearch(page, pick.word);
          await waitForInPanel(page, 'mark');
          const found = await resultCount(page);
          expect(found).toBeGreaterThan(0);
          expect(found).toBeLessThan(fixture.truth.turnsBySpeaker[pick.speaker] ?? 0);
          await expectDownloadsMatch(page, fixture, { name: `${pick.stem}-excerpt`, speaker: pick.speaker });
          expect(page.errors).toEqual([]);
        }
      });
    });
  }

  it.skipIf(own.length === 0)("a page script's click on a format saves nothing", async () => {
    const page = await suite.openWithPanel(own[0]?.truth.url ?? '');
    await scriptClickInPanel(page, '[data-testid=download-menu]');
    await waitForInPanel(page, 'details.download[open]');
    await expect(page.download(() => scriptClickInPanel(page, '[data-testid=download][data-format=vtt]'), 2_000)).rejects.toThrow();
    // The listener's own click still works after it.
    const file = await page.download(() => trustedClickInPanel(page, '[data-testid=download][data-format=vtt]'));
    expect(file.name).toBe('ship-it-990.vtt');
  });
});
