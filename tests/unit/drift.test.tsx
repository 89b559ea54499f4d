// @vitest-environment happy-dom
/**
 * Layout drift: the site changes its markup one day. Fixture pages mutated at random (elements
 * removed or moved, classes and ids renamed, attributes dropped, text shuffled) go through the
 * page parser and the panel: never an exception or a console error; a clear partial result
 * (`missing` names what was not found); and the panel shows what it can: the bundle's transcript
 * when the bundle has the episode, else the page's, else a note saying why there is none.
 *
 * Pages are parsed with linkedom (the same parser results as happy-dom and the browsers, see the
 * truth tests): happy-dom keeps every parsed document alive, and thousands of real pages would
 * not fit in memory. The panel renders in happy-dom.
 */
import { cleanup } from '@testing-library/preact';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseSource } from '@/lib/app/choose-source';
import type { RecordLookup } from '@/lib/archive/lookup';
import { buildEpisode } from '@/lib/model/build-episode';
import { parseEpisodePage } from '@/lib/site/page';
import { parseEpisodeUrl } from '@/lib/site/urls';
import { RUNS } from '../support/fuzz';
import { ownEpisodeFixtures } from '../support/own-fixtures';
import { renderPanelView } from '../support/panel-view';
import { hasSharedPages, type PageFixture, sharedPageFixtures } from '../support/shared';

afterEach(cleanup);

interface Mutation {
  kind: 'remove' | 'move' | 'rename-id' | 'drop-attribute' | 'rename-class' | 'shuffle-text';
  /** Pick the target among the elements the parser reads (most of a page is layout it ignores). */
  focused: boolean;
  target: number;
  other: number;
  name: string;
}

/** Elements the parser's selectors are about: the transcript, the episode's parts and their anchors. */
const FOCUS = '[class*="transcript"], [class*="episode"], [class*="section"], section, a[id], table, li';

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('remove', 'move', 'rename-id', 'drop-attribute', 'rename-class', 'shuffle-text'),
  focused: fc.boolean(),
  target: fc.nat(),
  other: fc.nat(),
  name: fc.constantFrom('x', 'transcript', 'transcript-item', 'episode', 'anchor', 'renamed-by-site', ''),
});

/** Applies one mutation to elements of the page's body, chosen by index modulo their count. */
function mutate(doc: Document, change: Mutation): void {
  const elements = [...doc.body.querySelectorAll('*')];
  const focused = change.focused ? [...doc.body.querySelectorAll(FOCUS)] : elements;
  if (elements.length === 0 || focused.length === 0) return;
  const target = focused[change.target % focused.length] as Element;
  const other = elements[change.other % elements.length] as Element;
  switch (change.kind) {
    case 'remove':
      target.remove();
      break;
    case 'move':
      if (!target.contains(other)) other.append(target);
      break;
    case 'rename-id':
      if (change.name) target.id = change.name;
      else target.removeAttribute('id');
      break;
    case 'drop-attribute': {
      const attribute = target.attributes[change.other % Math.max(1, target.attributes.length)];
      if (attribute) target.removeAttribute(attribute.name);
      break;
    }
    case 'rename-class': {
      const classes = [...target.classList];
      const old = classes[change.other % Math.max(1, classes.length)];
      if (old) target.classList.remove(old);
      if (change.name) target.classList.add(change.name);
      break;
    }
    case 'shuffle-text': {
      const a = target.firstChild;
      const b = other.firstChild;
      if (a?.nodeType === 3 && b?.nodeType === 3 && a !== b) [a.textContent, b.textContent] = [b.textContent, a.textContent];
      break;
    }
  }
}

function parsePage(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

function checkDrift(fixture: PageFixture, runs: number) {
  const ref = parseEpisodeUrl(fixture.truth.url);
  if (!ref) throw new Error(`not an episode URL: ${fixture.truth.url}`);
  const clean = parseEpisodePage(parsePage(fixture.html), ref, fixture.truth.url, { items: 'parse' });
  const bundled: RecordLookup =
    clean.parts.items.length > 0 ? { status: 'found', parts: clean.parts, items: clean.parts.items.length } : { status: 'absent' };

  it(`${fixture.name}: never throws, says what it missed, and the panel shows what it can`, () => {
    const errors = vi.spyOn(console, 'error');
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), fc.boolean(), (changes, inBundle) => {
        const doc = parsePage(fixture.html);
        for (const change of changes) mutate(doc, change);
        const page = parseEpisodePage(doc, ref, fixture.truth.url, { items: 'count' });
        expect(Array.isArray(page.missing)).toBe(true);
        if (page.itemCount === 0) expect(page.missing).toContain('transcript');
        const bundle: RecordLookup = inBundle ? bundled : { status: 'absent' };
        const chosen = chooseSource(page, bundle);
        const episode = buildEpisode(chosen.parts);
        if (bundle.status === 'found') expect(episode.items.length).toBeGreaterThan(0);
        const view = renderPanelView(episode, { source: chosen.note });
        const segments = view.container.querySelectorAll('[data-testid=segment]').length;
        const note = view.container.querySelector('[data-testid=no-transcript]');
        expect(segments > 0 || note !== null).toBe(true);
        if (note) expect(['missing', 'unreadable', 'legacy', 'coming-soon']).toContain(note.getAttribute('data-status'));
        for (const a of view.container.querySelectorAll('a')) expect(a.getAttribute('href') ?? '').toMatch(/^https?:\/\//);
        cleanup();
      }),
      { numRuns: runs },
    );
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  }, 600_000);
}

describe('layout drift on our own fixtures', () => {
  // Each case renders the panel: capped in the long fuzz run so it stays under half an hour.
  for (const fixture of ownEpisodeFixtures()) checkDrift(fixture, Math.min(RUNS, 2000));

  it('says a transcript it cannot read is unreadable, not missing', () => {
    const fixture = ownEpisodeFixtures().find((f) => f.truth.hasTranscript) as PageFixture;
    const drifted = fixture.html.replaceAll('transcript-item', 'transcript-entry');
    const ref = parseEpisodeUrl(fixture.truth.url);
    if (!ref) throw new Error('no ref');
    const page = parseEpisodePage(new DOMParser().parseFromString(drifted, 'text/html'), ref, fixture.truth.url);
    expect(page.itemCount).toBe(0);
    expect(page.parts.transcriptStatus).toBe('unreadable');
    const episode = buildEpisode(chooseSource(page, { status: 'absent' }).parts);
    const view = renderPanelView(episode);
    expect(view.container.querySelector('[data-testid=no-transcript]')?.textContent).toMatch(/layout .* cannot read/);
  });
});

describe('layout drift on the shared fixtures', () => {
  if (!hasSharedPages) it.skip('needs ../shared/fixtures', () => {});
  // Real pages are large: fewer cases each, still every layout the site has.
  for (const fixture of hasSharedPages ? sharedPageFixtures() : []) checkDrift(fixture, Math.max(10, Math.round(RUNS / 15)));
});
