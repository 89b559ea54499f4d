/**
 * Every selector the extension reads changelog.com through, in one place. Each entry lists its
 * candidates in order of preference; the first is what the site's templates render today
 * (episode/show.html.heex, layout/_player.html.eex), later ones are fallbacks for markup the site
 * has used or might drift to. Each entry's note says which pages it serves and how many elements
 * it matches there; selectors.test.ts checks those counts on every fixture page (an exact number or
 * one taken from the page's truth file wherever there is one, never just "zero or more"), and that
 * each entry's fallbacks are tried. When the site changes, this is the file to touch.
 *
 * Page variants: an episode with a transcript (e.g. Ship It! #26), a legacy episode (no
 * transcript, "⌛️ Legacy Episode"), a coming-soon one ("⏰ Coming Soon"), and pages that are not
 * episodes (a show's index, a person, the news).
 */

export const SELECTORS = {
  /** `<body class="page-episode-show">`: 1 on every episode page, 0 elsewhere (Phoenix names it after the view). */
  episodeBody: ['body.page-episode-show'],
  /** The episode article; the person page also has `article.episode`, hence the title check. */
  episodeArticle: ['article.episode', 'main article'],
  /** `<h1 class="episode-header-title">`. */
  title: ['.episode-header-title', 'article.episode h1'],
  /** `<h3 class="episode-header-subtitle">`, only on episodes with a subtitle. */
  subtitle: ['.episode-header-subtitle'],
  /** "Ship It! – Episode #26": the show link and the number. */
  showTitle: ['.episode-header-show_title'],
  /**
   * The guest avatars in the header; their `title` is the full name and `href` the profile. One per
   * person of the Featuring section (Ship It! #26: 6); 0 on episodes without guests.
   */
  guestAvatars: ['.episode-header-guests a.avatar_list-item', '.avatar_list a[href^="/person/"]'],
  /** "86 minutes", "Published …", "Download (80MB)". */
  summaryMeta: ['.episode-body-summary-meta li'],
  /** The episode summary, where the panel goes on pages without a transcript section. */
  summary: ['.episode-body-summary', '.episode-body'],
  /**
   * Sections are found by their anchors (`<a id="notes" class="anchor">`; `{id}` is the section's:
   * `featuring`, `sponsors`, `notes`, `chapters`, `transcript`), then the section around it, then
   * its body. Every episode page has `notes` and `transcript`; the others only where there is one.
   */
  sectionAnchor: ['a#{id}.anchor', 'a#{id}', '#{id}'],
  section: ['.episode-body-section', 'section'],
  sectionBody: ['.richtext', '.section_body'],
  /** The transcript list: `a#transcript-N.anchor` + `div.transcript-item` pairs. */
  transcript: ['.transcript'],
  /** One transcript item's parts. */
  itemSpeakerName: ['.transcript-item-speaker-name'],
  itemText: ['.transcript-item-text'],
  /**
   * Traces of transcript items in a layout the parser does not know (every episode page with a
   * transcript has them; a page matching these but yielding no items has changed its layout).
   */
  itemTraces: ['a[id^="transcript-"]:not([id="transcript-"])', '[class*="transcript-item"]'],
  /** The note beside the Transcript heading: "📝 Edit Transcript", "⌛️ Legacy Episode", "⏰ Coming Soon". */
  transcriptNote: ['.section_heading-note', '.section_heading a[rel="external"]'],
  /**
   * In the Featuring section (episodes with guests): one person per list item, as many as the
   * header's guest avatars; their links inside it, at least the profile (real pages: 2 each).
   */
  featuredPerson: ['li'],
  featuredLink: ['a[href]'],
  /** In the Sponsors section: one paragraph per sponsor, named by a bold link (or bold text). */
  sponsorParagraph: ['p'],
  sponsorLink: ['strong a', 'a[rel~="sponsored"]'],
  sponsorName: ['strong'],
  /** The Chapters table (episodes with chapters, e.g. Changelog & Friends #47): a row per chapter. */
  chapterRow: ['tbody tr', 'tr[data-chapter]'],
  chapterCell: ['td'],
  chapterStart: ['a[href^="#t="]'],
  chapterLink: ['a[href]:not([href^="#"])'],
  /** An image link inside rich text, named by its image's alt text. */
  linkImage: ['img[alt]'],
  /** The site's player (every episode page): play head as text and as the scrubber's value (seconds). */
  player: ['#player .js-player', '#player'],
  playerCurrent: ['#player .js-player-current', '.js-player-current'],
  playerScrubber: ['#player .js-player-scrubber', '.js-player-scrubber'],
  /**
   * The episode's play buttons, present even where the player UI is not: 2 on an episode with a
   * transcript (the header's and the transcript section's), 1 on legacy and coming-soon episodes.
   */
  playButton: ['a[data-play]'],
} as const;

/** Class names the site puts on elements, where the code looks at an element's classes. */
export const SITE_CLASSES = {
  /** One transcript item's `div` (looked up by class: on a page of 100,000 items a selector costs too much). */
  transcriptItem: 'transcript-item',
  /** Speaker-less items: `Break`, and the "Changelog" items that open and close every transcript list. */
  breakItem: 'transcript-item--break',
  /** The site's links on times (`<a class="timestamp" href="#t=04:15">`): time, not a link to follow. */
  timestamp: 'timestamp',
  /** The player gains this class once something plays. */
  playerActive: 'podcast_player--is-active',
} as const;

/** The id of the anchor before transcript item N, which `#transcript-N` links point at. */
export function itemAnchorId(index: number): string {
  return `transcript-${index}`;
}

/** The N of an item anchor's id (`transcript-12` → 12), or null for any other id. */
export function itemIndexOfAnchor(id: string): number | null {
  const match = /^transcript-(\d+)$/.exec(id);
  return match ? Number(match[1]) : null;
}

export type SelectorName = keyof typeof SELECTORS;

/** The first element any candidate selector of `name` finds under `root`. */
export function select<E extends Element = Element>(root: ParentNode, name: SelectorName): E | null {
  for (const selector of SELECTORS[name]) {
    const found = root.querySelector<E>(selector);
    if (found) return found;
  }
  return null;
}

/** Every element the first matching candidate selector of `name` finds under `root`. */
export function selectAll<E extends Element = Element>(root: ParentNode, name: SelectorName): E[] {
  for (const selector of SELECTORS[name]) {
    const found = root.querySelectorAll<E>(selector);
    if (found.length > 0) return [...found];
  }
  return [];
}

/**
 * The body of a page section found by its anchor id (`featuring`, `sponsors`, `notes`,
 * `chapters`, `transcript`): the anchor's enclosing `.episode-body-section`.
 */
export function sectionById(doc: ParentNode, id: string): Element | null {
  if (!/^[a-z][a-z-]*$/.test(id)) return null; // Section ids are ours, and plain words.
  const anchor = doc.querySelector(SELECTORS.sectionAnchor.map((selector) => selector.replace('{id}', id)).join(', '));
  if (!anchor) return null;
  return anchor.closest(SELECTORS.section.join(', ')) ?? anchor.parentElement;
}
