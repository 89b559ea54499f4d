/**
 * The download formats besides WebVTT, each against its specification: SRT by a strict SubRip
 * parser and validator (`srt-validator`), Podcasting 2.0 JSON by the spec's fields, Markdown by a
 * CommonMark renderer (markdown-it: every character of the transcript reads as itself, and no
 * list, quote, HTML or code appears that the transcript did not ask for), plain text by its shape;
 * for the sample, any transcript (fast-check), and real episodes of the archive.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { parser as srtParser, validator as srtValidator } from 'srt-validator';
import { describe, expect, it } from 'vitest';
import { WebVTTParser } from 'webvtt-parser';
import { buildEpisode } from '@/lib/model/build-episode';
import { fileStem, TRANSCRIPT_FORMATS, transcriptFile } from '@/lib/model/transcript-formats/index';
import { shownClock, writeMarkdown } from '@/lib/model/transcript-formats/markdown';
import { writePlainText } from '@/lib/model/transcript-formats/plain-text';
import { writePodcastingJson } from '@/lib/model/transcript-formats/podcasting-json';
import { SRT_ESTIMATED_LINE, writeSrt } from '@/lib/model/transcript-formats/srt';
import { cleanLine, type TranscriptExport } from '@/lib/model/transcript-formats/transcript-export';
import { writeWebVtt } from '@/lib/model/transcript-formats/webvtt';
import { episodeExportInfo } from '@/lib/site/transcript-download';
import { parseTranscriptMarkdown } from '@/pipeline/markdown/transcripts';
import { fuzzParams } from '../support/fuzz';
import { hostileTranscriptMarkdown, manyItemsMarkdown } from '../support/hostile';
import { CORPUS_DIR, hasCorpus, needs } from '../support/shared';
import { anyExport, exportOf, sampleEpisode } from '../support/transcript-formats';

function expectValidSrt(doc: TranscriptExport): void {
  const file = writeSrt(doc);
  if (doc.entries.length === 0) {
    expect(file).toBe('');
    return;
  }
  expect(srtValidator(file), file).toEqual([]);
  const cues = srtParser.parse(file);
  expect(cues).toHaveLength(doc.entries.length);
  cues.forEach((cue, i) => {
    const entry = doc.entries[i];
    if (!entry) throw new Error('more cues than entries');
    expect(cue.sequenceNumber).toBe(i + 1);
    expect(cue.time.start).toBe(Math.round(entry.start * 1000));
    expect(cue.time.end).toBe(Math.round(entry.end * 1000));
    const lines = cue.text.split('\n');
    expect(lines.at(-1) === SRT_ESTIMATED_LINE).toBe(entry.estimated);
    const words = (entry.estimated ? lines.slice(0, -1) : lines).join('\n');
    const text = entry.paragraphs.join('\n').replace(/-->/g, '→');
    const label = entry.label.replace(/-->/g, '→');
    expect(words).toBe(entry.speaker === null ? `[${label}]${text ? ` ${text}` : ''}` : `${label}:${text ? ` ${text}` : ''}`);
  });
}

function expectValidPodcastingJson(doc: TranscriptExport): void {
  const json = JSON.parse(writePodcastingJson(doc)) as Record<string, unknown>;
  expect(Object.keys(json)).toEqual(['version', 'segments']);
  expect(json.version).toBe('1.0.0');
  const segments = json.segments as Record<string, unknown>[];
  expect(segments).toHaveLength(doc.entries.length);
  let previous = -1;
  segments.forEach((segment, i) => {
    const entry = doc.entries[i];
    if (!entry) throw new Error('more segments than entries');
    for (const key of Object.keys(segment)) expect(['speaker', 'startTime', 'endTime', 'body']).toContain(key);
    expect(typeof segment.startTime).toBe('number');
    expect(typeof segment.endTime).toBe('number');
    expect(segment.endTime as number).toBeGreaterThan(segment.startTime as number);
    expect(segment.startTime as number).toBeGreaterThan(previous);
    previous = segment.startTime as number;
    expect(segment.speaker).toBe(entry.speaker ?? undefined);
    const text = entry.paragraphs.join('\n');
    expect(segment.body).toBe(entry.speaker === null ? `[${entry.label}]${text ? ` ${text}` : ''}` : text);
  });
}

const commonmark = new MarkdownIt('commonmark');
const markdownItDefault = new MarkdownIt({ html: true });
type Token = ReturnType<MarkdownIt['parse']>[number];

/** The blocks a renderer makes of a file: each heading or paragraph as its text, and anything else by its type. */
function renderedBlocks(md: MarkdownIt, source: string): string[] {
  const inlineText = (token: Token | undefined): string =>
    (token?.children ?? [])
      .map((child) => {
        if (child.type === 'text' || child.type === 'code_inline') return child.content;
        if (child.type === 'softbreak' || child.type === 'hardbreak') return '\n';
        if (['strong_open', 'strong_close', 'em_open', 'em_close', 'link_open', 'link_close'].includes(child.type)) return '';
        return `\u0000${child.type}\u0000`;
      })
      .join('');
  const tokens = md.parse(source, {});
  const blocks: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.type === 'heading_open') blocks.push(`${token.tag}:${inlineText(tokens[i + 1])}`);
    else if (token.type === 'paragraph_open') blocks.push(inlineText(tokens[i + 1]));
    else if (!['heading_close', 'paragraph_close', 'inline'].includes(token.type)) blocks.push(`\u0000${token.type}\u0000`);
  }
  return blocks;
}

