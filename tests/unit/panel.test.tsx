// @vitest-environment happy-dom
/**
 * The panel as a listener uses it, rendered with @testing-library/preact against our own fixture
 * episode: search, speaker filter, chapters, seek, follow-along, copy, collapse, empty states.
 */
import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceNote } from '@/lib/app/choose-source';
import type { PanelSettings } from '@/lib/app/settings';
import { buildEpisode } from '@/lib/model/build-episode';
import type { Episode } from '@/lib/model/episode';
import { parseTranscriptMarkdown } from '@/pipeline/markdown/transcripts';
import { ownShipIt990Episode } from '../support/own-fixtures';
import { renderPanelView } from '../support/panel-view';

afterEach(cleanup);

const fixtureEpisode = ownShipIt990Episode;

function renderPanel(options: { episode?: Episode; settings?: Partial<PanelSettings>; source?: SourceNote } = {}) {
  const episode = options.episode ?? fixtureEpisode();
  const view = renderPanelView(episode, {
    source: options.source ?? { kind: 'bundle', pageHadTranscript: true },
    settings: options.settings,
    reducedMotion: false,
  });
  const count = () => Number(view.container.querySelector('[data-testid=result-count]')?.getAttribute('data-count'));
  const segments = () => [...view.container.querySelectorAll<HTMLElement>('[data-testid=segment]')];
  const search = view.container.querySelector('[data-testid=search]') as HTMLInputElement;
  const type = (text: string) => fireEvent.input(search, { target: { value: text } });
  return { ...view, count, segments, search, type, episode };
}

