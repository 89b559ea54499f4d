// @vitest-environment happy-dom
/** The popup as a listener uses it: sections and links, kinds, copies, tabs, seeks, states. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '@/components/Popup';
import { loadPopupSource } from '@/entrypoints/popup/load-episode';
import { isReply, isRequest } from '@/lib/app/messages';
import type { PopupActions, PopupState } from '@/lib/app/popup-state';
import { POPUP_LIMITS, popupEpisode, popupSize } from '@/lib/app/popup-state';
import { buildEpisode } from '@/lib/model/build-episode';
import { formatClock } from '@/lib/model/clock';
import { linkMarkdown, notesMarkdown } from '@/lib/model/notes-export';
import { parseShowNotesMarkdown } from '@/pipeline/markdown/show-notes';
import { parseTranscriptMarkdown } from '@/pipeline/markdown/transcripts';
import { OWN_ARCHIVE_DIR } from '../support/own-fixtures';

afterEach(cleanup);

function state(notes = readFileSync(join(OWN_ARCHIVE_DIR, 'show-notes/shipit/ship-it-990.md'), 'utf8')): PopupState {
  return {
    kind: 'episode',
    canSeek: true,
    from: { notes: 'page', cited: 'page', people: 'page' },
    episode: buildEpisode({
      podcast: 'shipit',
      slug: '990',
      number: 990,
      title: 'Boring pipelines, fast search, accessible tools',
      items: parseTranscriptMarkdown(readFileSync(join(OWN_ARCHIVE_DIR, 'transcripts/shipit/ship-it-990.md'), 'utf8')),
      notes: parseShowNotesMarkdown(notes),
      sponsors: [{ name: 'Fixture Cloud', url: 'https://example.com/cloud', description: 'Servers.' }],
      featuring: [
        {
          name: 'Grace Guest',
          profile: 'https://changelog.com/person/graceguest',
          links: [{ text: 'GitHub', url: 'https://github.com/graceguest' }],
        },
      ],
    }),
  };
}

function renderPopup(popupState: PopupState = state()) {
  const actions: PopupActions = { copy: vi.fn(async () => true), openTabs: vi.fn(), seek: vi.fn(async () => true) };
  const view = render(<Popup state={popupState} actions={actions} />);
  return { ...view, actions };
}

describe('the popup', () => {
  it('shows the notes by section, each link with kind, domain and description, sponsors last', () => {
    const { container } = renderPopup();
    const sections = [...container.querySelectorAll('[data-testid=notes-section]')];
    expect(sections.map((s) => s.getAttribute('data-title'))).toEqual([
      'Grace Guest, boring pipelines',
      'Linus Listener, transcript search',
      'Margaret Maintainer, accessible tools',
    ]);
    const first = sections[0]?.querySelectorAll('.link') ?? [];
    expect(
      [...first].map((li) => [
        li.querySelector('a')?.getAttribute('href'),
        li.querySelector('.kind')?.textContent,
        li.querySelector('.domain')?.textContent,
      ]),
    ).toEqual([
      ['https://www.youtube.com/watch?v=fixture0001', 'Video', 'youtube.com'],
      ['https://example.com/blog/boring-pipelines', 'Article', 'example.com'],
      ['https://changelog.com/shipit/25', 'Ship It! #25', 'changelog.com'],
    ]);
    expect(screen.getByText('what we discussed first')).toBeTruthy();
    const order = [...container.querySelectorAll('[data-testid=notes-section], .sponsors')].map((el) => el.className);
    expect(order.at(-1)).toBe('sponsors');
    expect(screen.getByText('Sponsored')).toBeTruthy();
    expect(screen.getByText('Grace Guest').getAttribute('href')).toBe('https://changelog.com/person/graceguest');
  });

  it('never makes a link of anything but http(s)', () => {
    const { container } = renderPopup(
      state('- [bad](javascript:alert(1)) <a href="data:text/html,x">worse</a> [good](https://ok.example/)'),
    );
    expect([...container.querySelectorAll('a')].every((a) => /^https?:/.test(a.getAttribute('href') ?? ''))).toBe(true);
    expect([...container.querySelectorAll('[data-testid=notes-section] a[data-testid=link]')].map((a) => a.textContent)).toEqual(['good']);
  });

  it('copies one link, a section, everything as Markdown, and plain URLs', async () => {
    const { container, actions } = renderPopup();
    fireEvent.click(container.querySelector('[data-copy=link]') as HTMLElement);
    expect(actions.copy).toHaveBeenLastCalledWith('https://www.youtube.com/watch?v=fixture0001');
    fireEvent.click(container.querySelectorAll('[data-copy=section-markdown]')[2] as HTMLElement);
    expect(actions.copy).toHaveBeenLastCalledWith(
      '### Margaret Maintainer, accessible tools\n\n- [Accessibility checklist](https://example.org/a11y-checklist) — a one-page list',
    );
    fireEvent.click(container.querySelector('[data-copy=all-markdown]') as HTMLElement);
    expect(actions.copy).toHaveBeenLastCalledWith(notesMarkdown((state() as Extract<PopupState, { kind: 'episode' }>).episode.notes));
    fireEvent.click(container.querySelector('[data-copy=all-urls]') as HTMLElement);
    expect((actions.copy as ReturnType<typeof vi.fn>).mock.lastCall?.[0].split('\n')).toHaveLength(6);
    await screen.findByText('URLs copied');
  });

  it('copies URLs without the bidi overrides and controls that would make them read otherwise', () => {
    // `…/\u202Egpj.exe` shows as `…/exe.jpg` wherever it is pasted; a line break would make one URL two.
    // (The Markdown parser percent-encodes them; a page's answer may carry them raw.)
    const link = (text: string, url: string) => ({ text, url, domain: 'x.example', kind: 'website' as const });
    const episode = (state() as Extract<PopupState, { kind: 'episode' }>).episode;
    const { container, actions } = renderPopup({
      kind: 'episode',
      canSeek: false,
      from: { notes: 'page', cited: 'page', people: 'page' },
      episode: {
        ...episode,
        notes: [
          {
            heading: 'Files',
            links: [link('photo', 'https://x.example/\u202Egpj.exe'), link('two', 'https://x.example/a\nhttps://x.example/\u2066b')],
          },
        ],
        transcriptLinks: [{ text: 'here', url: 'https://x.example/\u202Etxt.exe', domain: 'x.example', item: 0, speaker: null, at: 0 }],
      },
    });
    const copied = () => (actions.copy as ReturnType<typeof vi.fn>).mock.lastCall?.[0] as string;
    fireEvent.click(container.querySelector('[data-copy=link]') as HTMLElement);
    expect(copied()).toBe('https://x.example/gpj.exe');
    fireEvent.click(container.querySelector('[data-copy=all-urls]') as HTMLElement);
    expect(copied().split('\n')).toEqual(['https://x.example/gpj.exe', 'https://x.example/ahttps://x.example/b']);
    fireEvent.click(container.querySelector('[data-copy=section-urls]') as HTMLElement);
    expect(copied().split('\n')).toHaveLength(2);
    fireEvent.click(container.querySelector('[data-copy=section-markdown]') as HTMLElement);
    expect(copied()).toBe('### Files\n\n- [photo](https://x.example/gpj.exe)\n- [two](https://x.example/ahttps://x.example/b)');
    fireEvent.click(container.querySelector('[data-copy=cited]') as HTMLElement);
    expect(copied()).toBe('https://x.example/txt.exe');
  });

  it('opens a section in tabs, asking first above five', () => {
    const many = Array.from({ length: 6 }, (_, i) => `- [L${i}](https://example.com/${i})`).join('\n');
    const { container, actions } = renderPopup(state(`### Few\n\n- [A](https://a.example/)\n\n### Many\n\n${many}`));
    const [few, lots] = [...container.querySelectorAll('[data-testid=open-all]')] as HTMLElement[];
    fireEvent.click(few as HTMLElement);
    expect(actions.openTabs).toHaveBeenCalledWith(['https://a.example/']);
    fireEvent.click(lots as HTMLElement);
    expect(actions.openTabs).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Open 6 tabs?')).toBeTruthy();
    fireEvent.click(container.querySelector('[data-testid=confirm-open]') as HTMLElement);
    expect(actions.openTabs).toHaveBeenCalledTimes(2);
  });

  it('filters every link by text, domain or kind', () => {
    const { container } = renderPopup();
    fireEvent.input(container.querySelector('[data-testid=link-filter]') as HTMLInputElement, { target: { value: 'github' } });
    expect([...container.querySelectorAll('[data-testid=notes-section] a[data-testid=link]')].map((a) => a.getAttribute('href'))).toEqual([
      'https://github.com/example/transcript-search',
    ]);
    fireEvent.input(container.querySelector('[data-testid=link-filter]') as HTMLInputElement, { target: { value: 'video' } });
    expect(container.querySelectorAll('[data-testid=notes-section]')).toHaveLength(1);
  });

  it('lists links cited in the transcript with who and when, and seeks there', () => {
    const { container, actions } = renderPopup();
    const cited = [...container.querySelectorAll('[data-testid=cited-link]')];
    expect(cited.map((li) => li.querySelector('.link-meta')?.textContent)).toEqual([
      expect.stringMatching(/example\.com · Grace Guest at 1:36/),
      expect.stringMatching(/github\.com · Linus Listener at 6:07/),
    ]);
    fireEvent.click(cited[0]?.querySelector('[data-testid=cited-seek]') as HTMLElement);
    // The play button goes to the moment the line shows.
    expect(formatClock((actions.seek as ReturnType<typeof vi.fn>).mock.calls[0]?.[0] as number)).toBe('1:36');
  });

  it('draws only http(s) links, whatever reaches the view', () => {
    const episode = (state() as Extract<PopupState, { kind: 'episode' }>).episode;
    const { container } = renderPopup({
      kind: 'episode',
      canSeek: true,
      from: { notes: 'page', cited: 'page', people: 'page' },
      episode: {
        ...episode,
        featuring: [{ name: 'Eve', profile: 'javascript:alert(1)', links: [{ text: 'site', url: 'data:text/html,x' }] }],
        sponsors: [{ name: 'Evil Corp', url: 'vbscript:x', description: 'No.' }],
        transcriptLinks: [{ text: 'here', url: 'javascript:alert(2)', domain: '', item: 0, speaker: null, at: 0 }],
      },
    });
    const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.filter((href) => !/^https?:\/\//.test(href))).toEqual([]);
    expect(container.textContent).toContain('Eve');
    expect(container.textContent).toContain('Evil Corp');
  });

  it('says what came from the page and what from the bundle, part by part', async () => {
    // The page's content script answers with the bundle's transcript (it agrees with the page)
    // beside the page's own notes, people and sponsors: the popup must not call it all bundled.
    const shown = popupEpisode((state() as Extract<PopupState, { kind: 'episode' }>).episode as never);
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7, url: 'https://changelog.com/shipit/990' }] as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({
      episode: shown,
      source: { kind: 'bundle', pageHadTranscript: true },
      canSeek: true,
      notesFrom: 'page',
    } as never);
    const loaded = await loadPopupSource(new URLSearchParams());
    const { container } = renderPopup(loaded.state);
    const origin = container.querySelector('[data-testid=origin]');
    expect(origin?.textContent).toBe(
      'From the episode page: the show notes and the people and sponsors. From the bundled archive: the links mentioned in the transcript.',
    );
    cleanup();
    // Everything from the page.
    const fromPage = renderPopup(state());
    expect(fromPage.container.querySelector('[data-testid=origin]')?.textContent).toBe(
      'From the episode page: the show notes, the people and sponsors and the links mentioned in the transcript.',
    );
    vi.restoreAllMocks();
  });

  it('says when the tab is not an episode page', () => {
    const { container } = renderPopup({ kind: 'not-episode' });
    expect(container.querySelector('[data-testid=not-episode]')?.textContent).toMatch(/not a Changelog episode page/);
    expect(container.textContent).toMatch(/CC BY-SA 4\.0/);
  });
});

describe('Markdown export', () => {
  it('escapes link text and URLs', () => {
    expect(linkMarkdown({ text: 'a [b] c', url: 'https://x.example/a (b)', domain: 'x.example', kind: 'article', description: 'd' })).toBe(
      '- [a \\[b\\] c](https://x.example/a%20%28b%29) — d',
    );
  });

  it('keeps a link whole when its text ends in a backslash', () => {
    // Unescaped, `[C:\]` would escape its own closing bracket and the copy would be no link at all.
    const line = linkMarkdown({ text: 'C:\\', url: 'https://x.example/', domain: 'x.example', kind: 'article' });
    expect(line).toBe('- [C:\\\\](https://x.example/)');
  });
});

describe('messages', () => {
  it('accept only the shapes they name', () => {
    const isPopupToContent = (value: unknown) => isRequest('popup:get-episode', value) || isRequest('popup:seek', value);
    const isContentEpisode = (value: unknown) => isReply('popup:get-episode', value);
    expect(isPopupToContent({ type: 'popup:get-episode' })).toBe(true);
    expect(isPopupToContent({ type: 'popup:seek', seconds: 12 })).toBe(true);
    for (const bad of [
      null,
      'x',
      {},
      { type: 'popup:seek' },
      { type: 'popup:seek', seconds: -1 },
      { type: 'popup:seek', seconds: Number.NaN },
      { type: 'popup:get-episode', extra: 1 },
      { type: 'other' },
    ]) {
      expect(isPopupToContent(bad)).toBe(false);
    }
    const shown = popupEpisode((state() as Extract<PopupState, { kind: 'episode' }>).episode as never);
    const reply = (episode: unknown) => ({
      episode,
      source: { kind: 'page', reason: 'not-in-bundle' },
      canSeek: true,
      notesFrom: 'page',
    });
    expect(isContentEpisode(reply(shown))).toBe(true);
    // Checked all the way down: a link that is not http(s), text beyond bounds, a count beyond bounds.
    const [first] = shown.notes;
    const withLink = (url: string) => ({ ...shown, notes: [{ ...first, links: [{ ...first?.links[0], url }] }] });
    expect(isContentEpisode(reply(withLink('javascript:alert(1)')))).toBe(false);
    expect(isContentEpisode(reply({ ...shown, title: 'x'.repeat(POPUP_LIMITS.text + 1) }))).toBe(false);
    expect(
      isContentEpisode(
        reply({ ...shown, sponsors: Array.from({ length: POPUP_LIMITS.sponsors + 1 }, () => ({ name: 'a', description: '' })) }),
      ),
    ).toBe(false);
    expect(isContentEpisode(reply({ ...shown, featuring: [{ name: 'Eve', profile: 'data:text/html,x', links: [] }] }))).toBe(false);
    expect(isContentEpisode({ ...reply(shown), source: { kind: 'elsewhere' } })).toBe(false);
    expect(isContentEpisode({ episode: { podcast: 'shipit' }, source: {}, canSeek: true })).toBe(false);
    // Every list within its own bound, but the whole too large to draw: refused, so the popup
    // uses the bundle (a page cannot freeze it with 100 sections of 1,000 links of 6 KB).
    const link = {
      text: 'x'.repeat(POPUP_LIMITS.text),
      url: `https://x.example/${'a'.repeat(2000)}`,
      domain: 'x.example',
      kind: 'website',
    };
    const flood = Array.from({ length: 100 }, () => ({ heading: 'h', links: Array.from({ length: 1000 }, () => link) }));
    expect(isContentEpisode(reply({ ...shown, notes: flood }))).toBe(false);
    expect(isContentEpisode(reply({ ...shown, notes: flood.slice(0, 2) }))).toBe(false);
    // What the content script sends of such a page is cut to fit, keeping the first links.
    const cutDown = popupEpisode({ ...(state() as Extract<PopupState, { kind: 'episode' }>).episode, notes: flood } as never);
    expect(isContentEpisode(reply(cutDown))).toBe(true);
    expect(popupSize(cutDown).characters).toBeLessThanOrEqual(POPUP_LIMITS.characters);
    expect(cutDown.notes[0]?.links.length).toBeGreaterThan(0);
    // What the page sends is what the popup shows: no transcript.
    expect(Object.keys(shown).sort()).toEqual(['featuring', 'notes', 'number', 'podcast', 'slug', 'sponsors', 'title', 'transcriptLinks']);
  });
});