function expectMarkdownReadsAsWritten(doc: TranscriptExport): void {
  const file = writeMarkdown(doc);
  const title = cleanLine(doc.info.title);
  const expected = [
    ...(title ? [`h1:${title}`] : []),
    ...doc.entries.flatMap((entry) => [`${entry.label} · ${shownClock(entry)}`, ...entry.paragraphs]),
  ];
  for (const md of [commonmark, markdownItDefault]) {
    const blocks = renderedBlocks(md, file);
    // Nothing but headings and paragraphs of text, links and emphasis (a NUL marks anything else; text has none).
    expect(
      blocks.filter((block) => block.includes('\u0000')),
      file,
    ).toEqual([]);
    expect(blocks.slice(blocks.length - (expected.length - (title ? 1 : 0))), file).toEqual(expected.slice(title ? 1 : 0));
    if (title) expect(blocks[0]).toBe(expected[0]);
  }
}

function expectPlainTextShape(doc: TranscriptExport): void {
  const file = writePlainText(doc);
  expect(file.endsWith('\n')).toBe(true);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters.
  expect(file).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
  const blocks = file.slice(0, -1).split('\n\n');
  const entryBlocks = blocks.slice(blocks.length - doc.entries.length);
  doc.entries.forEach((entry, i) => {
    expect(entryBlocks[i]).toBe([`${entry.label} · ${shownClock(entry)}`, ...entry.paragraphs].join('\n'));
  });
}

describe('SRT', () => {
  it('numbers cues from 1, speaker first, and ends each estimated cue with its mark', () => {
    const doc = exportOf(sampleEpisode());
    expectValidSrt(doc);
    const file = writeSrt(doc);
    expect(file).toMatch(
      /^1\r\n00:00:\d\d,\d{3} --> 00:00:15,000\r\n\[Jingle\] A short tune\.\r\n\[estimated time\]\r\n\r\n2\r\n00:00:15,000 --> /,
    );
    expect(file).toContain('Ada Host: Welcome to the show & thanks for listening.\r\nToday: pipelines → search.\r\n\r\n');
    expect(file).toContain('\r\n[Break]\r\n\r\n');
  });

  it('never writes a file a strict SubRip parser rejects, whatever the transcript says', () => {
    fc.assert(fc.property(anyExport(), expectValidSrt), fuzzParams);
  });
});

