/**
 * The one model of an episode that every part of the extension shares. The page parser
 * (`lib/site/page.ts`), the archive Markdown parsers (pipeline/markdown/) and the bundle's record loader all
 * produce {@link EpisodeParts}; `buildEpisode` (build-episode.ts) derives the rest, so the
 * panel and the popup never care where an episode came from.
 */
/**
 * A run of transcript or notes text with one style. Runs are flat (no nesting): a link inside
 * emphasis is a link, emphasis inside a link is link text. Only http(s) URLs ever become
 * `link` runs; anything else stays `text`.
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'emphasis'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; url: string }
  /** A bracketed transcript timestamp (`[04:15]`), the only kind of time the transcript anchors on. */
  | { kind: 'timestamp'; text: string; seconds: number };

/** One paragraph (or list item, or heading) of an item's text. */
export type Paragraph = Inline[];

/**
 * What a transcript item is:
 * - `speech`: a turn by a named speaker;
 * - `break`: the site's `Break` marker (an ad break, usually carrying a timestamp);
 * - `interlude`: a speaker-less label such as `Jingle`, `Intro` or `Outro`;
 * - `unattributed`: text before the first speaker marker, which the site labels `Unknown`.
 */
export type ItemKind = 'speech' | 'break' | 'interlude' | 'unattributed';

/** A transcript item as a parser sees it, before timing is estimated. */
export interface ParsedItem {
  /** The N of the site's `a#transcript-N` anchor: the item's position, from 0. */
  index: number;
  /** What the site prints as the item's speaker: a name, `Break`, `Unknown`, … */
  label: string;
  /** The speaker's name, or null for speaker-less items (`Break`, `Jingle`, `Unknown`, …). */
  speaker: string | null;
  kind: ItemKind;
  paragraphs: Paragraph[];
  /**
   * Paragraphs that mark an ad break inside the item (the archive's `**Break**: [18:45]`, which the
   * site leaves in the turn before it): each opens with its marker, a bold `Break` and a colon,
   * which no one says. Absent when there are none.
   */
  breaks?: number[];
}

/** A transcript item with its derived numbers. */
export interface TranscriptItem extends ParsedItem {
  /** Words said, timestamps not counted. */
  words: number;
  /** The explicit start in seconds, when the item opens with a bracketed timestamp. */
  start?: number;
  /**
   * The best known start in seconds: the explicit start when there is one, else interpolated by
   * word count between the transcript's timestamps (0 at the start, the duration at the end when
   * known). Never decreases from one item to the next.
   */
  estimatedStart: number;
}

/** A speaker with how much they said, in order of first appearance. */
export interface SpeakerStats {
  name: string;
  turns: number;
  words: number;
}

/**
 * A chapter: given by the site (its chapters table or `/chapters` JSON) or derived by us from the
 * transcript's `Break` items. `start` and `end` are seconds; `end` is unknown for the last
 * derived chapter of an episode of unknown length.
 */
export interface Chapter {
  number: number;
  title: string;
  start: number;
  end?: number;
  /** A link the site attaches to the chapter, http(s) only. */
  url?: string;
  source: 'site' | 'derived';
  /** For derived chapters, the index of the first item of the segment. */
  firstItem?: number;
}

/**
 * What a link in the show notes points at, judged from its URL and the emoji the notes put
 * before it (🎬 video, 🎙 podcast episode, 📘 book).
 */
export type LinkKind = 'episode' | 'video' | 'repository' | 'post' | 'profile' | 'package' | 'paper' | 'book' | 'article' | 'website';

/** Every {@link LinkKind}, for the checks of what comes from outside (records, the popup's messages). */
export const LINK_KINDS: ReadonlySet<LinkKind> = new Set<LinkKind>([
  'episode',
  'video',
  'repository',
  'post',
  'profile',
  'package',
  'paper',
  'book',
  'article',
  'website',
]);

/** A link of the show notes, with what follows it in the notes. */
export interface NoteLink {
  text: string;
  /** An absolute http(s) URL. */
  url: string;
  /** The host without `www.`, e.g. `github.com`. */
  domain: string;
  kind: LinkKind;
  /** A readable name for changelog.com episode links, e.g. "Go Time #201". */
  label?: string;
  /** The text after the link in its list item or paragraph, separators (` - `, `: `) removed. */
  description?: string;
}

