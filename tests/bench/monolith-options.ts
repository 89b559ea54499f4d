/** The peer of the archive search: one MiniSearch over whole episodes, with the extension's own term rules. */
import { fuzzinessFor, normalizeTerm, tokenize } from '@/lib/model/terms';

export const MONOLITH_OPTIONS = {
  fields: ['text'],
  tokenize,
  processTerm: (term: string) => normalizeTerm(term) ?? null,
  searchOptions: { combineWith: 'AND' as const, prefix: true, fuzzy: (term: string) => fuzzinessFor(term) },
};