describe('Podcasting 2.0 JSON', () => {
  it('has the spec fields only: version 1.0.0 and segments of speaker, startTime, endTime, body', () => {
    const doc = exportOf(sampleEpisode());
    expectValidPodcastingJson(doc);
    const json = JSON.parse(writePodcastingJson(doc));
    expect(json.segments[1]).toEqual({
      speaker: 'Ada Host',
      startTime: 15,
      endTime: json.segments[2].startTime,
      body: 'Welcome to the show & thanks for listening.\nToday: pipelines --> search.',
    });
    expect(json.segments[4]).toMatchObject({ body: '[Break]', startTime: 240 });
    expect(json.segments[4].speaker).toBeUndefined();
  });

  it('keeps to the spec whatever the transcript says', () => {
    fc.assert(fc.property(anyExport(), expectValidPodcastingJson), fuzzParams);
  });
});

describe('Markdown', () => {
  it('renders the title, the source and each turn with its speaker and linked time', () => {
    const doc = exportOf(sampleEpisode());
    expectMarkdownReadsAsWritten(doc);
    const file = writeMarkdown(doc);
    expect(
      file.startsWith('# Ship It! \\#990: Formats for the suite\n\n<https://changelog.com/shipit/990>  \nTranscript: our own fixture'),
    ).toBe(true);
    expect(file).toContain('**Ada Host** · [0:15](https://changelog.com/shipit/990#t=15)\n\nWelcome to the show & thanks for listening.');
    expect(file).toContain('Today: pipelines --\\> search.');
    expect(file).toMatch(/\*\*Grace Guest\*\* · \[\\~2:\d\d\]\(https:\/\/changelog\.com\/shipit\/990#t=\d+\)/);
    expect(file).toContain('_Times marked \\~ are estimated._');
  });

  it('reads as written in CommonMark and markdown-it, whatever the transcript says', () => {
    fc.assert(fc.property(anyExport(), expectMarkdownReadsAsWritten), fuzzParams);
  });

  it('escapes what would start a heading, list, quote, rule, fence or HTML block', () => {
    for (const text of [
      '# not a heading',
      '- not a list',
      '1. not a list',
      '2) nor this',
      '> not a quote',
      '---',
      '```',
      '<div>',
      '    code?',
    ]) {
      const doc = exportOf(
        buildEpisode({
          podcast: 'shipit',
          slug: '1',
          items: [{ index: 0, label: 'A', speaker: 'A', kind: 'speech', paragraphs: [[{ kind: 'text', text }]] }],
        }),
      );
      expectMarkdownReadsAsWritten(doc);
    }
  });
});

describe('plain text', () => {
  it('writes the title, the source, then each turn under its speaker and time', () => {
    const doc = exportOf(sampleEpisode(), undefined, 'Ada Host');
    const file = writePlainText(doc);
    expect(
      file.startsWith('Ship It! #990: Formats for the suite\nhttps://changelog.com/shipit/990\nTranscript: our own fixture, for tests.\n'),
    ).toBe(true);
    expect(file).toMatch(
      /Only what was picked: Ada Host \(8 of 8 items\)\.\nTimes marked ~ are estimated\.\n\nJingle · ~0:\d\d\nA short tune\.\n\nAda Host · 0:15\n/,
    );
    expectPlainTextShape(doc);
  });

  it('keeps its shape whatever the transcript says', () => {
    fc.assert(fc.property(anyExport(), expectPlainTextShape), fuzzParams);
  });
});

describe('files', () => {
  it('are named after the show and episode, by the site layer', () => {
    const doc = (episode: Parameters<typeof episodeExportInfo>[0], selection?: string) => ({
      ...exportOf(sampleEpisode(), undefined, selection, episodeExportInfo(episode)),
    });
    const vtt = TRANSCRIPT_FORMATS.find((format) => format.id === 'vtt');
    if (!vtt) throw new Error('no WebVTT');
    expect(transcriptFile(vtt, doc({ podcast: 'shipit', slug: '26', number: 26, title: 'x' })).name).toBe('ship-it-26.vtt');
    expect(transcriptFile(vtt, doc({ podcast: 'jsparty', slug: 'meet-rachel-white', title: 'Meet Rachel White' })).name).toBe(
      'js-party-meet-rachel-white.vtt',
    );
    expect(transcriptFile(vtt, doc({ podcast: 'friends', slug: '47' }, 'Jerod')).name).toBe('changelog-friends-47-excerpt.vtt');
    expect(episodeExportInfo({ podcast: 'shipit', slug: '26', number: 26, title: 'Kubernetes' }).title).toBe('Ship It! #26: Kubernetes');
    expect(episodeExportInfo({ podcast: 'bigtent', slug: 's1e4' }).notice).toContain('Grafana Labs');
  });

  it('have safe names whatever the show is called', () => {
    expect(fileStem('Ship It! #26')).toBe('ship-it-26');
    expect(fileStem('../../etc/passwd')).toBe('etc-passwd');
    expect(fileStem('CON')).toBe('transcript-con');
    expect(fileStem('')).toBe('transcript');
    expect(fileStem('Café 日本語 𝔄'.repeat(20)).length).toBeLessThanOrEqual(160);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(fileStem(text)).toMatch(/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u);
        expect(Array.from(fileStem(text)).length).toBeLessThanOrEqual(91);
      }),
      fuzzParams,
    );
  });

  it('say their type and charset', () => {
    const doc = exportOf(sampleEpisode());
    expect(TRANSCRIPT_FORMATS.map((format) => [format.id, transcriptFile(format, doc).type])).toEqual([
      ['md', 'text/markdown;charset=utf-8'],
      ['txt', 'text/plain;charset=utf-8'],
      ['vtt', 'text/vtt;charset=utf-8'],
      ['srt', 'application/x-subrip;charset=utf-8'],
      ['json', 'application/json;charset=utf-8'],
    ]);
  });
});

