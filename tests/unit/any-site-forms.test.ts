// @vitest-environment happy-dom
/**
 * The any-site reader on each form of transcript a page prints, one small page each (our own
 * words), and on the rules that tell a transcript from text that only looks like one.
 */
import { describe, expect, it } from 'vitest';
import { readTranscriptPage, type TranscriptPage } from '@/lib/any-site/read-page';
import { itemText, type ParsedItem, spokenItemText } from '@/lib/model/episode';

const URL_ = 'https://show.example/episodes/7';

function read(body: string): TranscriptPage | null {
  const doc = new DOMParser().parseFromString(
    `<!doctype html><html><head><title>Ep 7</title></head><body>${body}</body></html>`,
    'text/html',
  );
  return readTranscriptPage(doc, URL_);
}

/** Turns as `speaker|start|first words` for compact expectations. */
function summary(page: TranscriptPage | null): string[] {
  return (page?.parts.items ?? []).map((item: ParsedItem) => {
    const first = item.paragraphs[0]?.[0];
    const start = first?.kind === 'timestamp' ? String(first.seconds) : '';
    return `${item.speaker ?? '-'}|${start}|${spokenItemText(item).trim().split(/\s+/).slice(0, 3).join(' ')}`;
  });
}

/** A short conversation of our own, `turns` long, as [speaker, words]. */
function talk(turns = 8): [string, string][] {
  const lines: [string, string][] = [];
  for (let i = 0; i < turns; i++) lines.push([i % 2 ? 'Ben' : 'Ana', `Line ${i} about kettles and the steam they make, said slowly.`]);
  return lines;
}

