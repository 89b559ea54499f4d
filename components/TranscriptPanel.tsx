/**
 * The inline transcript panel: header, search, speaker filter, chapters, and the list of items
 * with follow-along. Everything it does to the page goes through {@link PanelEnvironment}, so
 * the same component runs in the content script and in component tests.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SourceNote } from '@/lib/app/choose-source';
import { type PanelSettings, TEXT_SIZES, type TextSize } from '@/lib/app/settings';
import { chapterAt } from '@/lib/model/chapters';
import type { Chapter, Episode, TranscriptItem } from '@/lib/model/episode';
import { EpisodeSearch, SYNC_INDEX_LIMIT } from '@/lib/model/episode-search';
import { firstItemOfChapter, itemAt, type PlayerBridge } from '@/lib/site/player';
import { itemLink, quoteMarkdown } from '@/lib/site/quote';
import { TRANSCRIPTS_REPO_URL } from '@/lib/site/urls';
import { ChapterList } from './ChapterList';
import { ItemRow } from './ItemRow';
import { SearchBar } from './SearchBar';
import { SpeakerFilter } from './SpeakerFilter';
import { type ScrollRequest, VirtualList } from './VirtualList';

/** What the panel may do outside itself. */
export interface PanelEnvironment {
  player: PlayerBridge;
  /** Writes text to the clipboard; false when the browser refused. */
  copy: (text: string) => Promise<boolean>;
  /** Scrolls the page's own transcript to an item and flashes it. */
  showOnPage: (index: number) => void;
  /** Whether the page still has its own transcript items to scroll to. */
  canShowOnPage: boolean;
  /** True when the reader prefers reduced motion. */
  reducedMotion: boolean;
  /** Opens the search of every episode for a query (a new tab). */
  openArchiveSearch?: (query: string) => void;
}

export interface TranscriptPanelProps {
  episode: Episode;
  source: SourceNote;
  env: PanelEnvironment;
  settings: PanelSettings;
  onSettings: (change: Partial<PanelSettings>) => void;
  /** Changes when the reader presses `/` on the page: focus the search. */
  focusSearch?: number;
}

/** How long typing must pause before a huge transcript (see SYNC_INDEX_LIMIT) is searched. */
export const HUGE_SEARCH_DELAY_MS = 200;

/** What the panel says when it has no items, by the episode's transcript status. */
const EMPTY_NOTES: Partial<Record<Episode['transcriptStatus'], string>> = {
  legacy: 'This episode was published before Changelog had transcripts; there is none to search.',
  missing: 'The transcript of this episode is not available yet.',
  'coming-soon': 'The transcript of this episode is not available yet.',
  unreadable:
    'This page shows its transcript in a layout this version of the extension cannot read yet; it is on the page below, and an update will bring it back here.',
};

/** After the reader scrolls the list, follow-along leaves it alone this long. */
export const FOLLOW_PAUSE_MS = 4000;

function sourceLine(note: SourceNote): string | null {
  switch (note.kind) {
    case 'bundle':
      return note.pageHadTranscript
        ? 'From the bundled archive (works offline).'
        : "From the bundled archive: this page's transcript could not be read.";
    case 'page':
      if (note.reason === 'newer-than-bundle') {
        return `From this page: it differs from the bundled copy (${note.pageItems} items here, ${note.bundleItems} bundled), so the page wins.`;
      }
      if (note.reason === 'bundle-corrupt') return 'From this page: the bundled copy of this episode could not be read.';
      return 'From this page: this episode is newer than the bundled archive.';
    case 'none':
      return null;
  }
}

/** How much larger than normal each text size sets the transcript (panel.css agrees). */
const TEXT_SCALE: Record<TextSize, number> = { small: 0.88, normal: 1, large: 1.18 };

