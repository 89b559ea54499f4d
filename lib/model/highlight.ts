/**
 * Marks the words of a text that a search matched. Words are found with the search's own
 * tokenizer and compared after the same normalization, so "García" is marked for "garcia".
 */
import { normalizeTerm, wordSpans } from './terms';

/** A piece of text, marked or not. */
export interface Highlighted {
  text: string;
  mark: boolean;
}

/**
 * `text` cut into pieces, words whose normalized form is in `terms` marked. Adjacent pieces of
 * the same kind are merged; the pieces joined give back `text` exactly.
 */
export function highlight(text: string, terms: ReadonlySet<string>): Highlighted[] {
  if (terms.size === 0 || text === '') return text === '' ? [] : [{ text, mark: false }];
  const pieces: Highlighted[] = [];
  const push = (piece: string, mark: boolean) => {
    if (piece === '') return;
    const last = pieces[pieces.length - 1];
    if (last && last.mark === mark) last.text += piece;
    else pieces.push({ text: piece, mark });
  };
  let at = 0;
  for (const { start, end } of wordSpans(text)) {
    push(text.slice(at, start), false);
    const word = text.slice(start, end);
    push(word, terms.has(normalizeTerm(word) ?? ''));
    at = end;
  }
  push(text.slice(at), false);
  return pieces;
}
