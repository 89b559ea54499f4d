/**
 * The any-site fixture set (tests/fixtures/any-site/: pages laid out as podcast hosts and blogs lay
 * them out, and look-alikes without a transcript) and how a reading is compared with a page's truth.
 * Used by the unit tests and by the bench's quality rows.
 */
import { join } from 'node:path';
import { type ParsedItem, spokenItemText } from '@/lib/model/episode';
import type { AnySiteTruth } from '../fixtures/any-site/source/html';
import { type FixturePage, fixturePagesIn, OWN_FIXTURES_DIR } from './shared';

export type { AnySiteTruth };

export const ANY_SITE_DIR = join(OWN_FIXTURES_DIR, 'any-site');

export type AnySiteFixture = FixturePage<AnySiteTruth>;

export function anySiteFixtures(): AnySiteFixture[] {
  return fixturePagesIn<AnySiteTruth>(ANY_SITE_DIR);
}

/** Text as compared: whitespace collapsed. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The explicit start of an item: its first run, when that is a timestamp. */
function startOf(item: ParsedItem): number | undefined {
  const first = item.paragraphs[0]?.[0];
  return first?.kind === 'timestamp' ? first.seconds : undefined;
}

/**
 * How the items read from a page differ from its truth: every turn's speaker, start and first
 * words, and their count. Empty when they match exactly.
 */
export function differences(items: readonly ParsedItem[] | null, truth: AnySiteTruth): string[] {
  const found = items ?? [];
  const out: string[] = [];
  if (!truth.hasTranscript) return found.length === 0 ? [] : [`found ${found.length} turns on a page without a transcript`];
  if (found.length !== truth.count) out.push(`count ${found.length}, expected ${truth.count}`);
  truth.turns.forEach((expected, i) => {
    const item = found[i];
    if (!item) return;
    if (item.speaker !== expected.speaker) out.push(`turn ${i}: speaker ${item.speaker}, expected ${expected.speaker}`);
    if (startOf(item) !== expected.start) out.push(`turn ${i}: start ${startOf(item)}, expected ${expected.start}`);
    const text = flat(spokenItemText(item));
    if (!text.startsWith(flat(expected.text))) out.push(`turn ${i}: "${text.slice(0, 50)}", expected "${expected.text}"`);
  });
  return out;
}
