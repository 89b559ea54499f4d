/**
 * One transcript item in the panel: who speaks, when (a button that seeks the site's player),
 * the words with search matches marked, and the item's actions (show on page, copy link, copy
 * quote). Text is always text: runs render as elements, never as HTML.
 */
import type { ComponentChildren } from 'preact';
import { formatClock } from '@/lib/model/clock';
import { type Inline, itemStart, type TranscriptItem } from '@/lib/model/episode';
import { highlight } from '@/lib/model/highlight';
import { LinkIcon, PageIcon, QuoteIcon } from './icons';
import { TrustedButton } from './TrustedButton';

export interface ItemRowProps {
  item: TranscriptItem;
  /** Words to mark (normalized search terms). */
  terms: ReadonlySet<string>;
  current: boolean;
  /** The match Enter/Shift+Enter is on. */
  active: boolean;
  canShowOnPage: boolean;
  canSeek: boolean;
  /** Plays from `seconds`, said in item `item` (its start, or a timestamp inside it). */
  onSeek: (seconds: number, item: number) => void;
  onShowOnPage: (index: number) => void;
  onCopyLink: (item: TranscriptItem) => void;
  onCopyQuote: (item: TranscriptItem) => void;
}

function Marked({ text, terms }: { text: string; terms: ReadonlySet<string> }) {
  if (terms.size === 0) return <>{text}</>;
  return <>{highlight(text, terms).map((piece, i) => (piece.mark ? <mark key={i}>{piece.text}</mark> : piece.text))}</>;
}

function Run({ run, terms, canSeek, onSeek }: { run: Inline; terms: ReadonlySet<string>; canSeek: boolean; onSeek: (s: number) => void }) {
  switch (run.kind) {
    case 'text':
      return <Marked text={run.text} terms={terms} />;
    case 'emphasis':
      return (
        <em>
          <Marked text={run.text} terms={terms} />
        </em>
      );
    case 'strong':
      return (
        <strong>
          <Marked text={run.text} terms={terms} />
        </strong>
      );
    case 'code':
      return (
        <code>
          <Marked text={run.text} terms={terms} />
        </code>
      );
    case 'link':
      return (
        <a href={run.url} target="_blank" rel="noopener noreferrer nofollow">
          <Marked text={run.text} terms={terms} />
        </a>
      );
    case 'timestamp':
      return canSeek ? (
        <button type="button" class="inline-time" onClick={() => onSeek(run.seconds)} aria-label={`Play from ${run.text}`}>
          {run.text}
        </button>
      ) : (
        <span class="inline-time">[{run.text}]</span>
      );
  }
}

export function ItemRow(props: ItemRowProps) {
  const { item, terms } = props;
  const start = itemStart(item);
  const estimated = item.start === undefined;
  const clock = `${estimated ? '~' : ''}${formatClock(start)}`;
  const name = item.speaker ?? item.label;
  // The timestamp an item opens with is its start, already shown in the header.
  const opensWithStart = !estimated && item.paragraphs[0]?.[0]?.kind === 'timestamp';
  const paragraphs: ComponentChildren[] = item.paragraphs.map((paragraph, p) => {
    const runs = p === 0 && opensWithStart ? paragraph.slice(1) : paragraph;
    if (runs.length === 0) return null;
    return (
      <p key={p}>
        {runs.map((run, r) => (
          <Run key={r} run={run} terms={terms} canSeek={props.canSeek} onSeek={(seconds) => props.onSeek(seconds, item.index)} />
        ))}
      </p>
    );
  });
  return (
    <article
      class={`segment segment--${item.kind}`}
      data-testid="segment"
      data-index={item.index}
      data-speaker={item.speaker ?? ''}
      data-start={start}
      aria-current={props.current ? 'true' : undefined}
      data-active={props.active ? 'true' : undefined}
      aria-label={`${name} at ${formatClock(start)}`}
    >
      <header class="segment-head">
        <span class="segment-speaker">
          <Marked text={name} terms={terms} />
        </span>
        {props.canSeek ? (
          <button
            type="button"
            class="time"
            data-testid="seek"
            data-start={start}
            onClick={() => props.onSeek(start, item.index)}
            title={estimated ? 'Estimated start: play from about here' : 'Play from here'}
            aria-label={`Play from ${estimated ? 'about ' : ''}${formatClock(start)}`}
          >
            {clock}
          </button>
        ) : (
          <span class="time" title={estimated ? 'Estimated start' : undefined}>
            {clock}
          </span>
        )}
        <span class="segment-actions">
          {props.canShowOnPage && (
            <button
              type="button"
              class="action"
              onClick={() => props.onShowOnPage(item.index)}
              aria-label={`Show ${name}'s turn on the page`}
              title="Show on page"
            >
              <PageIcon />
            </button>
          )}
          <TrustedButton
            class="action"
            data-testid="copy-link"
            onClick={() => props.onCopyLink(item)}
            aria-label="Copy a link to this turn"
            title="Copy link"
          >
            <LinkIcon />
          </TrustedButton>
          <TrustedButton
            class="action"
            data-testid="copy-quote"
            onClick={() => props.onCopyQuote(item)}
            aria-label="Copy as a Markdown quote"
            title="Copy quote"
          >
            <QuoteIcon />
          </TrustedButton>
        </span>
      </header>
      <div class="segment-text">{paragraphs}</div>
    </article>
  );
}
