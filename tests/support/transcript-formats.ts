/**
 * Transcripts to write in the format tests: a small episode in our own words (speakers, a break, a
 * jingle, explicit and estimated starts, two items that share a start), and fast-check episodes
 * whose every string may be anything (`-->`, `<`, `&`, newlines, bidi and control characters,
 * empty text).
 */
import fc from 'fast-check';
import { buildEpisode } from '@/lib/model/build-episode';
import type { Episode, Inline, ItemKind, ParsedItem } from '@/lib/model/episode';
import { cleanLine, type ExportInfo, exportEntries, type TranscriptExport } from '@/lib/model/transcript-formats/transcript-export';
import { transcriptText } from './fuzz';

const ts = (text: string, seconds: number): Inline => ({ kind: 'timestamp', text, seconds });
const t = (text: string): Inline => ({ kind: 'text', text });

function item(index: number, label: string, kind: ItemKind, ...paragraphs: Inline[][]): ParsedItem {
  return { index, label, speaker: kind === 'speech' ? label : null, kind, paragraphs };
}

/** A short episode written for these tests, 600 s long (null: of unknown length). */
export function sampleEpisode(duration: number | null = 600): Episode {
  const items: ParsedItem[] = [
    item(0, 'Jingle', 'interlude', [t('A short tune.')]),
    item(
      1,
      'Ada Host',
      'speech',
      [ts('00:15', 15), t(' Welcome to the show & thanks for listening.')],
      [t('Today: pipelines --> search.')],
    ),
    item(2, 'Grace Guest', 'speech', [t('Thanks for having me. I <3 fast builds.')]),
    item(3, 'Ada Host', 'speech', [t('Tell us about the '), { kind: 'emphasis', text: 'search' }, t(' work.')]),
    item(4, 'Break', 'break', [ts('04:00', 240)]),
    item(5, 'Grace Guest', 'speech', [ts('05:00', 300), t(' We index every word.')]),
    item(6, 'Ada Host', 'speech', [ts('05:00', 300), t(' Same second, another turn.')]),
    item(
      7,
      'Grace Guest',
      'speech',
      [t('And we forgive typos, mostly.')],
      [t('See '), { kind: 'link', text: 'the docs', url: 'https://example.com/docs' }],
    ),
  ];
  return buildEpisode({
    podcast: 'shipit',
    slug: '990',
    number: 990,
    title: 'Formats for the suite',
    items,
    ...(duration === null ? {} : { duration }),
  });
}

export const SAMPLE_INFO: ExportInfo = {
  title: 'Ship It! #990: Formats for the suite',
  fileStem: 'ship-it-990',
  url: 'https://changelog.com/shipit/990',
  notice: 'Transcript: our own fixture, for tests.',
  timeUrl: (seconds) => `https://changelog.com/shipit/990#t=${Math.floor(seconds)}`,
};

/** The export of `shown` items of `episode` (all of them by default). */
export function exportOf(episode: Episode, shown = episode.items, selection?: string, info: ExportInfo = SAMPLE_INFO): TranscriptExport {
  return {
    info,
    entries: exportEntries(shown, episode.items, episode.duration),
    total: episode.items.length,
    ...(selection ? { selection } : {}),
  };
}

/** Any string, biased toward what breaks files. */
export const anyText = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    transcriptText(),
    fc
      .array(
        fc.constantFrom(
          '-->',
          '--',
          '>',
          '<',
          '&',
          '&amp;',
          '&lt;',
          '&#x41;',
          '<v Bob>',
          '</v>',
          '<b>',
          '<i>x</i>',
          '<00:00:01.000>',
          'NOTE',
          'WEBVTT',
          '\n',
          '\n\n',
          '\r\n',
          '\r',
          '\u2028',
          '\u0000',
          '\u0007',
          '\u001b[31m',
          '\u202e',
          '\u2066',
          '\ufeff',
          '\ud800',
          '\udfff',
          ' ',
          '\t',
          '1',
          '00:00:01,000 --> 00:00:02,000',
          '# ',
          '- ',
          '1. ',
          '> ',
          '*',
          '_',
          '`',
          '[',
          ']',
          '(',
          ')',
          '|',
          '\\',
          '~',
          'word',
          'héllo',
          '日本語',
          'ٱلْعَرَبِيَّة',
        ),
        { maxLength: 12 },
      )
      .map((parts) => parts.join('')),
  );

const anyRun = (): fc.Arbitrary<Inline> =>
  fc.oneof(
    { weight: 4, arbitrary: anyText().map((text) => t(text)) },
    { weight: 1, arbitrary: anyText().map((text): Inline => ({ kind: 'code', text })) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 30_000 }).map((seconds) => ts(String(seconds), seconds)) },
  );

const anyItem = (): fc.Arbitrary<Omit<ParsedItem, 'index'>> =>
  fc
    .record({
      kind: fc.constantFrom<ItemKind>('speech', 'speech', 'speech', 'break', 'interlude', 'unattributed'),
      name: anyText(),
      opening: fc.option(fc.integer({ min: 0, max: 30_000 }), { nil: undefined }),
      paragraphs: fc.array(fc.array(anyRun(), { maxLength: 4 }), { maxLength: 3 }),
    })
    .map(({ kind, name, opening, paragraphs }) => {
      const first = paragraphs[0] ?? [];
      const withStart = opening === undefined ? paragraphs : [[ts(String(opening), opening), ...first], ...paragraphs.slice(1)];
      return { label: kind === 'speech' ? name : name || 'Break', speaker: kind === 'speech' ? name : null, kind, paragraphs: withStart };
    });

/** Any episode, with anything said by anyone, times given or not, length known or not. */
export const anyEpisode = (): fc.Arbitrary<Episode> =>
  fc
    .record({
      items: fc.array(anyItem(), { maxLength: 12 }),
      duration: fc.option(fc.integer({ min: 0, max: 40_000 }), { nil: undefined }),
    })
    .map(({ items, duration }) =>
      buildEpisode({
        podcast: 'shipit',
        slug: '1',
        items: items.map((it, index) => ({ ...it, index })),
        ...(duration === undefined ? {} : { duration }),
      }),
    );

/** Any export: any episode, any subset of its items shown, any title, page, notice and selection. */
export const anyExport = (): fc.Arbitrary<TranscriptExport> =>
  fc
    .record({
      episode: anyEpisode(),
      keep: fc.array(fc.boolean(), { maxLength: 12 }),
      title: anyText(),
      notice: fc.option(anyText(), { nil: undefined }),
      selection: fc.option(anyText(), { nil: undefined }),
    })
    .map(({ episode, keep, title, notice, selection }) => {
      const shown = episode.items.filter((_, i) => keep[i] ?? true);
      const info: ExportInfo = {
        title,
        fileStem: 'x',
        url: 'https://example.com/a?b=c&d=-->',
        ...(notice === undefined ? {} : { notice }),
      };
      return exportOf(episode, shown, selection, info);
    });

/** Text of a paragraph as a file should hold it: what the format modules write, compared. */
export const expectedLine = (text: string) => cleanLine(text);
