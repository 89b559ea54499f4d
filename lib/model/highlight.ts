/**
 * Marks the words of a text that a search matched. Words are found with the search's own
 * tokenizer and compared after the same normalization, so "García" is marked for "garcia".
 */
import { normalizeTerm, TERM_SEPARATOR } from './terms';

/** A piece of text, marked or not. */
export interface Highlighted {
  text: string;
  mark: boolean;
}

const SEPARATOR_GLOBAL = new RegExp(TERM_SEPARATOR.source, 'gu');

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
  let from = 0;
  SEPARATOR_GLOBAL.lastIndex = 0;
  for (let match = SEPARATOR_GLOBAL.exec(text); match; match = SEPARATOR_GLOBAL.exec(text)) {
    const word = text.slice(from, match.index);
    push(word, terms.has(normalizeTerm(word) ?? ''));
    push(match[0], false);
    from = match.index + match[0].length;
    if (match[0] === '') SEPARATOR_GLOBAL.lastIndex++;
  }
  const tail = text.slice(from);
  push(tail, terms.has(normalizeTerm(tail) ?? ''));
  return pieces;
}
