/**
 * Which dictionary terms a query word stands for, as the panel's search does: the word itself; its
 * completions when it is the word being typed (prefix); words one typo away when it has five
 * letters or more (one edit). A typo is taken only for a word at least as common as the one typed.
 */
import { fuzzinessFor } from '../model/terms';
import { type Dictionary, isDense, termPosition } from './index-dictionary';
import { SPEAKER_PREFIX } from './index-format';

/** How much an expansion counts against the word typed (MiniSearch's own weights, roughly). */
export const PREFIX_WEIGHT = 0.5;
export const FUZZY_WEIGHT = 0.45;
/** At most this many completions, and this many typos, per word, the most frequent first, to bound the shards read. */
export const MAX_EXPANSIONS = 24;

/** A dictionary term a query word stands for. */
export interface Expansion {
  /** The term's position in the dictionary. */
  at: number;
  /** 1 for the word as typed, {@link PREFIX_WEIGHT} or {@link FUZZY_WEIGHT}. */
  weight: number;
  /** Spelled as typed (the word or a completion), not a typo: what a phrase can be made of. */
  spelled: boolean;
}

/** Whether `a` and `b` are at most one insertion, deletion or substitution apart (no allocation). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // After the first difference, the rest must match with a skipped in a, in b, or in both.
  const skipA = la >= lb ? 1 : 0;
  const skipB = lb >= la ? 1 : 0;
  for (let x = i + skipA, y = i + skipB; x < la || y < lb; x++, y++) {
    if (a.charCodeAt(x) !== b.charCodeAt(y)) return false;
  }
  return true;
}

function byFrequency(dict: Dictionary): (a: number, b: number) => number {
  return (a, b) => (dict.frequencies[b] as number) - (dict.frequencies[a] as number);
}

/**
 * The terms `word` stands for, the word itself first, then completions, then typos, each the most
 * frequent first. `last`: the word is still being typed (the query's last, unquoted), so its
 * completions count. Completions and typos among the archive's commonest words (the dense ones:
 * "the" for "th") are left out: they would match everything and cost the most to read.
 */
export function expandWord(dict: Dictionary, word: string, last: boolean): Expansion[] {
  const found = new Map<number, number>();
  const exact = termPosition(dict, word);
  if (dict.terms[exact] === word) found.set(exact, 1);
  if (last && word.length >= 2) {
    const prefixed: number[] = [];
    for (let at = exact; at < dict.terms.length && (dict.terms[at] as string).startsWith(word); at++) {
      if (dict.terms[at] !== word && !isDense(dict, at)) prefixed.push(at);
    }
    prefixed.sort(byFrequency(dict));
    for (const at of prefixed.slice(0, MAX_EXPANSIONS)) found.set(at, PREFIX_WEIGHT);
  }
  if (fuzzinessFor(word) !== false) {
    // A typo is taken for a word at least as common as what was typed (the noisy channel: a
    // listener who types a word the archive says often meant it, not its rarer neighbours), so
    // "right" does not read the shards of "bright", "fight" and "rights".
    const typed = dict.terms[exact] === word ? (dict.frequencies[exact] as number) : 0;
    const fuzzy: number[] = [];
    for (let length = word.length - 1; length <= word.length + 1; length++) {
      for (const at of dict.byLength.get(length) ?? []) {
        if (found.has(at) || isDense(dict, at) || (dict.terms[at] as string).startsWith(SPEAKER_PREFIX)) continue;
        if ((dict.frequencies[at] as number) >= typed && withinOneEdit(dict.terms[at] as string, word)) fuzzy.push(at);
      }
    }
    fuzzy.sort(byFrequency(dict));
    for (const at of fuzzy.slice(0, MAX_EXPANSIONS)) found.set(at, FUZZY_WEIGHT);
  }
  return [...found].map(([at, weight]) => ({ at, weight, spelled: weight !== FUZZY_WEIGHT }));
}