describe(needs(hasCorpus, 'real episodes of the archive, in every format'), () => {
  const files = [
    'shipit/ship-it-26.md',
    'gotime/go-time-201.md',
    'friends/changelog--friends-47.md',
    'jsparty/js-party-meet-rachel-white.md',
  ];
  it.skipIf(!hasCorpus).each(files)('%s', (path) => {
    const markdown = readFileSync(join(CORPUS_DIR, 'transcripts', path), 'utf8');
    const episode = buildEpisode({ podcast: 'shipit', slug: '1', items: parseTranscriptMarkdown(markdown) });
    expect(episode.items.length).toBeGreaterThan(10);
    const doc = exportOf(episode);
    const entities = createRequire(import.meta.url)('webvtt-parser/html-entities.json') as Record<string, string>;
    expect(new WebVTTParser(entities).parse(writeWebVtt(doc)).errors).toEqual([]);
    expectValidSrt(doc);
    expectValidPodcastingJson(doc);
    expectMarkdownReadsAsWritten(doc);
    expectPlainTextShape(doc);
    const shown = episode.items.filter((item) => item.speaker === episode.speakers[0]?.name);
    expectValidSrt(exportOf(episode, shown, 'one speaker'));
  });
});

describe('the hostile corpus and huge transcripts, in every format', () => {
  it('keeps markup, script URLs, bidi overrides and zero-width characters in their place', () => {
    const episode = buildEpisode({ podcast: 'shipit', slug: '666', items: parseTranscriptMarkdown(hostileTranscriptMarkdown()) });
    const doc = exportOf(episode);
    const entities = createRequire(import.meta.url)('webvtt-parser/html-entities.json') as Record<string, string>;
    expect(new WebVTTParser(entities).parse(writeWebVtt(doc)).errors).toEqual([]);
    expectValidSrt(doc);
    expectValidPodcastingJson(doc);
    expectMarkdownReadsAsWritten(doc);
    expectPlainTextShape(doc);
    for (const format of TRANSCRIPT_FORMATS) {
      const text = format.write(doc);
      expect(text, format.id).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      if (format.id === 'md') expect(text).not.toMatch(/(?<!\\)<img/);
    }
  });

  it('writes 100,000 items in every format', () => {
    const episode = buildEpisode({ podcast: 'shipit', slug: '667', items: parseTranscriptMarkdown(manyItemsMarkdown(100_000)) });
    const doc = exportOf(episode);
    for (const format of TRANSCRIPT_FORMATS) expect(format.write(doc).length, format.id).toBeGreaterThan(1_000_000);
    expect(srtValidator(writeSrt(doc))).toEqual([]);
  }, 120_000);
});
