/**
 * WebVTT, written and read: every file we write passes the W3C's own parser and validator
 * (`webvtt-parser`, w3c/webvtt.js) with no error, whatever the transcript says, and reads back
 * into the same speakers, times and words; files and page captions in the forms others write read
 * into turns.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WebVTTParser, type WebVttNode } from 'webvtt-parser';
import { spokenItemText } from '@/lib/model/episode';
import type { TranscriptExport } from '@/lib/model/transcript-formats/transcript-export';
import {
  captionItems,
  decodeReferences,
  ESTIMATED_NOTE,
  parseWebVttTimestamp,
  readCueText,
  readWebVtt,
  webVttItems,
  webVttTimestamp,
  writeWebVtt,
} from '@/lib/model/transcript-formats/webvtt';
import { fuzzParams } from '../support/fuzz';
import { anyExport, exportOf, sampleEpisode } from '../support/transcript-formats';

// The full table of HTML named references, as the spec's parser uses (the default knows six).
const entities = createRequire(import.meta.url)('webvtt-parser/html-entities.json') as Record<string, string>;
const validate = (file: string) => new WebVTTParser(entities).parse(file);

/** A node's text, voices' annotations left out. */
function textOf(nodes: readonly WebVttNode[] = []): string {
  return nodes.map((node) => (node.type === 'text' ? String(node.value) : node.type === 'object' ? textOf(node.children) : '')).join('');
}

/** What the W3C parser makes of each cue: its voice (annotation decoded, as the spec's tokenizer does) and its text. */
function w3cCues(file: string) {
  return validate(file).cues.map((cue) => {
    const voice = cue.tree.children.find((node) => node.type === 'object' && node.name === 'v');
    return {
      id: cue.id,
      start: cue.startTime,
      end: cue.endTime,
      voice: voice ? decodeReferences(String(voice.value ?? '')) : null,
      classes: voice?.classes ?? [],
      text: textOf(cue.tree.children),
    };
  });
}

function expectValid(doc: TranscriptExport) {
  const file = writeWebVtt(doc);
  expect(validate(file).errors, file).toEqual([]);
  const cues = w3cCues(file);
  expect(cues.map((cue) => cue.id)).toEqual(doc.entries.map((entry) => String(entry.index)));
  cues.forEach((cue, i) => {
    const entry = doc.entries[i];
    if (!entry) throw new Error('more cues than entries');
    expect(cue.start).toBeCloseTo(entry.start, 3);
    expect(cue.end).toBeCloseTo(entry.end, 3);
    expect(cue.voice).toBe(entry.label);
    expect(cue.classes).toEqual(entry.kind === 'speech' ? [] : [entry.kind]);
    expect(cue.text).toBe(entry.paragraphs.join('\n'));
  });
  return file;
}

