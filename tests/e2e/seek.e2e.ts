/**
 * A seek marks the turn the listener sought, in Chromium and Firefox, with real clicks: right after
 * the seek and while the player stays paused there, on turns whose estimated starts are
 * fractional (the site's player plays from whole seconds), on the first turn, on turns that start
 * within the same second as the one before, and on a page of one turn.
 */
import { expect, it } from 'vitest';
import { hasSharedPages } from '../support/shared';
import type { TestPage } from './support/browsers';
import { currentItem, HOST, playerSeeks, trustedClickInPanel } from './support/panel';
import { describeInBrowsers } from './support/suite';

interface Turn {
  index: number;
  start: number;
}

/** The turns the panel renders now (the list is virtualized), with the start each seek button plays. */
function renderedTurns(page: TestPage): Promise<Turn[]> {
  return page.evaluate(
    (host) =>
      [...(document.querySelector(host)?.shadowRoot?.querySelectorAll('[data-testid=segment]') ?? [])].map((segment) => ({
        index: Number(segment.getAttribute('data-index')),
        start: Number(segment.querySelector('[data-testid=seek]')?.getAttribute('data-start')),
      })),
    HOST,
  );
}

/** The next rendered turn after turn `after`, if any (a seek brings the list to the turn marked). */
async function nextTurn(page: TestPage, after: number): Promise<Turn | undefined> {
  return (await renderedTurns(page)).filter((turn) => turn.index > after).sort((a, b) => a.index - b.index)[0];
}

/** What the site's player plays from for a start: the whole second at or before it (0 asks for a hundredth). */
const seekFor = (start: number) => (start < 1 ? 0.01 : Math.floor(start));

/** A trusted click on a turn's seek button; resolves once the stand-in player has taken the seek. */
async function seekTurn(page: TestPage, turn: Turn): Promise<void> {
  const before = (await playerSeeks(page)).length;
  await trustedClickInPanel(page, `[data-testid=segment][data-index="${turn.index}"] [data-testid=seek]`);
  await page.waitFor((count) => ((window as unknown as { __sitePlayerSeeks?: number[] }).__sitePlayerSeeks ?? []).length > count, before);
  expect((await playerSeeks(page)).at(-1), `turn ${turn.index} at ${turn.start} s`).toBe(seekFor(turn.start));
}

async function markedTurn(page: TestPage, index: number): Promise<number | null> {
  try {
    await page.waitFor(
      ({ host, index }) =>
        document
          .querySelector(host)
          ?.shadowRoot?.querySelector(`[data-testid=segment][data-index="${index}"]`)
          ?.getAttribute('aria-current') === 'true',
      { host: HOST, index },
      3000,
    );
  } catch {
    // Reported below with what is marked instead.
  }
  return currentItem(page);
}

/** The pages and how many of their first rendered turns to seek. */
const PAGES: [string, number][] = [
  ['https://changelog.com/gotime/990', 18],
  ['https://changelog.com/news/990', 1],
  ['https://changelog.com/shipit/990', 8],
  ['https://changelog.com/friends/990', 8],
  ...(hasSharedPages
    ? ([
        ['https://changelog.com/shipit/26', 10],
        ['https://changelog.com/shipit/53', 10],
        ['https://changelog.com/friends/47', 10],
        ['https://changelog.com/jsparty/meet-rachel-white', 10],
      ] as [string, number][])
    : []),
];

describeInBrowsers('a seek marks the turn sought', (suite) => {
  for (const [url, count] of PAGES) {
    it(`${url}: each of the first ${count} turns, right after its seek and while paused`, async () => {
      const page = await suite.openWithPanel(url);
      const turns: Turn[] = [];
      const wrong: string[] = [];
      for (let turn = await nextTurn(page, -1); turn && turns.length < count; turn = await nextTurn(page, turn.index)) {
        turns.push(turn);
        await seekTurn(page, turn);
        const marked = await markedTurn(page, turn.index);
        if (marked !== turn.index) wrong.push(`turn ${turn.index} (${turn.start} s) sought, ${marked} marked`);
      }
      expect(turns).toHaveLength(count);
      // Paused: the player stays where the last seek put it, and so does the mark.
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const last = turns.at(-1) as Turn;
      if ((await currentItem(page)) !== last.index) wrong.push(`turn ${last.index} no longer marked while paused`);
      expect(wrong).toEqual([]);
      expect(page.errors).toEqual([]);
    });
  }

  it('the quick-turns page tests what it should: fractional starts, the first turn, turns sharing a second', async () => {
    const page = await suite.openWithPanel('https://changelog.com/gotime/990');
    const turns = (await renderedTurns(page)).slice(0, 8);
    const fractional = turns.filter((turn) => !Number.isInteger(turn.start));
    expect(fractional.length).toBeGreaterThanOrEqual(turns.length - 2);
    expect(Number.isInteger(turns[0]?.start)).toBe(false);
    expect(turns.some((turn, k) => k > 0 && Math.floor(turn.start) === Math.floor((turns[k - 1] as Turn).start))).toBe(true);
    const single = await suite.openWithPanel('https://changelog.com/news/990');
    const only = await renderedTurns(single);
    expect(only).toHaveLength(1);
    expect(Number.isInteger(only[0]?.start)).toBe(false);
  });
});
