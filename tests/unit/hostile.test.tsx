// @vitest-environment happy-dom
/**
 * The hostile corpus (tests/support/hostile.ts) through every parser, the bundle's record format
 * and every view: nothing is rendered as markup, no link carries a script URL, and the 10 MB and
 * 100,000-item transcripts go through without an exception and with the list virtualized.
 */
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from '@/components/Popup';
import { buildEpisode } from '@/lib/model/build-episode';
import type { Episode } from '@/lib/model/episode';
import { parseEpisodePage } from '@/lib/site/page';
import { parseShowNotesMarkdown } from '@/pipeline/markdown/show-notes';
import { parseTranscriptMarkdown } from '@/pipeline/markdown/transcripts';
import {
  bigTranscriptMarkdown,
  hostileNotesMarkdown,
  hostilePageInput,
  hostileTranscriptMarkdown,
  MARKUP,
  manyItemsMarkdown,
} from '../support/hostile';
import { renderPanelView } from '../support/panel-view';
import { throughBundle } from '../support/record-bundle';
import { renderSitePage } from '../support/site-page';

afterEach(cleanup);

function allUrls(episode: Episode): string[] {
  return [
    ...episode.items.flatMap((item) => item.paragraphs.flat().flatMap((run) => (run.kind === 'link' ? [run.url] : []))),
    ...episode.notes.flatMap((section) => section.links.map((link) => link.url)),
    ...episode.sponsors.flatMap((sponsor) => (sponsor.url ? [sponsor.url] : [])),
    ...episode.featuring.flatMap((person) => [...(person.profile ? [person.profile] : []), ...person.links.map((link) => link.url)]),
  ];
}

function expectInert(container: Element) {
  expect(container.querySelectorAll('script, img, iframe, object, embed, svg image')).toHaveLength(0);
  for (const a of container.querySelectorAll('a')) expect(a.getAttribute('href') ?? '').toMatch(/^https?:\/\//);
  expect((globalThis as { __pwnedMarkup?: unknown }).__pwnedMarkup).toBeUndefined();
}

describe('the hostile corpus', () => {
  const fromMarkdown = buildEpisode({
    podcast: 'shipit',
    slug: '666',
    items: parseTranscriptMarkdown(hostileTranscriptMarkdown()),
    notes: parseShowNotesMarkdown(hostileNotesMarkdown()),
  });

  it('keeps markup in speaker names and text as text, and only http(s) links', () => {
    expect(fromMarkdown.items[0]?.label).toBe(MARKUP);
    expect(fromMarkdown.speakers.map((s) => s.name)).toContain(MARKUP);
    expect(allUrls(fromMarkdown).every((url) => /^https?:\/\//.test(url))).toBe(true);
    expect(allUrls(fromMarkdown)).toContain('https://example.com/safe');
    const text = JSON.stringify(fromMarkdown.items);
    expect(text).toContain('\u202e');
    expect(text).toContain('\u200b');
  });

  it('survives the record format unchanged', async () => {
    const parts = {
      podcast: 'shipit',
      slug: '666',
      items: parseTranscriptMarkdown(hostileTranscriptMarkdown()),
      notes: parseShowNotesMarkdown(hostileNotesMarkdown()),
    };
    const back = await throughBundle(parts);
    expect(back.items).toEqual(parts.items);
    expect(back.notes).toEqual(parts.notes);
  });

  it('reads the same from the page the site would render', () => {
    const doc = new DOMParser().parseFromString(renderSitePage(hostilePageInput()), 'text/html');
    const page = buildEpisode(parseEpisodePage(doc, { podcast: 'shipit', slug: '666' }).parts);
    expect(page.title).toBe(`A title with ${MARKUP} in it`);
    expect(page.sponsors[0]?.name).toBe(`Sponsor ${MARKUP}`);
    expect(page.items.map((item) => item.label)).toEqual(fromMarkdown.items.map((item) => item.label));
    expect(allUrls(page).every((url) => /^https?:\/\//.test(url))).toBe(true);
  });

  it('renders inert in the panel, searched and filtered', () => {
    const view = renderPanelView(fromMarkdown);
    expectInert(view.container);
    expect(view.container.textContent).toContain(MARKUP);
    fireEvent.input(view.container.querySelector('[data-testid=search]') as HTMLInputElement, { target: { value: 'onerror' } });
    expectInert(view.container);
    fireEvent.click(view.container.querySelector(`[data-testid=speaker]`) as HTMLElement);
    expectInert(view.container);
  });

  it('renders inert in the popup', () => {
    const doc = new DOMParser().parseFromString(renderSitePage(hostilePageInput()), 'text/html');
    const page = buildEpisode(parseEpisodePage(doc, { podcast: 'shipit', slug: '666' }).parts);
    const view = render(
      <Popup
        state={{ kind: 'episode', episode: page, canSeek: true, from: { notes: 'page', cited: 'page', people: 'page' } }}
        actions={{ copy: async () => true, openTabs: () => {}, seek: async () => true }}
      />,
    );
    expectInert(view.container);
    expect(view.container.textContent).toContain(`Sponsor ${MARKUP}`);
  });
});

describe('huge transcripts', () => {
  it('parse a 10 MB transcript', () => {
    const markdown = bigTranscriptMarkdown(10);
    expect(markdown.length).toBeGreaterThan(10e6);
    const episode = buildEpisode({ podcast: 'shipit', slug: '668', items: parseTranscriptMarkdown(markdown) });
    expect(episode.items.length).toBeGreaterThan(1500);
    for (let i = 1; i < episode.items.length; i++)
      expect(episode.items[i]?.estimatedStart).toBeGreaterThanOrEqual(episode.items[i - 1]?.estimatedStart ?? 0);
  });

  it('show 100,000 items through a virtualized list, searchable once indexed in the background', async () => {
    const episode = buildEpisode({ podcast: 'shipit', slug: '667', items: parseTranscriptMarkdown(manyItemsMarkdown(100_000)) });
    expect(episode.items).toHaveLength(100_000);
    const record = await throughBundle({ podcast: 'shipit', slug: '667', items: episode.items });
    expect(record.items).toHaveLength(100_000);
    const view = renderPanelView(episode);
    const count = () => view.container.querySelector('[data-testid=result-count]');
    expect(count()?.getAttribute('data-count')).toBe('100000');
    expect(view.container.querySelectorAll('[data-testid=segment]').length).toBeLessThan(100);
    await act(async () => {
      fireEvent.input(view.container.querySelector('[data-testid=search]') as HTMLInputElement, { target: { value: 'word996' } });
    });
    await waitFor(() => expect(count()?.getAttribute('data-pending')).toBeNull(), { timeout: 60_000 });
    const found = Number(count()?.getAttribute('data-count'));
    expect(found).toBeGreaterThan(100);
    expect(found).toBeLessThan(100_000);
    expect([...view.container.querySelectorAll('[data-testid=segment]')].every((segment) => segment.querySelector('mark'))).toBe(true);
  }, 120_000);
});
