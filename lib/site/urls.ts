import { podcastBySlug, podcastName } from './podcasts';

/** The site every episode lives on; the only origin the extension works with. */
export const SITE_ORIGIN = 'https://changelog.com';

/** The match pattern of every page the extension acts on: its one host permission, content script and resource access. */
export const SITE_MATCH = 'https://changelog.com/*';

/** Where the transcripts are edited; linked when an episode has none yet. */
export const TRANSCRIPTS_REPO_URL = 'https://github.com/thechangelog/transcripts';

/**
 * One episode, named the way the site names it: `https://changelog.com/{podcast}/{slug}`.
 * The slug is usually the episode number ("26") but not always ("meet-rachel-white", "s1e4").
 */
export interface EpisodeRef {
  podcast: string;
  slug: string;
}

/**
 * Second path segments that belong to a show's own pages, not to an episode
 * (the site's router declares them before `/:podcast/:slug`).
 */
const NON_EPISODE_SLUGS = new Set(['feed', 'popular', 'recommended', 'archive', 'submit', 'impress']);

/** The site's slug rule (`Changelog.Regexp.slug`). */
const SLUG = /^[A-Za-z0-9_-]+$/;

/**
 * The episode a changelog.com URL points at, or null for every other page: the home page,
 * a show's index, `/person/…`, `/topic/…`, feeds, other hosts. Query and hash are ignored,
 * so a deep link (`#t=…`, `#transcript-12`) names the same episode.
 */
export function parseEpisodeUrl(url: string | URL): EpisodeRef | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.hostname !== 'changelog.com' && parsed.hostname !== 'www.changelog.com') return null;
  const segments = parsed.pathname.replace(/\/+$/, '').split('/').slice(1);
  if (segments.length !== 2) return null;
  const [podcast, slug] = segments as [string, string];
  if (!podcastBySlug(podcast)) return null;
  if (!SLUG.test(slug) || NON_EPISODE_SLUGS.has(slug)) return null;
  return { podcast, slug };
}

/** The canonical page of an episode. */
export function episodeUrl(ref: EpisodeRef): string {
  return `${SITE_ORIGIN}/${ref.podcast}/${ref.slug}`;
}

/** A link to one transcript item, the anchor the site renders as `a#transcript-N`. */
export function transcriptItemUrl(ref: EpisodeRef, index: number): string {
  return `${episodeUrl(ref)}#transcript-${index}`;
}

/** A link that makes the site's player start at `seconds` (whole seconds, as the site's own links). */
export function timeUrl(ref: EpisodeRef, seconds: number): string {
  return `${episodeUrl(ref)}#t=${Math.max(0, Math.floor(seconds))}`;
}

/** `podcast/slug`, the key the bundle and the popup's `?episode=` use. */
export function episodeKey(ref: EpisodeRef): string {
  return `${ref.podcast}/${ref.slug}`;
}

/** The inverse of {@link episodeKey}; null unless both parts are well formed. */
export function parseEpisodeKey(key: string): EpisodeRef | null {
  const match = /^([a-z0-9]+)\/([A-Za-z0-9_-]+)$/.exec(key);
  if (!match || !podcastBySlug(match[1] as string)) return null;
  return { podcast: match[1] as string, slug: match[2] as string };
}

/**
 * How the extension names an episode everywhere (quotes, hits, link labels, the popup):
 * "Ship It! #26"; for an episode without a number, "JS Party: Meet Rachel White" by its title
 * when known, else by its slug.
 */
export function episodeName(episode: EpisodeRef & { number?: number | undefined; title?: string | undefined }): string {
  const show = podcastName(episode.podcast);
  const number = episode.number ?? episodeNumber(episode.slug);
  if (number !== undefined) return `${show} #${number}`;
  return `${show}: ${episode.title ?? episode.slug}`;
}

/** The episode number when the slug is one ("26"), else undefined ("meet-rachel-white"). */
export function episodeNumber(slug: string): number | undefined {
  return /^\d+$/.test(slug) ? Number(slug) : undefined;
}

/**
 * The episode an archive file stands for, by the repositories' naming rule
 * `[podcast-slug]/[hyphenized-podcast-name]-[episode-slug].md`:
 * `jsparty/js-party-meet-rachel-white.md` is `/jsparty/meet-rachel-white`,
 * `bigtent/big-tent-s1e4.md` is `/bigtent/s1e4`. Accepts paths with leading folders.
 */
export function episodeFromArchivePath(path: string): EpisodeRef | null {
  const parts = path.replace(/\\/g, '/').split('/');
  const file = parts.pop();
  const podcast = parts.pop();
  if (!file || !podcast || !file.endsWith('.md')) return null;
  const show = podcastBySlug(podcast);
  if (!show) return null;
  const stem = file.slice(0, -'.md'.length);
  // Longest prefix first: "the-changelog" must not swallow a longer sibling's name.
  const prefixes = [...show.filePrefixes].sort((a, b) => b.length - a.length);
  for (const prefix of prefixes) {
    if (stem.startsWith(`${prefix}-`)) {
      const slug = stem.slice(prefix.length + 1);
      if (SLUG.test(slug)) return { podcast, slug };
    }
  }
  return null;
}

/** The archive file of an episode (`shipit/ship-it-26.md`), under the canonical prefix. */
export function archivePath(ref: EpisodeRef): string {
  const show = podcastBySlug(ref.podcast);
  const prefix = show?.filePrefixes[0] ?? ref.podcast;
  return `${ref.podcast}/${prefix}-${ref.slug}.md`;
}
