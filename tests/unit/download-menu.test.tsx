// @vitest-environment happy-dom
/**
 * The panel's Download menu as a listener uses it, on our own fixture episode: a file per format,
 * named after the episode, holding what the panel shows (a speaker, a search, or all of it when the
 * listener says so); only the listener's own clicks save; nothing offered where saving is not.
 */
import { createRequire } from 'node:module';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { parser as srtParser } from 'srt-validator';
import { afterEach, describe, expect, it, type Mock } from 'vitest';
import { WebVTTParser } from 'webvtt-parser';
import { TranscriptPanel } from '@/components/TranscriptPanel';
import { DEFAULT_PANEL_SETTINGS } from '@/lib/app/settings';
import type { TranscriptFile } from '@/lib/model/transcript-formats/index';
import { ownShipIt990Episode } from '../support/own-fixtures';
import { panelEnvironment, renderPanelView } from '../support/panel-view';

afterEach(cleanup);

const entities = createRequire(import.meta.url)('webvtt-parser/html-entities.json') as Record<string, string>;

const fixtureEpisode = ownShipIt990Episode;

function renderMenu(options: { trustInput?: boolean } = {}) {
  const episode = fixtureEpisode();
  const view = renderPanelView(episode, { ...options, source: { kind: 'bundle', pageHadTranscript: true } });
  const q = (selector: string) => view.container.querySelector<HTMLElement>(selector);
  const saved = () => (view.env.saveFile as Mock<(file: TranscriptFile) => boolean>).mock.calls.map(([file]) => file);
  const click = (selector: string) => {
    const element = q(selector);
    if (!element) throw new Error(`nothing matches ${selector}`);
    fireEvent.click(element);
  };
  const open = () => {
    const details = q('details.download') as HTMLDetailsElement;
    details.open = true;
  };
  const search = (text: string) => fireEvent.input(q('[data-testid=search]') as HTMLInputElement, { target: { value: text } });
  const count = () => Number(q('[data-testid=result-count]')?.getAttribute('data-count'));
  const vttCues = (file: TranscriptFile | undefined) => {
    const parsed = new WebVTTParser(entities).parse(file?.text ?? '');
    expect(parsed.errors).toEqual([]);
    return parsed.cues;
  };
  return { ...view, episode, q, saved, click, open, search, count, vttCues };
}

describe('the Download menu', () => {
  it('offers every format, each button with its data-format', () => {
    const menu = renderMenu();
    expect(menu.q('[data-testid=download-menu]')?.textContent).toBe('Download');
    expect([...menu.container.querySelectorAll('[data-testid=download]')].map((b) => b.getAttribute('data-format'))).toEqual([
      'md',
      'txt',
      'vtt',
      'srt',
      'json',
    ]);
    expect(menu.q('.download-note')?.textContent).toBe('All 20 items');
  });

  it('saves the whole transcript in each format, named after the episode', () => {
    const menu = renderMenu();
    for (const format of ['md', 'txt', 'vtt', 'srt', 'json']) {
      menu.open();
      menu.click(`[data-testid=download][data-format=${format}]`);
    }
    const files = menu.saved();
    expect(files.map((file) => file.name)).toEqual([
      'ship-it-990.md',
      'ship-it-990.txt',
      'ship-it-990.vtt',
      'ship-it-990.srt',
      'ship-it-990.json',
    ]);
    expect(menu.vttCues(files[2])).toHaveLength(20);
    expect(srtParser.parse(files[3]?.text ?? '')).toHaveLength(20);
    expect(JSON.parse(files[4]?.text ?? '').segments).toHaveLength(20);
    expect(files[0]?.text.startsWith('# Ship It! \\#990: Boring pipelines, fast search, accessible tools\n')).toBe(true);
    expect(files[1]?.text).toContain('Transcript © Changelog Media LLC and contributors, CC BY-SA 4.0');
    expect((menu.q('details.download') as HTMLDetailsElement).open).toBe(false);
    expect(menu.q('.download [aria-live]')?.textContent).toBe('Saved ship-it-990.json');
  });

  it('saves what the panel shows: one speaker, then a search within their turns', () => {
    const menu = renderMenu();
    menu.click('[data-testid=speaker][data-speaker="Grace Guest"]');
    const shown = menu.count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(20);
    menu.open();
    expect(menu.q('.download-scope')?.textContent).toContain(`The ${shown} shown`);
    menu.click('[data-testid=download][data-format=vtt]');
    const speakerFile = menu.saved()[0];
    expect(speakerFile?.name).toBe('ship-it-990-excerpt.vtt');
    const cues = menu.vttCues(speakerFile);
    expect(cues).toHaveLength(shown);
    expect(cues.map((cue) => cue.id)).toEqual(
      [...menu.container.querySelectorAll('[data-testid=segment]')].map((segment) => segment.getAttribute('data-index')),
    );
    expect(speakerFile?.text).toContain(`Only what was picked: Grace Guest (${shown} of 20 items).`);
    expect(cues.every((cue) => cue.text.startsWith('<v Grace Guest>'))).toBe(true);

    menu.search('pipelines');
    const found = menu.count();
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThanOrEqual(shown);
    menu.open();
    menu.click('[data-testid=download][data-format=json]');
    const json = JSON.parse(menu.saved()[1]?.text ?? '');
    expect(json.segments).toHaveLength(found);
    expect(json.segments.every((segment: { speaker: string }) => segment.speaker === 'Grace Guest')).toBe(true);
  });

  it('saves the whole transcript when the listener picks All', () => {
    const menu = renderMenu();
    menu.click('[data-testid=speaker][data-speaker="Ada Host"]');
    menu.open();
    fireEvent.click(menu.container.querySelectorAll<HTMLInputElement>('.download-scope input')[1] as HTMLInputElement);
    menu.click('[data-testid=download][data-format=srt]');
    const file = menu.saved()[0];
    expect(file?.name).toBe('ship-it-990.srt');
    expect(srtParser.parse(file?.text ?? '')).toHaveLength(20);
  });

  it('offers nothing to save when nothing is shown', () => {
    const menu = renderMenu();
    menu.search('zzzzzzzz nothing says this');
    expect(menu.count()).toBe(0);
    expect([...menu.container.querySelectorAll<HTMLButtonElement>('[data-testid=download]')].every((button) => button.disabled)).toBe(true);
  });

  it('saves nothing on a click that is not the listener (a page script through the open shadow root)', () => {
    const menu = renderMenu({ trustInput: false });
    menu.open();
    menu.click('[data-testid=download][data-format=vtt]');
    expect(menu.saved()).toEqual([]);
  });

  it('closes on Escape, back on its button', () => {
    const menu = renderMenu();
    menu.open();
    fireEvent.keyDown(menu.q('[data-testid=download][data-format=md]') as HTMLElement, { key: 'Escape' });
    expect((menu.q('details.download') as HTMLDetailsElement).open).toBe(false);
  });

  it('is not there where the panel cannot save files', () => {
    const { env } = panelEnvironment(true);
    const { saveFile: _saveFile, exportInfo: _exportInfo, ...withoutSaving } = env;
    const view = render(
      <TranscriptPanel
        episode={fixtureEpisode()}
        source={{ kind: 'bundle', pageHadTranscript: true }}
        env={withoutSaving}
        settings={DEFAULT_PANEL_SETTINGS}
        onSettings={() => {}}
      />,
    );
    expect(view.container.querySelector('[data-testid=download-menu]')).toBeNull();
  });
});
