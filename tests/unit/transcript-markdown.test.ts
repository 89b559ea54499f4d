import { describe, expect, it } from 'vitest';
import { buildEpisode } from '@/lib/model/build-episode';
import { itemText } from '@/lib/model/episode';
import { parseTranscriptMarkdown } from '@/pipeline/markdown/transcripts';

describe('archive transcripts, by the site rules', () => {
  it('labels text before the first marker Unknown, as the site does', () => {
    const items = parseTranscriptMarkdown('\\[00:18\\]\n\n**Ada:** Hello.');
    expect(items.map((i) => [i.index, i.label, i.speaker, i.kind])).toEqual([
      [0, 'Unknown', null, 'unattributed'],
      [1, 'Ada', 'Ada', 'speech'],
    ]);
  });

  it('starts a turn at every marker, even mid-line', () => {
    const items = parseTranscriptMarkdown('**Ada:** Really? **Bob:** Yup.\n\n**Ada:** Wow.');
    expect(items.map((i) => [i.label, itemText(i)])).toEqual([
      ['Ada', 'Really?'],
      ['Bob', 'Yup.'],
      ['Ada', 'Wow.'],
    ]);
  });

  it('reads breaks, interludes, inline Markdown and bracketed timestamps', () => {
    const items = parseTranscriptMarkdown(
      '**Ada:** \\[04:15\\] See *this* and `code` at [the site](https://example.com), at 6:30AM.\n\n**Break:** **\\[22:32\\]**\n\n**Jingle:** \\[01:06:32.18\\]',
    );
    expect(items[0]?.paragraphs[0]).toEqual([
      { kind: 'timestamp', text: '04:15', seconds: 255 },
      { kind: 'text', text: ' See ' },
      { kind: 'emphasis', text: 'this' },
      { kind: 'text', text: ' and ' },
      { kind: 'code', text: 'code' },
      { kind: 'text', text: ' at ' },
      { kind: 'link', text: 'the site', url: 'https://example.com' },
      { kind: 'text', text: ', at 6:30AM.' },
    ]);
    expect(items.map((i) => [i.label, i.speaker, i.kind])).toEqual([
      ['Ada', 'Ada', 'speech'],
      ['Break', null, 'break'],
      ['Jingle', null, 'interlude'],
    ]);
    const episode = buildEpisode({ podcast: 'shipit', slug: '1', items });
    expect(episode.items.map((i) => i.start)).toEqual([255, 1352, 3992.18]);
    expect(episode.speakers).toEqual([{ name: 'Ada', turns: 1, words: 9 }]);
    expect(episode.transcriptLinks).toEqual([
      { text: 'the site', url: 'https://example.com', domain: 'example.com', item: 0, speaker: 'Ada', at: 255 },
    ]);
  });

  it('renders a body that is only a year as text, like the site', () => {
    expect(itemText(parseTranscriptMarkdown('**Ada:** 1997.')[0] ?? ({ paragraphs: [] } as never))).toBe('1997.');
  });

  it('never makes script URLs links', () => {
    const items = parseTranscriptMarkdown(
      '**Ada:** [x](javascript:alert(1)) <a href="javascript:alert(2)">y</a> <script>alert(3)</script>',
    );
    const runs = items.flatMap((i) => i.paragraphs.flat());
    expect(runs.some((r) => r.kind === 'link')).toBe(false);
  });
});