describe('named turns', () => {
  it('reads Name: text paragraphs, continuation paragraphs joining the turn before', () => {
    const body = talk()
      .map(([who, words], i) => `<p>${who}: ${words}</p>${i === 2 ? '<p>And a second paragraph of that turn.</p>' : ''}`)
      .join('');
    const page = read(`<article>${body}</article>`);
    expect(page?.form).toBe('named');
    expect(summary(page)).toEqual(talk().map(([who], i) => `${who}||Line ${i} about`));
    expect(page?.parts.items[2]?.paragraphs).toHaveLength(2);
    expect(itemText(page?.parts.items[2] as ParsedItem)).toContain('second paragraph');
  });

  it('reads **Name:** in text, as a page showing Markdown prints it', () => {
    const text = talk()
      .map(([who, words]) => `**${who}:** ${words}`)
      .join('\n\n');
    expect(summary(read(`<pre>${text}</pre>`))).toEqual(talk().map(([who], i) => `${who}||Line ${i} about`));
  });

  it('reads <strong>Name</strong> and <b>Name:</b> labels, with or without a colon', () => {
    const strong = talk()
      .map(([who, words]) => `<p><strong>${who}</strong> ${words}</p>`)
      .join('');
    const bold = talk()
      .map(([who, words]) => `<p><b>${who}:</b>${words}</p>`)
      .join('');
    expect(summary(read(strong))).toEqual(talk().map(([who], i) => `${who}||Line ${i} about`));
    expect(summary(read(bold))).toEqual(talk().map(([who], i) => `${who}||Line ${i} about`));
  });

  it('reads a name on its own line (or element) above its paragraphs', () => {
    const body = talk()
      .map(([who, words]) => `<div class="turn"><div class="who">${who}</div><p>${words}</p><p>More from ${who}.</p></div>`)
      .join('');
    const page = read(body);
    expect(summary(page)).toEqual(talk().map(([who], i) => `${who}||Line ${i} about`));
    expect(page?.parts.items.every((item) => item.paragraphs.length === 2)).toBe(true);
  });

  it.each([
    ['[00:12:34] Name: text', (who: string, t: string) => `<p>[${t}] ${who}: words here</p>`],
    ['(00:12:34) Name: text', (who: string, t: string) => `<p>(${t}) ${who}: words here</p>`],
    ['12:34 Name: text', (who: string, t: string) => `<p>${t.slice(3)} ${who}: words here</p>`],
    ['Name [00:12:34]: text', (who: string, t: string) => `<p>${who} [${t}]: words here</p>`],
    ['Name (00:12:34): alone, then the words', (who: string, t: string) => `<p>${who} (${t}):</p><p>words here</p>`],
    ['Name  00:12:34 alone, then the words', (who: string, t: string) => `<p>${who}&nbsp;&nbsp;${t}</p><p>words here</p>`],
    ['Name: [00:12:34] text', (who: string, t: string) => `<p>${who}: [${t}] words here</p>`],
    ['<cite>Name:</cite> <time>0:00</time> <p>', (who: string, t: string) => `<cite>${who}:</cite> <time>${t}</time><p>words here</p>`],
    ['a time on the row before the name', (who: string, t: string) => `<div>${t}</div><div>${who}</div><div>words here</div>`],
  ])('reads timestamps before or after the name: %s', (_form, turn) => {
    const times = ['00:00:05', '00:01:10', '00:02:15', '00:03:20', '00:04:25', '00:05:30', '00:06:35', '00:07:40'];
    const body = `<section>${times.map((t, i) => turn(i % 2 ? 'Ben Ode' : 'Ana Lu', t)).join('')}</section>`;
    const expected = times.map((t, i) => {
      const [h, m, s] = t.split(':').map(Number) as [number, number, number];
      return `${i % 2 ? 'Ben Ode' : 'Ana Lu'}|${h * 3600 + m * 60 + s}|words here`;
    });
    expect(summary(read(body))).toEqual(expected);
  });

  it('carries the speaker on where a time stands alone inside a conversation: (MM:SS):', () => {
    const body = `<div>${talk()
      .map(([who, words], i) => `<p>${who} (0${i}:00):</p><p>${words}</p><p>(0${i}:30):</p><p>Still ${who}, later.</p>`)
      .join('')}</div>`;
    const page = read(body);
    expect(page?.parts.items).toHaveLength(16);
    expect(summary(page).slice(0, 4)).toEqual([
      'Ana|0|Line 0 about',
      'Ana|30|Still Ana, later.',
      'Ben|60|Line 1 about',
      'Ben|90|Still Ben, later.',
    ]);
  });

  it('keeps the turns in page order across chapter sections and per-turn wrappers', () => {
    const section = (from: number) =>
      `<section class="chapter"><h3>Part ${from}</h3>${talk(12)
        .slice(from, from + 4)
        .map(([who, words]) => `<div class="segment"><span class="speaker">${who}</span><p>${words}</p></div>`)
        .join('')}</section>`;
    const page = read(`<div class="transcript">${section(0)}${section(4)}${section(8)}</div>`);
    expect(summary(page)).toEqual(talk(12).map(([who], i) => `${who}||Line ${i} about`));
  });
});

describe('turns without names', () => {
  it('reads timestamped paragraphs: [HH:MM:SS] text', () => {
    const body = Array.from({ length: 8 }, (_, i) => `<p>[00:0${i}:00] Paragraph ${i} tells how the kettle whistles at the boil.</p>`).join(
      '',
    );
    const page = read(body);
    expect(page?.form).toBe('timed');
    expect(summary(page)).toEqual(Array.from({ length: 8 }, (_, i) => `-|${i * 60}|Paragraph ${i} tells`));
  });

  it('reads Starting point is HH:MM:SS above each paragraph, and 0:01 alone on its line', () => {
    const starting = Array.from(
      { length: 7 },
      (_, i) => `<div>Starting point is 00:0${i}:00</div><div>Stretch ${i} of the words said about kettles and tea.</div>`,
    ).join('');
    expect(summary(read(starting))).toEqual(Array.from({ length: 7 }, (_, i) => `-|${i * 60}|Stretch ${i} of`));
    const clocks = Array.from({ length: 10 }, (_, i) => `<p>0:0${i}</p><p>short bit ${i} of it</p>`).join('');
    expect(summary(read(clocks))).toEqual(Array.from({ length: 10 }, (_, i) => `-|${i}|short bit ${i}`));
  });

  it('reads plain paragraphs only where the page says transcript, one unattributed item per paragraph', () => {
    const paragraphs = Array.from(
      { length: 8 },
      (_, i) => `<p>Paragraph ${i} is plain prose about the kettle, the stove, the steam and the long wait for tea to be ready.</p>`,
    ).join('');
    const marked = read(`<main><h2>Transcript</h2>${paragraphs}<h2>Credits</h2><p>Made by us.</p></main>`);
    expect(marked?.form).toBe('paragraphs');
    expect(summary(marked)).toEqual(Array.from({ length: 8 }, (_, i) => `-||Paragraph ${i} is`));
    expect(summary(read(`<div class="episode-transcript">${paragraphs}</div>`))).toHaveLength(8);
    // The same prose with nothing saying "transcript" is an article.
    expect(read(`<main><h2>Our kettle</h2>${paragraphs}</main>`)).toBeNull();
  });
});

