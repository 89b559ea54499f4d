// @vitest-environment happy-dom
/** The archive search view with a fake engine: first the ranked answer, then the snippets. */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ArchiveEngine, ArchiveSearch } from '@/components/ArchiveSearch';
import type { ArchiveAnswer } from '@/lib/archive/engine';

afterEach(cleanup);

function answer(detail: ArchiveAnswer['detail']): ArchiveAnswer {
  const snippet =
    detail === 'complete'
      ? [
          { text: 'all about ', mark: false },
          { text: 'eBPF', mark: true },
        ]
      : null;
  return {
    detail,
    totalHits: 5,
    totalEpisodes: 12,
    partial: false,
    cut: null,
    terms: new Set(['ebpf']),
    episodes: [
      {
        podcast: 'shipit',
        slug: '26',
        number: 26,
        readable: true,
        hits: [1, 2, 3, 4].map((index) => ({
          index,
          speaker: 'Liz Rice',
          start: 60 * index,
          estimated: index > 1,
          snippet,
          phrase: false,
        })),
      },
    ],
  };
}

function engine(): ArchiveEngine & { search: ReturnType<typeof vi.fn> } {
  return {
    search: vi.fn(async (_query, _options, _episodes, onRanked?: (answer: ArchiveAnswer) => void) => {
      onRanked?.(answer('ranked'));
      await new Promise((resolve) => setTimeout(resolve, 5));
      return answer('complete');
    }),
    speakers: async () => [['Liz Rice', 32]],
    snippet: async () => [
      { text: 'later ', mark: false },
      { text: 'eBPF', mark: true },
    ],
  };
}

/** The options a search is asked with: the filters, and the query's abort signal. */
function withSignal(filters: object = {}) {
  return { ...filters, signal: expect.any(AbortSignal) };
}

function Harness({ fake, initial = '' }: { fake: ArchiveEngine; initial?: string }) {
  const [query, setQuery] = useState(initial);
  return <ArchiveSearch engine={fake} query={query} onQuery={setQuery} />;
}

