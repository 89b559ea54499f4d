/**
 * Reading and driving the transcript panel through its automation contract (README): the
 * `<changelog-transcript>` host with an open shadow root and `data-testid` hooks inside.
 */
import type { TestPage } from './browsers';

export const HOST = 'changelog-transcript';

/** Waits until the panel has rendered its items or its "not available" note. */
export async function waitForPanel(page: TestPage): Promise<void> {
  await page.waitFor(
    (host) => document.querySelector(host)?.shadowRoot?.querySelector('[data-testid=result-count], [data-testid=no-transcript]'),
    HOST,
    20_000,
  );
}

/** Waits until something in the panel matches `selector`. */
export async function waitForInPanel(page: TestPage, selector: string): Promise<void> {
  await page.waitFor(({ host, selector }) => document.querySelector(host)?.shadowRoot?.querySelector(selector), { host: HOST, selector });
}

/** The text of the first element in the panel matching `selector` ('' when there is none). */
export function panelText(page: TestPage, selector: string): Promise<string> {
  return page.evaluate(({ host, selector }) => document.querySelector(host)?.shadowRoot?.querySelector(selector)?.textContent ?? '', {
    host: HOST,
    selector,
  });
}

/** An attribute of the first element in the panel matching `selector`, or null. */
export function panelAttribute(page: TestPage, selector: string, attribute: string): Promise<string | null> {
  return page.evaluate(
    ({ host, selector, attribute }) => document.querySelector(host)?.shadowRoot?.querySelector(selector)?.getAttribute(attribute) ?? null,
    { host: HOST, selector, attribute },
  );
}

/** How many elements in the panel match `selector`. */
export function panelCount(page: TestPage, selector: string): Promise<number> {
  return page.evaluate(({ host, selector }) => document.querySelector(host)?.shadowRoot?.querySelectorAll(selector).length ?? 0, {
    host: HOST,
    selector,
  });
}

export function resultCount(page: TestPage): Promise<number> {
  return page.evaluate(
    (host) =>
      Number(document.querySelector(host)?.shadowRoot?.querySelector('[data-testid=result-count]')?.getAttribute('data-count') ?? -1),
    HOST,
  );
}

export function speakerNames(page: TestPage): Promise<string[]> {
  return page.evaluate(
    (host) =>
      [...(document.querySelector(host)?.shadowRoot?.querySelectorAll('[data-testid=speaker]') ?? [])].map(
        (chip) => chip.getAttribute('data-speaker') ?? '',
      ),
    HOST,
  );
}

/**
 * What a changelog.com page's own script can do to the panel: `element.click()` through the open
 * shadow root. Not the listener's input (the event is not trusted); tests of what a person does
 * use {@link trustedClickInPanel}.
 */
export async function scriptClickInPanel(page: TestPage, selector: string): Promise<void> {
  const clicked = await page.evaluate(
    ({ host, selector }) => {
      const element = document.querySelector(host)?.shadowRoot?.querySelector<HTMLElement>(selector);
      element?.click();
      return Boolean(element);
    },
    { host: HOST, selector },
  );
  if (!clicked) throw new Error(`nothing in the panel matches ${selector}`);
}

/** A real mouse click at the centre of the first element matching `selector` in the panel. */
export async function trustedClickInPanel(page: TestPage, selector: string): Promise<void> {
  const point = await page.evaluate(
    async ({ host, selector }) => {
      const element = document.querySelector(host)?.shadowRoot?.querySelector<HTMLElement>(selector);
      if (!element) return null;
      element.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
      // Measure once the scroll has been laid out, so the click lands on this element.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const box = element.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    { host: HOST, selector },
  );
  if (!point) throw new Error(`nothing in the panel matches ${selector}`);
  await page.clickAt(point.x, point.y);
}

/** Focuses the search field and types into it with real key presses. */
export async function typeInSearch(page: TestPage, text: string): Promise<void> {
  await page.evaluate((host) => {
    const input = document.querySelector(host)?.shadowRoot?.querySelector<HTMLInputElement>('[data-testid=search]');
    if (!input) throw new Error('no search field');
    input.focus();
    input.select();
  }, HOST);
  await page.type(text);
}

/** Seeks the stand-in player recorded, in order. */
export function playerSeeks(page: TestPage): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __sitePlayerSeeks?: number[] }).__sitePlayerSeeks ?? []);
}

/** The index of the item marked as playing, or null. */
export function currentItem(page: TestPage): Promise<number | null> {
  return page.evaluate((host) => {
    const current = document.querySelector(host)?.shadowRoot?.querySelector('[data-testid=segment][aria-current="true"]');
    return current ? Number(current.getAttribute('data-index')) : null;
  }, HOST);
}