describe('writing WebVTT', () => {
  it('writes a file the W3C parser reads without an error, cue for item', () => {
    const file = expectValid(exportOf(sampleEpisode()));
    expect(file.startsWith('WEBVTT\n\nNOTE\nShip It! #990: Formats for the suite\nhttps://changelog.com/shipit/990\n')).toBe(true);
    expect(file).toContain('\n\n1\n00:00:15.000 --> ');
    expect(file).toContain('<v Ada Host>Welcome to the show &amp; thanks for listening.\nToday: pipelines --&gt; search.');
    expect(file).toContain('<v Grace Guest>Thanks for having me. I &lt;3 fast builds.');
    expect(file).toContain('<v.break Break>');
    expect(file).toContain('<v.interlude Jingle>A short tune.');
  });

  it('marks each estimated start with a NOTE just before its cue, and no other', () => {
    const doc = exportOf(sampleEpisode());
    const file = writeWebVtt(doc);
    for (const entry of doc.entries) {
      const marked = file.includes(`${ESTIMATED_NOTE}\n\n${entry.index}\n`);
      expect(marked, `item ${entry.index}`).toBe(entry.estimated);
    }
    expect(doc.entries.filter((entry) => entry.estimated).map((entry) => entry.index)).toEqual([0, 2, 3, 7]);
  });

  it('ends an item where the next starts and the last at the episode end, with shared starts a millisecond apart', () => {
    const doc = exportOf(sampleEpisode(600));
    const cues = w3cCues(writeWebVtt(doc));
    expect(cues.find((cue) => cue.id === '5')).toMatchObject({ start: 300, end: 300.001 });
    expect(cues.find((cue) => cue.id === '6')?.start).toBe(300.001);
    expect(cues.at(-1)?.end).toBe(600);
  });

  it('times the last item by its words when the episode length is unknown', () => {
    const cues = w3cCues(writeWebVtt(exportOf(sampleEpisode(null))));
    const last = cues.at(-1);
    expect(last && last.end - last.start).toBeGreaterThanOrEqual(1);
    expect(last && last.end - last.start).toBeLessThan(10);
  });

  it('ends a shown item where the next item of the whole transcript starts, not the next shown one', () => {
    const episode = sampleEpisode();
    const shown = episode.items.filter((item) => item.speaker === 'Grace Guest');
    const doc = exportOf(episode, shown, 'Grace Guest');
    const file = expectValid(doc);
    expect(file).toContain('Only what was picked: Grace Guest (3 of 8 items).');
    const next = episode.items[3];
    expect(w3cCues(file)[0]?.end).toBeCloseTo(next?.estimatedStart ?? Number.NaN, 3);
  });

  it('keeps -->, line breaks and controls out of the header NOTE', () => {
    const doc = exportOf(sampleEpisode(), undefined, 'a --> b\n\nc', {
      title: 'Title --> with\n\narrow\u202e',
      fileStem: 'x',
      url: 'https://example.com/-->',
    });
    const file = expectValid(doc);
    const note = file.split('\n\n')[1] ?? '';
    expect(note).not.toContain('-->');
    expect(note).toContain('Title → with arrow');
  });

  it('never writes an invalid file, whatever the transcript says', () => {
    fc.assert(
      fc.property(anyExport(), (doc) => {
        expectValid(doc);
      }),
      fuzzParams,
    );
  });

  it('formats timestamps with hours, minutes, seconds and milliseconds', () => {
    expect(webVttTimestamp(0)).toBe('00:00:00.000');
    expect(webVttTimestamp(3725.5)).toBe('01:02:05.500');
    expect(webVttTimestamp(360_000.001)).toBe('100:00:00.001');
    expect(parseWebVttTimestamp('01:02:05.500')).toBe(3725.5);
    expect(parseWebVttTimestamp('02:05.500')).toBe(125.5);
    expect(parseWebVttTimestamp('2:05.500')).toBeNull();
    expect(parseWebVttTimestamp('00:60:00.000')).toBeNull();
  });
});

