/**
 * The inline transcript panel, composed of one piece per affordance: the header (collapse,
 * follow-along, text size), search (hooks/useEpisodeSearch), the speaker filter, chapters, the
 * virtualized list of items with their seek and copy buttons, and where the transcript came from.
 * Everything it does to the page goes through {@link PanelEnvironment}, so the same component runs
 * in the content script and in component tests.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SourceNote as Source } from '@/lib/app/choose-source';
import type { PanelSettings } from '@/lib/app/settings';
import type { Chapter, Episode, TranscriptItem } from '@/lib/model/episode';
import type { TranscriptFile } from '@/lib/model/transcript-formats/index';
import type { ExportInfo } from '@/lib/model/transcript-formats/transcript-export';
import { firstItemOfChapter, type PlayerBridge } from '@/lib/site/player';
import { itemLink, quoteMarkdown } from '@/lib/site/quote';
import { ChapterList } from './ChapterList';
import { DownloadMenu } from './DownloadMenu';
import { useAnnouncedCopy } from './hooks/useAnnouncedCopy';
import { useEpisodeSearch } from './hooks/useEpisodeSearch';
import { useFollowAlong } from './hooks/useFollowAlong';
import { useSpeakerSelection } from './hooks/useSpeakerSelection';
import { useTranscriptDownload } from './hooks/useTranscriptDownload';
import { ItemRow } from './ItemRow';
import { NoTranscriptNote } from './NoTranscriptNote';
import { PanelHeader } from './PanelHeader';
import { SearchBar } from './SearchBar';
import { SourceNote } from './SourceNote';
import { SpeakerFilter } from './SpeakerFilter';
import { estimateRowHeight, listHeight, TEXT_SCALE } from './text-size';
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
  /** Saves a file the listener asked for; false when it could not. With `exportInfo`, the Download menu. */
  saveFile?: (file: TranscriptFile) => boolean;
  /** How downloaded transcripts are named and credited (the site's, or another page's own). */
  exportInfo?: ExportInfo;
}

export interface TranscriptPanelProps {
  episode: Episode;
  source: Source;
  env: PanelEnvironment;
  settings: PanelSettings;
  onSettings: (change: Partial<PanelSettings>) => void;
  /** Changes when the reader presses `/` on the page: focus the search. */
  focusSearch?: number;
}

const EMPTY_TERMS: ReadonlySet<string> = new Set();

