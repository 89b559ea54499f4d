/**
 * How text becomes search terms, shared by the episode search, the archive index build and the
 * highlighter, so a highlighted word is always a word the index matched: split at spaces and
 * punctuation (MiniSearch's own rule), lower-case, and fold accents ("García" is "garcia").
 */

/** MiniSearch's default separator: Unicode spaces, punctuation and line breaks. */
export const TERM_SEPARATOR = /[\n\r\p{Z}\p{P}]+/u;

/** Splits text into raw words. */
export function tokenize(text: string): string[] {
  return text.split(TERM_SEPARATOR).filter((word) => word !== '');
}

/** Where each word of `text` stands, in order: the stretches between separators. */
export function wordSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const separator = new RegExp(TERM_SEPARATOR.source, 'gu');
  let from = 0;
  for (let match = separator.exec(text); ; match = separator.exec(text)) {
    const end = match ? match.index : text.length;
    if (end > from) spans.push({ start: from, end });
    if (!match) break;
    from = match.index + match[0].length;
    if (match[0] === '') separator.lastIndex++;
  }
  return spans;
}

/** The words of `text` that are terms, each with its normalized form and where it stands. */
export function termSpans(text: string): { term: string; start: number; end: number }[] {
  const words: { term: string; start: number; end: number }[] = [];
  for (const span of wordSpans(text)) {
    const term = normalizeTerm(text.slice(span.start, span.end));
    if (term) words.push({ term, ...span });
  }
  return words;
}

/** A word as the index stores it, or null for nothing worth indexing. */
export function normalizeTerm(word: string): string | null {
  const folded = word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return folded === '' ? null : folded;
}

/** The normalized terms of a text, in order, duplicates kept. */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  for (const word of tokenize(text)) {
    const term = normalizeTerm(word);
    if (term) terms.push(term);
  }
  return terms;
}

/** Words of five letters or more may be misspelt by one edit; shorter words must match. */
export function fuzzinessFor(term: string): number | false {
  return [...term].length >= 5 ? 1 : false;
}