describe('reading WebVTT', () => {
  it('reads back what it writes: speakers, kinds, times, estimates and words', () => {
    fc.assert(
      fc.property(anyExport(), (doc) => {
        const file = readWebVtt(writeWebVtt(doc));
        expect(file.cues.map((cue) => cue.id)).toEqual(doc.entries.map((entry) => String(entry.index)));
        const items = webVttItems(file.cues, { perCue: true });
        expect(items).toHaveLength(doc.entries.length);
        items.forEach((item, i) => {
          const entry = doc.entries[i];
          const cue = file.cues[i];
          if (!entry || !cue) throw new Error('missing');
          expect(cue.start).toBeCloseTo(entry.start, 3);
          expect(cue.end).toBeCloseTo(entry.end, 3);
          expect(cue.estimated).toBe(entry.estimated);
          expect(item.label).toBe(entry.label);
          expect(item.kind).toBe(entry.kind);
          expect(spokenItemText(item, '\n', '').trim()).toBe(entry.paragraphs.join('\n'));
          expect(item.paragraphs[0]?.[0]?.kind === 'timestamp').toBe(!entry.estimated);
        });
      }),
      fuzzParams,
    );
  });

  it('reads captions as podcast apps write them: a voice carries on until the next, and makes one turn', () => {
    const file = [
      'WEBVTT Kind: captions',
      '',
      'NOTE written for this test',
      'over two lines',
      '',
      'STYLE',
      '::cue(v) { color: yellow }',
      '',
      '00:00.500 --> 00:04.000 align:start',
      '<v Rich>We should talk about',
      'rollouts today.',
      '',
      'intro-2',
      '00:04.000 --> 00:07.250',
      'Canaries first, then the rest.',
      '',
      '00:07.250 --> 00:09.000',
      '<v.loud Liz>Agreed &amp; <i>noted</i>.</v> <c.aside>(laughs)</c>',
      '00:09.000 --> 00:12.000',
      '<v Rich>Next: <00:09.500>storage.',
    ].join('\n');
    const read = readWebVtt(file);
    expect(read.header).toBe('Kind: captions');
    expect(read.cues.map((cue) => [cue.id, cue.start, cue.end])).toEqual([
      ['', 0.5, 4],
      ['intro-2', 4, 7.25],
      ['', 7.25, 9],
      ['', 9, 12],
    ]);
    expect(read.cues[2]?.voices).toEqual([
      { speaker: 'Liz', voiceClass: 'loud', text: 'Agreed & noted.' },
      { speaker: null, text: '(laughs)' },
    ]);
    const items = webVttItems(read.cues);
    expect(items.map((item) => [item.speaker, spokenItemText(item, '\n', '').trim()])).toEqual([
      ['Rich', 'We should talk about rollouts today. Canaries first, then the rest.'],
      ['Liz', 'Agreed & noted.'],
      [null, '(laughs)'],
      ['Rich', 'Next: storage.'],
    ]);
    expect(items[0]?.paragraphs[0]?.[0]).toEqual({ kind: 'timestamp', text: '0:00', seconds: 0.5 });
    expect(items[2]).toMatchObject({ label: 'Unknown', kind: 'unattributed' });
  });

  it('reads voice-tagged cue text as a page shows it, without timings', () => {
    const runs = readCueText('<v Rich>Hello and welcome.\nThis is the show.\n<v Liz Rice>Thanks &lt;3\n<v Rich>Let us start.');
    expect(runs).toEqual([
      { speaker: 'Rich', text: 'Hello and welcome.\nThis is the show.' },
      { speaker: 'Liz Rice', text: 'Thanks <3' },
      { speaker: 'Rich', text: 'Let us start.' },
    ]);
    expect(readCueText('carried on', 'Rich')).toEqual([{ speaker: 'Rich', text: 'carried on' }]);
    expect(readCueText('<v   Ada\tHost  >hi')).toEqual([{ speaker: 'Ada Host', text: 'hi' }]);
    expect(readCueText('<v R&amp;D>x')).toEqual([{ speaker: 'R&D', text: 'x' }]);
  });

  it('reads files with no header, no blank lines between cues, bad timings and odd references', () => {
    const read = readWebVtt(
      [
        '1',
        '00:00:01.000 --> 00:00:02.000',
        '<v A>one',
        '2',
        '00:00:02.000 --> 00:00:03.000',
        '<v B>two &bogus; &#65;&#x42;',
        '',
        'x --> y',
        'lost',
      ].join('\n'),
    );
    expect(read.cues.map((cue) => cue.voices)).toEqual([[{ speaker: 'A', text: 'one\n2' }], [{ speaker: 'B', text: 'two &bogus; AB' }]]);
  });

  it('decodes references the way the spec does, and leaves unknown ones as written', () => {
    expect(decodeReferences('&amp;&lt;&gt;&nbsp;&#8594;&#x2192;&unknown;&')).toBe('&<>\u00a0→→&unknown;&');
    expect(decodeReferences('&#xD800;&#0;')).toBe('\uFFFD\uFFFD');
  });
});

describe('captions a page shows as text', () => {
  it('reads a whole file with its times, or voice-tagged lines alone without', () => {
    const timed = captionItems('WEBVTT\n\n00:01.000 --> 00:02.000\n<v Rich>Hi.\n\n00:02.000 --> 00:03.000\nStill me.\n');
    expect(timed).toHaveLength(1);
    expect(timed[0]?.paragraphs[0]?.[0]).toMatchObject({ kind: 'timestamp', seconds: 1 });
    const untimed = captionItems('<v Rich>Hello there.\nHow are you?\n<v Liz>Fine, thanks.');
    expect(untimed.map((item) => [item.speaker, spokenItemText(item)])).toEqual([
      ['Rich', 'Hello there. How are you?'],
      ['Liz', 'Fine, thanks.'],
    ]);
    expect(untimed.every((item) => item.paragraphs.flat().every((run) => run.kind !== 'timestamp'))).toBe(true);
    expect(captionItems('no voices, no times')).toMatchObject([{ speaker: null, kind: 'unattributed', label: 'Unknown' }]);
    expect(captionItems('')).toEqual([]);
  });
});