describe('the transcript panel', () => {
  it('shows every item, speakers with turns and share of words, and chapters', () => {
    const panel = renderPanel();
    expect(panel.count()).toBe(20);
    const chips = [...panel.container.querySelectorAll('[data-testid=speaker]')];
    expect(chips.map((chip) => [chip.getAttribute('data-speaker'), chip.getAttribute('aria-pressed')])).toEqual([
      ['Ada Host', 'false'],
      ['Grace Guest', 'false'],
      ['Linus Listener', 'false'],
      ['Margaret Maintainer', 'false'],
    ]);
    expect(chips[0]?.textContent).toMatch(/9 · \d+%/);
    expect([...panel.container.querySelectorAll('[data-testid=chapter]')].map((c) => c.getAttribute('data-start'))).toEqual([
      '0',
      '330',
      '680',
    ]);
    expect(screen.getByText(/20 items · 4 speakers · 64 min/)).toBeTruthy();
    expect(panel.segments()[0]?.getAttribute('data-index')).toBe('0');
  });

  it('finds words by prefix and with a typo, all words required, matches marked', () => {
    const panel = renderPanel();
    panel.type('pipeli');
    expect(panel.count()).toBe(2);
    panel.type('pipelime');
    expect(panel.count()).toBe(1);
    expect(panel.container.querySelector('mark')?.textContent?.toLowerCase()).toBe('pipeline');
    panel.type('keyboard focus');
    expect(panel.count()).toBe(1);
    expect([...panel.container.querySelectorAll('mark')].map((m) => m.textContent?.toLowerCase()).sort()).toEqual(['focus', 'keyboard']);
    panel.type('keyboard pipeline');
    expect(panel.count()).toBe(0);
  });

  it('steps through matches with Enter and Shift+Enter', () => {
    const panel = renderPanel();
    panel.type('ada');
    const total = panel.count();
    expect(total).toBeGreaterThan(2);
    expect(screen.getByText(`1 of ${total} matches`)).toBeTruthy();
    fireEvent.keyDown(panel.search, { key: 'Enter' });
    expect(screen.getByText(`2 of ${total} matches`)).toBeTruthy();
    fireEvent.keyDown(panel.search, { key: 'Enter', shiftKey: true });
    fireEvent.keyDown(panel.search, { key: 'Enter', shiftKey: true });
    expect(screen.getByText(`${total} of ${total} matches`)).toBeTruthy();
  });

  it('suggests queries that would match when nothing does', () => {
    const panel = renderPanel();
    panel.type('headlampz');
    expect(panel.count()).toBe(1); // one typo allowed
    panel.type('hedlmp');
    expect(panel.count()).toBe(0);
    const suggestion = panel.container.querySelector('.chip--suggestion');
    expect(suggestion).not.toBeNull();
    if (suggestion) fireEvent.click(suggestion);
    expect(panel.count()).toBeGreaterThan(0);
  });

  it('filters by one or several speakers, combined with the search', () => {
    const panel = renderPanel();
    const chip = (name: string) => panel.container.querySelector(`[data-testid=speaker][data-speaker="${name}"]`) as HTMLElement;
    fireEvent.click(chip('Grace Guest'));
    expect(chip('Grace Guest').getAttribute('aria-pressed')).toBe('true');
    expect(panel.count()).toBe(3);
    expect(panel.segments().every((s) => s.dataset.speaker === 'Grace Guest')).toBe(true);
    fireEvent.click(chip('Linus Listener'));
    expect(panel.count()).toBe(6);
    panel.type('shards');
    expect(panel.count()).toBe(1);
    panel.type('');
    fireEvent.click(screen.getByText('Everyone'));
    expect(panel.count()).toBe(20);
  });

  it('seeks the player from an item and from a chapter', () => {
    const panel = renderPanel();
    const seekButtons = [...panel.container.querySelectorAll<HTMLElement>('[data-testid=seek]')];
    const third = seekButtons[2] as HTMLElement;
    expect(third.textContent).toBe('1:10');
    fireEvent.click(third);
    expect(panel.env.player.seek).toHaveBeenLastCalledWith(70);
    expect(seekButtons[1]?.textContent).toMatch(/^~/);
    const chapter = panel.container.querySelectorAll('[data-testid=chapter]')[1] as HTMLElement;
    fireEvent.click(chapter);
    expect(panel.env.player.seek).toHaveBeenLastCalledWith(330);
  });

  it('follows the play head: the item and chapter playing are marked', () => {
    const panel = renderPanel();
    act(() => panel.play(80));
    const current = panel.container.querySelector('[data-testid=segment][aria-current=true]');
    expect(current?.getAttribute('data-index')).toBe('2');
    expect(panel.container.querySelector('[data-testid=chapter][aria-current=true]')?.getAttribute('data-start')).toBe('0');
    act(() => panel.play(700));
    expect(panel.container.querySelector('[data-testid=chapter][aria-current=true]')?.getAttribute('data-start')).toBe('680');
    act(() => panel.play(null));
    expect(panel.container.querySelector('[aria-current=true]')).toBeNull();
  });

  it('copies a deep link and a Markdown quote', async () => {
    const panel = renderPanel();
    const third = panel.segments()[2] as HTMLElement;
    fireEvent.click(third.querySelector('[data-testid=copy-link]') as HTMLElement);
    expect(panel.env.copy).toHaveBeenLastCalledWith('https://changelog.com/shipit/990#transcript-2');
    fireEvent.click(third.querySelector('[data-testid=copy-quote]') as HTMLElement);
    expect(panel.env.copy).toHaveBeenLastCalledWith(
      "> Let's start with the basics. What does a good pipeline look like to you?\n\n— Ada Host, [Ship It! #990 at 1:10](https://changelog.com/shipit/990#t=70)",
    );
    await screen.findByText('Quote copied');
  });

  it('scrolls the page to an item on request', () => {
    const panel = renderPanel();
    fireEvent.click(panel.segments()[1]?.querySelector('[aria-label^="Show"]') as HTMLElement);
    expect(panel.env.showOnPage).toHaveBeenCalledWith(1);
  });

  it('collapses and remembers it through its settings', () => {
    const panel = renderPanel();
    fireEvent.click(panel.container.querySelector('.panel-toggle') as HTMLElement);
    expect(panel.onSettings).toHaveBeenCalledWith({ collapsed: true });
    const collapsed = renderPanel({ settings: { collapsed: true } });
    expect(collapsed.container.querySelector('[data-testid=search]')).toBeNull();
    expect(collapsed.container.querySelector('.panel-toggle')?.getAttribute('aria-expanded')).toBe('false');
  });

  it('says where the transcript came from', () => {
    const panel = renderPanel({ source: { kind: 'page', reason: 'newer-than-bundle', pageItems: 21, bundleItems: 20 } });
    expect(panel.container.querySelector('[data-testid=source-note]')?.textContent).toMatch(/21 items here, 20 bundled/);
  });

  it('says the transcript is not available, with the repository link, when there is none', () => {
    const empty = buildEpisode({ podcast: 'friends', slug: '126', items: [], transcriptStatus: 'coming-soon' });
    const panel = renderPanel({ episode: empty, source: { kind: 'none' } });
    const note = panel.container.querySelector('[data-testid=no-transcript]');
    expect(note?.textContent).toMatch(/not available yet/);
    expect(note?.querySelector('a')?.getAttribute('href')).toBe('https://github.com/thechangelog/transcripts');
  });

  it("ignores a page script's synthesized clicks on what opens tabs, copies or changes settings", async () => {
    // The listener typed the query (trusted); every click below is a script's.
    const { container, env, onSettings } = renderPanelView(fixtureEpisode(), { trust: (event) => event.type === 'input' });
    const input = container.querySelector('[data-testid=search]') as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'pipeline' } });
    for (const hook of ['follow', 'text-size', 'copy-link', 'copy-quote', 'search-archive']) {
      const button = container.querySelector(`[data-testid=${hook}]`) as HTMLButtonElement | null;
      expect(button, hook).not.toBeNull();
      button?.click();
    }
    (container.querySelector('.panel-toggle') as HTMLButtonElement).click();
    await Promise.resolve();
    expect(onSettings).not.toHaveBeenCalled();
    expect(env.copy).not.toHaveBeenCalled();
    expect(env.openArchiveSearch).not.toHaveBeenCalled();
  });

  it("offers Search all episodes only for the listener's own query, not one a page script put in the field", () => {
    let pageScript = false; // Events are the listener's until the page's script acts.
    const { container, env } = renderPanelView(fixtureEpisode(), { trust: () => !pageScript });
    const input = container.querySelector('[data-testid=search]') as HTMLInputElement;
    const archiveButton = () => container.querySelector<HTMLButtonElement>('[data-testid=search-archive]');
    fireEvent.input(input, { target: { value: 'pipeline' } });
    expect(archiveButton()).not.toBeNull();
    // The page fills the field with its own words: the panel searches them, but the button that
    // would carry them to the archive search (and which the page could focus for the listener's
    // next Space) is gone.
    pageScript = true;
    fireEvent.input(input, { target: { value: 'the the the and and and' } });
    expect(input.value).toBe('the the the and and and');
    expect(archiveButton()).toBeNull();
    // The listener types again: the button is back, and carries what they typed.
    pageScript = false;
    fireEvent.input(input, { target: { value: 'keyboard' } });
    archiveButton()?.click();
    expect(env.openArchiveSearch).toHaveBeenCalledTimes(1);
    expect(env.openArchiveSearch).toHaveBeenCalledWith('keyboard');
  });

  it('renders hostile text as text', () => {
    const hostile = buildEpisode({
      podcast: 'shipit',
      slug: '1',
      items: parseTranscriptMarkdown(
        '**<img src=x onerror=alert(1)>:** <script>alert(2)</script> [x](javascript:alert(3)) **Bob:** \u202eevil',
      ),
    });
    const panel = renderPanel({ episode: hostile });
    expect(panel.container.querySelector('script, img, iframe')).toBeNull();
    expect([...panel.container.querySelectorAll('a')].every((a) => /^https?:/.test(a.getAttribute('href') ?? ''))).toBe(true);
    expect(panel.container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
