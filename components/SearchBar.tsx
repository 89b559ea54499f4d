/**
 * The panel's search field with its result count, previous/next match buttons and, when nothing
 * matches, suggestions that would. Enter goes to the next match, Shift+Enter to the previous one.
 */
import type { Ref } from 'preact';
import { useContext } from 'preact/hooks';
import { InputTrust, TrustedButton } from './TrustedButton';

export interface SearchBarProps {
  query: string;
  /** A new query; `typed` when the listener's own input made it (not a page script's events). */
  onQuery: (query: string, typed: boolean) => void;
  /** Items matching the search and the speaker filter (the automation contract's data-count). */
  count: number;
  /** Position of the active match among the results, when there is a query. */
  active: number | null;
  onStep: (direction: 1 | -1) => void;
  suggestions: string[];
  inputRef: Ref<HTMLInputElement>;
  searching: boolean;
  /**
   * Results are on their way (huge transcripts only): the index is still being built, or the
   * query waits for typing to pause.
   */
  pending?: 'indexing' | 'searching' | undefined;
  /**
   * Opens the archive search for the query, when the extension offers it and the query is the
   * listener's own (the button is not there for a query a page script put in the field).
   */
  onSearchArchive?: ((query: string) => void) | undefined;
}

export function SearchBar(props: SearchBarProps) {
  const { count, active, searching } = props;
  const trusted = useContext(InputTrust);
  const status = props.pending
    ? props.pending === 'indexing'
      ? 'Indexing the transcript…'
      : 'Searching…'
    : !searching
      ? `${count} ${count === 1 ? 'item' : 'items'}`
      : count === 0
        ? 'No matches'
        : `${active === null ? count : `${active + 1} of ${count}`} ${count === 1 ? 'match' : 'matches'}`;
  return (
    <search class="search">
      <input
        ref={props.inputRef}
        type="search"
        data-testid="search"
        placeholder="Search the transcript  ( / )"
        aria-label="Search the transcript"
        aria-keyshortcuts="/"
        value={props.query}
        autocomplete="off"
        spellcheck={false}
        onInput={(event) => props.onQuery(event.currentTarget.value, trusted(event))}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            props.onStep(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape' && props.query !== '') {
            event.preventDefault();
            props.onQuery('', trusted(event));
          }
        }}
      />
      <span class="search-count" data-testid="result-count" data-count={count} data-pending={props.pending} aria-live="polite">
        {status}
      </span>
      {searching && count > 0 && (
        <span class="search-steps">
          <button type="button" class="action" onClick={() => props.onStep(-1)} aria-label="Previous match (Shift+Enter)">
            ↑
          </button>
          <button type="button" class="action" onClick={() => props.onStep(1)} aria-label="Next match (Enter)">
            ↓
          </button>
        </span>
      )}
      {searching && props.onSearchArchive && (
        <TrustedButton class="chip" data-testid="search-archive" onClick={() => props.onSearchArchive?.(props.query)}>
          Search all episodes
        </TrustedButton>
      )}
      {searching && count === 0 && props.suggestions.length > 0 && (
        <p class="suggestions">
          Try:{' '}
          {props.suggestions.map((suggestion) => (
            <button
              key={suggestion}
              type="button"
              class="chip chip--suggestion"
              onClick={(event) => props.onQuery(suggestion, trusted(event))}
            >
              {suggestion}
            </button>
          ))}
        </p>
      )}
    </search>
  );
}