describe('the archive search view', () => {
  it('shows ranked hits at once, then their snippets, each linking to its item', async () => {
    const fake = engine();
    const { container } = render(<Harness fake={fake} />);
    fireEvent.input(screen.getByTestId('archive-search'), { target: { value: 'ebpf' } });
    await waitFor(() => expect(container.querySelector('[data-testid=archive-count]')?.getAttribute('data-detail')).toBe('complete'));
    expect(fake.search).toHaveBeenCalledWith('ebpf', withSignal(), 10, expect.any(Function));
    const hits = [...container.querySelectorAll<HTMLAnchorElement>('a[data-testid=archive-hit]')];
    expect(hits.map((a) => [a.getAttribute('href'), a.dataset.podcast, a.dataset.slug, a.dataset.index])).toEqual([
      ['https://changelog.com/shipit/26#transcript-1', 'shipit', '26', '1'],
      ['https://changelog.com/shipit/26#transcript-2', 'shipit', '26', '2'],
      ['https://changelog.com/shipit/26#transcript-3', 'shipit', '26', '3'],
    ]);
    expect(hits[0]?.querySelector('mark')?.textContent).toBe('eBPF');
    expect(hits[0]?.textContent).toContain('Liz Rice · 1:00');
    expect(hits[1]?.textContent).toContain('~2:00');
    expect(screen.getByText('5 items in 12 episodes')).toBeTruthy();
  });

  it("asks for the snippets of an episode's other hits when expanded", async () => {
    const fake = engine();
    const { container } = render(<Harness fake={fake} initial="ebpf" />);
    await waitFor(() => expect(container.querySelector('[data-detail=complete]')).not.toBeNull());
    const complete = answer('complete');
    (complete.episodes[0] as ArchiveAnswer['episodes'][number]).hits[3] = {
      index: 4,
      speaker: 'Liz Rice',
      start: 240,
      estimated: true,
      snippet: null,
      phrase: false,
    };
    fake.search.mockImplementation(async () => complete);
    fireEvent.input(screen.getByTestId('archive-search'), { target: { value: 'ebpf ' } });
    await waitFor(() => expect(screen.getByText('1 more in this episode')).toBeTruthy());
    fireEvent.click(screen.getByText('1 more in this episode'));
    await waitFor(() => expect(container.querySelectorAll('a[data-testid=archive-hit]')[3]?.textContent).toContain('later eBPF'));
  });

  it('passes the show and speaker filters, and pages to more episodes', async () => {
    const fake = engine();
    render(<Harness fake={fake} initial="ebpf" />);
    await waitFor(() => expect(screen.getByTestId('archive-more')).toBeTruthy());
    fireEvent.change(screen.getByTestId('archive-show'), { target: { value: 'shipit' } });
    await waitFor(() =>
      expect(fake.search).toHaveBeenLastCalledWith('ebpf', withSignal({ shows: new Set(['shipit']) }), 10, expect.any(Function)),
    );
    fireEvent.change(screen.getByTestId('archive-speaker'), { target: { value: 'Liz Rice' } });
    await waitFor(() =>
      expect(fake.search).toHaveBeenLastCalledWith(
        'ebpf',
        withSignal({ shows: new Set(['shipit']), speaker: 'Liz Rice' }),
        10,
        expect.any(Function),
      ),
    );
    await waitFor(() => expect(screen.getByTestId('archive-more')).toBeTruthy());
    await act(async () => {
      fireEvent.click(screen.getByTestId('archive-more'));
    });
    await waitFor(() => expect(fake.search).toHaveBeenLastCalledWith('ebpf', expect.anything(), 20, expect.any(Function)));
  });

  it("turns a speaker's name in the query into a removable chip that filters by them", async () => {
    const fake = engine();
    const { container } = render(<Harness fake={fake} initial="liz rice ebpf" />);
    await waitFor(() =>
      expect(fake.search).toHaveBeenLastCalledWith('ebpf', withSignal({ speaker: 'Liz Rice' }), 10, expect.any(Function)),
    );
    const chip = await screen.findByTestId('archive-speaker-chip');
    expect(chip.getAttribute('data-speaker')).toBe('Liz Rice');
    expect(chip.textContent).toContain('Said by Liz Rice');
    // The count still names what the listener typed (the automation contract's data-query).
    await waitFor(() => expect(container.querySelector('[data-testid=archive-count]')?.getAttribute('data-query')).toBe('liz rice ebpf'));
    fireEvent.click(screen.getByTestId('archive-speaker-chip-remove'));
    await waitFor(() => expect(fake.search).toHaveBeenLastCalledWith('liz rice ebpf', withSignal(), 10, expect.any(Function)));
    await waitFor(() => expect(screen.queryByTestId('archive-speaker-chip')).toBeNull());
    // A name alone, or a speaker filter already chosen, makes no chip.
    fireEvent.input(screen.getByTestId('archive-search'), { target: { value: 'liz rice' } });
    await waitFor(() => expect(fake.search).toHaveBeenLastCalledWith('liz rice', withSignal(), 10, expect.any(Function)));
    expect(screen.queryByTestId('archive-speaker-chip')).toBeNull();
  });

  it('stops a superseded query, skips the ones typed meanwhile, and shows only the answer to the latest', async () => {
    const signals = new Map<string, AbortSignal>();
    const fake = engine();
    // Each query answers only when its signal is aborted (it rejects, as the engine does) or, for
    // the last one typed, at once: an answer to an old query would arrive after the new one.
    fake.search.mockImplementation(async (query: string, options: { signal: AbortSignal }) => {
      signals.set(query, options.signal);
      if (query !== 'ebpf tracing') {
        await new Promise((resolve) => options.signal.addEventListener('abort', resolve));
        await new Promise((resolve) => setTimeout(resolve, 5));
        throw options.signal.reason;
      }
      return answer('complete');
    });
    const { container } = render(<Harness fake={fake} />);
    const box = screen.getByTestId('archive-search');
    fireEvent.input(box, { target: { value: 'ebpf' } });
    await waitFor(() => expect(signals.has('ebpf')).toBe(true));
    fireEvent.input(box, { target: { value: 'ebpf t' } });
    fireEvent.input(box, { target: { value: 'ebpf trac' } });
    fireEvent.input(box, { target: { value: 'ebpf tracing' } });
    expect(signals.get('ebpf')?.aborted).toBe(true);
    await waitFor(() => expect(container.querySelector('[data-testid=archive-count]')?.getAttribute('data-query')).toBe('ebpf tracing'));
    // The queries typed while the first one stopped were never searched, and nothing failed.
    expect([...signals.keys()]).toEqual(['ebpf', 'ebpf tracing']);
    expect(screen.queryByRole('alert')).toBeNull();
    // Leaving the page stops the query running.
    fireEvent.input(box, { target: { value: 'ebpf tracing again' } });
    await waitFor(() => expect(signals.has('ebpf tracing again')).toBe(true));
    cleanup();
    expect(signals.get('ebpf tracing again')?.aborted).toBe(true);
  });

  it("says so when an episode's text cannot be read, and still shows its hits", async () => {
    const fake = engine();
    const unreadable = answer('complete');
    const [first] = unreadable.episodes as [ArchiveAnswer['episodes'][number]];
    first.readable = false;
    for (const hit of first.hits) hit.snippet = [];
    fake.search.mockResolvedValue(unreadable);
    const { container } = render(<Harness fake={fake} initial="ebpf" />);
    expect(await screen.findByText("This episode's text could not be read from the bundle.")).toBeTruthy();
    expect(container.querySelectorAll('a[data-testid=archive-hit]')).toHaveLength(3);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so when the index cannot be read', async () => {
    const fake = engine();
    fake.search.mockRejectedValue(new Error('data/search/dict.bin is missing from the package'));
    render(<Harness fake={fake} initial="ebpf" />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be read: .*dict\.bin/);
  });
});