export function TranscriptPanel({ episode, source, env, settings, onSettings, focusSearch }: TranscriptPanelProps) {
  const items = episode.items;
  const [query, setQuery] = useState('');
  // The last query the listener's own input made: only that one may open the archive search, so
  // a page script that fills the field and focuses the button cannot aim the listener's next key.
  const [typedQuery, setTypedQuery] = useState('');
  const onQuery = useCallback((next: string, typed: boolean) => {
    setQuery(next);
    if (typed) setTypedQuery(next);
  }, []);
  const speakers = useSpeakerSelection();
  const search = useEpisodeSearch(items, query);
  const { announcement, copy } = useAnnouncedCopy(env.copy);
  const [active, setActive] = useState<number | null>(null);
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | undefined>(undefined);
  const searchInput = useRef<HTMLInputElement>(null);
  const scrollToken = useRef(0);

  const visible = useMemo(() => {
    const matching = search.found ? new Set(search.found.items) : null;
    const selected = speakers.selected;
    return items.filter(
      (item) => (selected.size === 0 || (item.speaker !== null && selected.has(item.speaker))) && (!matching || matching.has(item.index)),
    );
  }, [items, search.found, speakers.selected]);
  const terms = search.found?.terms ?? EMPTY_TERMS;
  const download = useTranscriptDownload({
    items,
    visible,
    duration: episode.duration,
    speakers: speakers.selected,
    query: search.found ? query : '',
    info: env.exportInfo,
    save: env.saveFile,
  });
  const suggestions = useMemo(() => search.suggest(visible.length), [search.suggest, visible.length]);
  const positionOf = useMemo(() => new Map(visible.map((item, position) => [item.index, position])), [visible]);

  const scrollTo = useCallback((position: number, align: ScrollRequest['align']) => {
    scrollToken.current += 1;
    setScrollRequest({ position, align, token: scrollToken.current });
  }, []);
  const follow = useFollowAlong({
    player: env.player,
    items,
    chapters: episode.chapters,
    following: settings.follow && !settings.collapsed,
    positionOf,
    scrollTo,
  });

  // A new search or filter starts at the first match.
  useEffect(() => {
    setActive(search.searching && visible.length > 0 ? 0 : null);
    if (visible.length > 0 && (search.searching || speakers.selected.size > 0)) scrollTo(0, 'start');
  }, [search.found, speakers.selected]);

  useEffect(() => {
    if (focusSearch) searchInput.current?.focus();
  }, [focusSearch]);

  // Stable while the results are: the list recomputes its row offsets only when these change.
  const keyAt = useCallback((position: number) => visible[position]?.index ?? position, [visible]);
  const textScale = TEXT_SCALE[settings.textSize];
  const estimateRow = useCallback(
    (position: number, width: number) => estimateRowHeight(visible[position], width, textScale),
    [visible, textScale],
  );
  const height = useMemo(() => listHeight(items, textScale), [items, textScale]);

  const step = (direction: 1 | -1) => {
    if (visible.length === 0) return;
    const next = active === null ? 0 : (active + direction + visible.length) % visible.length;
    setActive(next);
    scrollTo(next, 'reading');
  };

  const onChapter = (chapter: Chapter) => {
    const first = firstItemOfChapter(items, chapter);
    if (env.player.available) follow.seek(chapter.start, first?.index);
    const position = first ? positionOf.get(first.index) : undefined;
    if (position !== undefined) scrollTo(position, 'start');
    follow.userMoved();
  };

  if (items.length === 0) return <NoTranscriptNote status={episode.transcriptStatus} />;

  const episodeRef = { podcast: episode.podcast, slug: episode.slug };
  return (
    <section class={`panel${settings.collapsed ? ' panel--collapsed' : ''}`} aria-label="Transcript tools">
      <PanelHeader
        episode={episode}
        settings={settings}
        onSettings={onSettings}
        canFollow={env.player.available}
        offerBackToNow={follow.outOfView}
        onBackToNow={follow.backToNow}
      >
        {download.available && <DownloadMenu download={download} />}
      </PanelHeader>
      {!settings.collapsed && (
        <div id="panel-body" class="panel-body">
          <SearchBar
            query={query}
            onQuery={onQuery}
            count={visible.length}
            active={active}
            onStep={step}
            suggestions={suggestions}
            inputRef={searchInput}
            searching={search.searching}
            pending={search.pending}
            onSearchArchive={query === typedQuery ? env.openArchiveSearch : undefined}
          />
          <SpeakerFilter speakers={episode.speakers} selected={speakers.selected} onToggle={speakers.toggle} onClear={speakers.clear} />
          <ChapterList chapters={episode.chapters} current={follow.currentChapter} canSeek={env.player.available} onChapter={onChapter} />
          <VirtualList
            className={`segments segments--${settings.textSize}`}
            cssVariables={{ '--text-scale': String(textScale) }}
            layoutKey={settings.textSize}
            height={height}
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
                  current={follow.current?.index === item.index}
                  active={search.searching && active === position}
                  canShowOnPage={env.canShowOnPage}
                  canSeek={env.player.available}
                  onSeek={follow.seek}
                  onShowOnPage={env.showOnPage}
                  onCopyLink={(it) => copy(itemLink(episodeRef, it), 'Link')}
                  onCopyQuote={(it) => copy(quoteMarkdown(episode, it), 'Quote')}
                />
              );
            }}
            scrollRequest={scrollRequest}
            onUserScroll={follow.userMoved}
            onViewChange={follow.onViewChange}
          />
          <SourceNote source={source} />
          <p class="visually-hidden" aria-live="polite">
            {announcement}
          </p>
        </div>
      )}
    </section>
  );
}