describe('look-alikes yield nothing', () => {
  it.each([
    [
      'a print interview (Q:/A:)',
      Array.from({ length: 6 }, (_, i) => `<p><strong>Q:</strong> Question ${i}?</p><p><strong>A:</strong> Answer ${i}.</p>`).join(''),
    ],
    ['a FAQ', Array.from({ length: 6 }, (_, i) => `<h3>How do I do thing ${i}?</h3><p>You do it like so.</p>`).join('')],
    [
      'an IRC log',
      `<pre>${Array.from({ length: 10 }, (_, i) => `[14:0${i}] &lt;${i % 2 ? 'ollie' : 'maya'}&gt; message ${i}`).join('\n')}</pre>`,
    ],
    [
      'a chat export with times of day',
      Array.from({ length: 8 }, (_, i) => `<div><b>${i % 2 ? 'Ollie' : 'Maya'}</b> 10:4${i} AM<div>message ${i}</div></div>`).join(''),
    ],
    ['a few Note: lines', '<p>Note: one.</p><p>Update: two.</p><p>Note: three.</p><p>Some prose.</p>'],
    [
      'a comment thread',
      Array.from(
        { length: 8 },
        (_, i) => `<div><p><strong>${['Maya', 'Jon', 'Ali'][i % 3]}</strong> wrote on 3 March 2024:</p><p>Comment ${i}.</p></div>`,
      ).join(''),
    ],
    [
      'a recipe',
      '<p>Prep time: 10 minutes</p><p>Cook time: 1:30</p><p>Serves: 4</p><p>Step 1: mix.</p><p>Step 2: bake.</p><p>Step 3: eat.</p><p>Tip: wait.</p>',
    ],
    ['a chapter list', `<ul>${Array.from({ length: 8 }, (_, i) => `<li>${i * 5}:00 Chapter title ${i}</li>`).join('')}</ul>`],
    ['a list of people', Array.from({ length: 8 }, (_, i) => `<p>Person ${String.fromCharCode(65 + i)}: a short bio.</p>`).join('')],
  ])('%s', (_kind, body) => {
    expect(read(`<main>${body}</main>`)).toBeNull();
  });
});

describe('the page stays as it was', () => {
  it('reads without changing a node or an attribute', () => {
    const doc = new DOMParser().parseFromString(
      `<!doctype html><html><body><main class="x" data-y="1">${talk()
        .map(([who, words]) => `<p id="p-${who}">${who}: <a href="javascript:alert(1)">${words}</a></p>`)
        .join('')}</main><audio src="/a.mp3"></audio></body></html>`,
      'text/html',
    );
    const before = doc.documentElement.outerHTML;
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((list) => records.push(...list));
    observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
    const page = readTranscriptPage(doc, URL_);
    for (let i = 0; i < (page?.parts.items.length ?? 0); i++) page?.linkTo(i);
    records.push(...observer.takeRecords());
    observer.disconnect();
    expect(page?.parts.items).toHaveLength(8);
    expect(records).toEqual([]);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
