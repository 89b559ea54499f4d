import { describe, expect, it } from 'vitest';
import { episodeLabel, linkKind } from '@/lib/site/link-kinds';
import { parseShowNotesMarkdown } from '@/pipeline/markdown/show-notes';

describe('link kinds', () => {
  it.each([
    ['https://www.youtube.com/watch?v=KY5qujcujfI', '', 'video'],
    ['https://youtu.be/abc', '', 'video'],
    ['https://example.com/talk', '🎬 ', 'video'],
    ['https://changelog.com/gotime/201', '🎙 ', 'episode'],
    ['https://changelog.com/jsparty/meet-rachel-white', '', 'episode'],
    ['https://gotime.fm/201', '', 'episode'],
    ['https://github.com/lizrice/ebpf-networking', '', 'repository'],
    ['https://github.com/lizrice', '', 'profile'],
    ['https://twitter.com/hasheddan/status/1448344314791161857', '', 'post'],
    ['https://x.com/someone/status/1', '', 'post'],
    ['https://hachyderm.io/@someone/109876543210', '', 'post'],
    ['https://twitter.com/gerhardlazu', '', 'profile'],
    ['https://changelog.com/person/gerhardlazu', '', 'profile'],
    ['https://www.npmjs.com/package/cacache', '', 'package'],
    ['https://arxiv.org/abs/1706.03762', '', 'paper'],
    ['https://www.amazon.com/Some-Book/dp/0132350882', '', 'book'],
    ['https://example.com/book', '📘 ', 'book'],
    ['https://ebpf.io/', '', 'website'],
    ['https://cilium.io/blog/2021/05/11/cni-benchmark', '', 'article'],
  ])('%s (after %j) is a %s', (url, leading, kind) => {
    expect(linkKind(url, leading)).toBe(kind);
  });

  it('labels Changelog episode links the way listeners name them', () => {
    expect(episodeLabel('https://changelog.com/gotime/201')).toBe('Go Time #201');
    expect(episodeLabel('https://changelog.com/shipit/26#t=60')).toBe('Ship It! #26');
    expect(episodeLabel('https://changelog.com/jsparty/meet-rachel-white')).toBe('JS Party: meet-rachel-white');
    expect(episodeLabel('https://jsparty.fm/234')).toBe('JS Party #234');
    expect(episodeLabel('https://changelog.com/posts/x')).toBeUndefined();
  });
});

describe('show notes', () => {
  it('group links under headings with their descriptions', () => {
    const sections = parseShowNotesMarkdown(
      [
        '- [Before any heading](https://example.com/a)',
        '',
        '### First',
        '',
        '- 🎬 [A talk](https://www.youtube.com/watch?v=x) - the keynote',
        '- KubeCon: [Releasing less often](https://example.com/b) - The SIG Release update',
        '- [Steve](http://steve.example/) will be at [Codeconf](http://codeconf.example/)',
        '',
        '### Empty heading',
        '',
        'Nothing linked here.',
      ].join('\n'),
    );
    expect(sections.map((s) => s.heading)).toEqual([null, 'First', 'Empty heading']);
    const [, first] = sections;
    expect(first?.links).toEqual([
      { text: 'A talk', url: 'https://www.youtube.com/watch?v=x', domain: 'youtube.com', kind: 'video', description: 'the keynote' },
      {
        text: 'Releasing less often',
        url: 'https://example.com/b',
        domain: 'example.com',
        kind: 'article',
        description: 'The SIG Release update',
      },
      { text: 'Steve', url: 'http://steve.example/', domain: 'steve.example', kind: 'website', description: 'will be at' },
      { text: 'Codeconf', url: 'http://codeconf.example/', domain: 'codeconf.example', kind: 'website' },
    ]);
  });

  it('keeps only http(s) links; everything else stays text', () => {
    const sections = parseShowNotesMarkdown(
      '- [js](javascript:alert(1)) [data](data:text/html,hi) [mail](mailto:a@b.c) <a href="vbscript:x">vb</a> [ok](https://ok.example/)',
    );
    expect(sections.flatMap((s) => s.links.map((l) => l.url))).toEqual(['https://ok.example/']);
  });

  it('names image links and heading links', () => {
    const sections = parseShowNotesMarkdown(
      '#### JS Party #234 - [#](https://jsparty.fm/234)\n\n[![a cat](https://cdn.example/cat.png)](https://example.com/cat)\n\n- cacache[](https://www.npmjs.com/package/cacache)',
    );
    expect(sections[0]?.heading).toBe('JS Party #234 - #');
    expect(sections[0]?.links.map((l) => [l.text, l.url])).toEqual([
      ['JS Party #234', 'https://jsparty.fm/234'],
      ['a cat', 'https://example.com/cat'],
      ['https://www.npmjs.com/package/cacache', 'https://www.npmjs.com/package/cacache'],
    ]);
  });

  it('reads links out of raw HTML blocks', () => {
    const sections = parseShowNotesMarkdown(
      '<ul><li><a href="https://twitter.com/johnwlong">John Long</a> of <a href="http://wiseheart.example/">Wiseheart</a></li></ul>',
    );
    expect(sections[0]?.links.map((l) => [l.text, l.url, l.description])).toEqual([
      ['John Long', 'https://twitter.com/johnwlong', 'of'],
      ['Wiseheart', 'http://wiseheart.example/', undefined],
    ]);
  });
});