/** A section of the show notes: links under one heading (null before the first heading). */
export interface NotesSection {
  heading: string | null;
  links: NoteLink[];
}

/** A sponsor of the episode, as the page lists them (not in the archive). */
export interface Sponsor {
  name: string;
  url?: string;
  description: string;
}

/** A person the page features, with their profile links (not in the archive). */
export interface FeaturedPerson {
  name: string;
  /** Their changelog.com profile, when the page links it. */
  profile?: string;
  links: { text: string; url: string }[];
}

/** A link cited inside the transcript, with the item that cites it. */
export interface CitedLink {
  text: string;
  url: string;
  domain: string;
  item: number;
  speaker: string | null;
  /** The citing item's best known start, seconds. */
  at: number;
}

/**
 * Whether the episode has a transcript: `available`, or the site's two notes when it has none
 * (`legacy`: published before transcripts; `coming-soon`: not written yet), or `missing` when
 * neither the page nor the bundle has one and the page does not say why, or `unreadable` when the
 * page shows a transcript in a layout the parser does not know (the site changed) and the bundle
 * has none either.
 */
export type TranscriptStatus = 'available' | 'legacy' | 'coming-soon' | 'missing' | 'unreadable';

/** Everything a source (page, archive Markdown, bundle record) can tell about an episode. */
export interface EpisodeParts {
  podcast: string;
  slug: string;
  number?: number;
  title?: string;
  subtitle?: string;
  /** Length in seconds, when the source knows it. */
  duration?: number;
  items: ParsedItem[];
  transcriptStatus?: TranscriptStatus;
  notes?: NotesSection[];
  /** Chapters the site gives; derived chapters are added by `buildEpisode` when absent. */
  chapters?: Chapter[];
  sponsors?: Sponsor[];
  featuring?: FeaturedPerson[];
}

/** The episode as the panel and the popup use it. */
export interface Episode {
  podcast: string;
  slug: string;
  number?: number;
  title?: string;
  subtitle?: string;
  duration?: number;
  transcriptStatus: TranscriptStatus;
  items: TranscriptItem[];
  speakers: SpeakerStats[];
  chapters: Chapter[];
  notes: NotesSection[];
  sponsors: Sponsor[];
  featuring: FeaturedPerson[];
  transcriptLinks: CitedLink[];
}

/** Plain text of a paragraph, timestamps included as written ("[04:15]"). */
export function paragraphText(paragraph: Paragraph): string {
  let text = '';
  for (const run of paragraph) text += run.kind === 'timestamp' ? `[${run.text}]` : run.text;
  return text;
}

/**
 * The words said in a paragraph: its text without the timestamps, each replaced by `timestampAs`
 * (a space where the words on either side must stay apart, as for the archive's tokens).
 */
export function spokenText(paragraph: Paragraph, timestampAs = ''): string {
  let text = '';
  for (const run of paragraph) text += run.kind === 'timestamp' ? timestampAs : run.text;
  return text;
}

/**
 * The words said in an item (see {@link spokenText}), its paragraphs joined by `between`: what
 * search indexes, snippets show and chapter titles quote.
 */
export function spokenItemText(item: ParsedItem, between = ' ', timestampAs = ' '): string {
  return item.paragraphs.map((paragraph) => spokenText(paragraph, timestampAs)).join(between);
}

/** Plain text of an item, paragraphs separated by blank lines. */
export function itemText(item: ParsedItem): string {
  return item.paragraphs.map(paragraphText).join('\n\n');
}

/** The explicit start of an item: its first run, when that run is a bracketed timestamp. */
export function explicitStart(item: ParsedItem): number | undefined {
  for (const paragraph of item.paragraphs) {
    for (const run of paragraph) {
      if (run.kind === 'timestamp') return run.seconds;
      if (run.text.trim() !== '') return undefined;
    }
  }
  return undefined;
}

/** The start a listener should hear an item from: its explicit timestamp, else the estimate. */
export function itemStart(item: TranscriptItem): number {
  return item.start ?? item.estimatedStart;
}