function estimateHeight(item: TranscriptItem | undefined, width: number, scale: number): number {
  if (!item) return 60 * scale;
  const characters = item.paragraphs.reduce((sum, paragraph) => sum + paragraph.reduce((s, run) => s + run.text.length, 0), 0);
  const perLine = Math.max(20, Math.floor((width - 24) / (7.4 * scale)));
  const lines = item.paragraphs.length + Math.ceil(characters / perLine);
  return (40 + lines * 21) * scale;
}

function nextTextSize(size: TextSize): TextSize {
  return TEXT_SIZES[(TEXT_SIZES.indexOf(size) + 1) % TEXT_SIZES.length] ?? 'normal';
}

function durationLabel(episode: Episode): string | null {
  const last = episode.items[episode.items.length - 1];
  const seconds = episode.duration ?? (last ? last.estimatedStart : undefined);
  if (!seconds) return null;
  const minutes = Math.round(seconds / 60);
  return `${episode.duration === undefined ? '~' : ''}${minutes} min`;
}

export function TranscriptPanel({ episode, source, env, settings, onSettings, focusSearch }: TranscriptPanelProps) {
  const items = episode.items;
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState<number | null>(null);
  const [playhead, setPlayhead] = useState<number | null>(null);
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | undefined>(undefined);
  // The rows in view change on every search and scroll; only whether the playing item is among
  // them shows on screen (Back to now), so only that is state: no second render per keystroke.
  const visibleKeys = useRef<ReadonlySet<number>>(new Set());
  const [, setPlayingInView] = useState(true);
  const [announcement, setAnnouncement] = useState('');
  const lastUserScroll = useRef(0);
  const searchInput = useRef<HTMLInputElement>(null);
  const scrollToken = useRef(0);

  // The index is built (and its query code warmed) when the browser is idle or on first use, not
  // before the first paint; a huge transcript is indexed in chunks in the background instead
  // (see SYNC_INDEX_LIMIT).
  const huge = items.length > SYNC_INDEX_LIMIT;
  const searchIndex = useRef<EpisodeSearch | null>(null);
  const [chunkedIndex, setChunkedIndex] = useState<EpisodeSearch | null>(null);
  const getSearch = useCallback((): EpisodeSearch | null => {
    if (huge) return chunkedIndex;
    searchIndex.current ??= EpisodeSearch.build(items);
    return searchIndex.current;
  }, [items, huge, chunkedIndex]);
  useEffect(() => {
    searchIndex.current = null;
    setChunkedIndex(null);
    if (huge) {
      let live = true;
      void EpisodeSearch.buildInChunks(items).then((index) => live && setChunkedIndex(index));
      return () => {
        live = false;
      };
    }
    if (typeof requestIdleCallback !== 'function') return;
    const handle = requestIdleCallback(() => getSearch()?.warm(items));
    return () => cancelIdleCallback(handle);
  }, [items]);

  // On a huge transcript a query costs more than a keystroke's frame: search once typing pauses.
  const [settledQuery, setSettledQuery] = useState(query);
  useEffect(() => {
    if (!huge) {
      setSettledQuery(query);
      return;
    }
    const timer = setTimeout(() => setSettledQuery(query), HUGE_SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, huge]);
  const searchQuery = huge ? settledQuery : query;
  const searching = searchQuery.trim() !== '';
  const engine = searching ? getSearch() : null;
  const pending = searching && engine === null ? 'indexing' : huge && query !== settledQuery ? 'searching' : undefined;
  const found = useMemo(() => (searching && engine ? engine.search(searchQuery) : null), [searching, searchQuery, engine]);
  const visible = useMemo(() => {
    const matching = found ? new Set(found.items) : null;
    return items.filter(
      (item) => (selected.size === 0 || (item.speaker !== null && selected.has(item.speaker))) && (!matching || matching.has(item.index)),
    );
  }, [items, found, selected]);
  const terms = found?.terms ?? EMPTY_TERMS;
  const suggestions = useMemo(
    () => (found && engine && visible.length === 0 ? engine.suggest(searchQuery) : []),
    [found, engine, visible.length, searchQuery],
  );

  // Stable while the results are: the list recomputes its row offsets only when these change.
  const keyAt = useCallback((position: number) => visible[position]?.index ?? position, [visible]);
  const textScale = TEXT_SCALE[settings.textSize];
  const estimateRow = useCallback(
    (position: number, width: number) => estimateHeight(visible[position], width, textScale),
    [visible, textScale],
  );
  const positionOf = useMemo(() => new Map(visible.map((item, position) => [item.index, position])), [visible]);
  const current = playhead === null ? undefined : itemAt(items, playhead);
  const currentChapter = playhead === null ? undefined : chapterAt(episode.chapters, playhead);

  const scrollTo = useCallback((position: number, align: ScrollRequest['align']) => {
    scrollToken.current += 1;
    setScrollRequest({ position, align, token: scrollToken.current });
  }, []);

  // A new search or filter starts at the first match.
  useEffect(() => {
    setActive(searching && visible.length > 0 ? 0 : null);
    if (visible.length > 0 && (searching || selected.size > 0)) scrollTo(0, 'start');
  }, [found, selected]);

  useEffect(() => env.player.subscribe(setPlayhead), [env.player]);

  // Follow-along: keep the item playing in view unless the reader scrolled away just now.
  useEffect(() => {
    if (!settings.follow || !current || settings.collapsed) return;
    if (Date.now() - lastUserScroll.current < FOLLOW_PAUSE_MS) return;
    const position = positionOf.get(current.index);
    if (position !== undefined && !visibleKeys.current.has(current.index)) scrollTo(position, 'reading');
  }, [current?.index, settings.follow, settings.collapsed]);

  useEffect(() => {
    if (focusSearch) searchInput.current?.focus();
  }, [focusSearch]);

  const step = (direction: 1 | -1) => {
    if (visible.length === 0) return;
    const next = active === null ? 0 : (active + direction + visible.length) % visible.length;
    setActive(next);
    scrollTo(next, 'reading');
  };

  const seek = (seconds: number) => {
    env.player.seek(seconds);
    setPlayhead(seconds);
    lastUserScroll.current = 0;
  };

  const onChapter = (chapter: Chapter) => {
    if (env.player.available) seek(chapter.start);
    const first = firstItemOfChapter(items, chapter);
    const position = first ? positionOf.get(first.index) : undefined;
    if (position !== undefined) scrollTo(position, 'start');
    lastUserScroll.current = Date.now();
  };

  const copy = async (text: string, what: string) => {
    const ok = await env.copy(text);
    setAnnouncement(ok ? `${what} copied` : `Could not copy the ${what.toLowerCase()}`);
  };
  const episodeRef = { podcast: episode.podcast, slug: episode.slug };

  const toggleSpeaker = (name: string) => {
    const next = new Set(selected);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    setSelected(next);
  };

  const backToNow = () => {
    if (!current) return;
    lastUserScroll.current = 0;
    const position = positionOf.get(current.index);
    if (position !== undefined) scrollTo(position, 'reading');
  };
  const currentOutOfView = current !== undefined && positionOf.has(current.index) && !visibleKeys.current.has(current.index);

  // The list keeps the height the whole transcript needs (up to a cap) while searching and
  // filtering, so typing never makes the page below jump.
  const listHeight = useMemo(() => {
    let total = 0;
    for (const item of items) {
      total += estimateHeight(item, 600, textScale);
      if (total > 2000) break;
    }
    return `min(70vh, 40rem, ${Math.max(120, total)}px)`;
  }, [items, textScale]);

  const meta = [`${items.length} items`, `${episode.speakers.length} speakers`, durationLabel(episode)].filter(Boolean).join(' · ');
  const note = sourceLine(source);

  if (items.length === 0) {
    return (
      <section class="panel panel--empty" aria-label="Transcript tools">
        <p class="empty-note" data-testid="no-transcript" data-status={episode.transcriptStatus}>
          {EMPTY_NOTES[episode.transcriptStatus] ?? EMPTY_NOTES.missing}{' '}
          <a href={TRANSCRIPTS_REPO_URL} target="_blank" rel="noopener noreferrer">
            Changelog's transcripts on GitHub
          </a>
        </p>
      </section>
    );
  }

  return (
    <section class={`panel${settings.collapsed ? ' panel--collapsed' : ''}`} aria-label="Transcript tools">
      <header class="panel-head">
        <button
          type="button"
          class="panel-toggle"
          aria-expanded={settings.collapsed ? 'false' : 'true'}
          aria-controls="panel-body"
          onClick={() => onSettings({ collapsed: !settings.collapsed })}
        >
          <span class="panel-caret" aria-hidden="true">
            {settings.collapsed ? '▸' : '▾'}
          </span>{' '}
          <strong>Transcript</strong> <span class="panel-meta">{meta}</span>
        </button>
        {!settings.collapsed && (
          <span class="panel-controls">
            {env.player.available && (
              <button
                type="button"
                class="chip"
                data-testid="follow"
                aria-pressed={settings.follow ? 'true' : 'false'}
                onClick={() => onSettings({ follow: !settings.follow })}
                title="Scroll along with the audio"
              >
                Follow along
              </button>
            )}
            {env.player.available && settings.follow && currentOutOfView && (
              <button type="button" class="chip chip--now" data-testid="back-to-now" onClick={backToNow}>
                Back to now
              </button>
            )}
            <button
              type="button"
              class="chip"
              data-testid="text-size"
              data-size={settings.textSize}
              aria-label={`Text size: ${settings.textSize}`}
              title="Change the transcript's text size"
              onClick={() => onSettings({ textSize: nextTextSize(settings.textSize) })}
            >
              <span aria-hidden="true">Aa</span>
            </button>
          </span>
        )}
      </header>
      {!settings.collapsed && (
        <div id="panel-body" class="panel-body">
          <SearchBar
            query={query}
            onQuery={setQuery}
            count={visible.length}
            active={active}
            onStep={step}
            suggestions={suggestions}
            inputRef={searchInput}
            searching={searching}
            pending={pending}
            onSearchArchive={env.openArchiveSearch}
          />
          <SpeakerFilter speakers={episode.speakers} selected={selected} onToggle={toggleSpeaker} onClear={() => setSelected(new Set())} />
          <ChapterList chapters={episode.chapters} current={currentChapter} canSeek={env.player.available} onChapter={onChapter} />
          <VirtualList
            className={`segments segments--${settings.textSize}`}
            layoutKey={settings.textSize}
            height={listHeight}
            label="Transcript items"
            count={visible.length}
            keyAt={keyAt}
            estimateHeight={estimateRow}
            renderRow={(position) => {
              const item = visible[position] as TranscriptItem;
              return (
                <ItemRow
                  item={item}
                  terms={terms}
                  current={current?.index === item.index}
                  active={searching && active === position}
                  canShowOnPage={env.canShowOnPage}
                  canSeek={env.player.available}
                  onSeek={seek}
                  onShowOnPage={env.showOnPage}
                  onCopyLink={(it) => copy(itemLink(episodeRef, it), 'Link')}
                  onCopyQuote={(it) => copy(quoteMarkdown(episode, it), 'Quote')}
                />
              );
            }}
            scrollRequest={scrollRequest}
            onUserScroll={() => {
              lastUserScroll.current = Date.now();
            }}
            onViewChange={(keys) => {
              visibleKeys.current = keys;
              setPlayingInView(current === undefined || keys.has(current.index));
            }}
          />
          {note && (
            <p class="source-note" data-testid="source-note" data-source={source.kind}>
              {note}
            </p>
          )}
          <p class="visually-hidden" aria-live="polite">
            {announcement}
          </p>
        </div>
      )}
    </section>
  );
}

const EMPTY_TERMS: ReadonlySet<string> = new Set();
