/**
 * What a link points at, from its URL and the emoji the show notes put before it, and a readable
 * label for links to other Changelog episodes ("Go Time #201").
 */
import type { LinkKind } from '../model/episode';
import { podcastName } from './podcasts';
import { episodeName, parseEpisodeUrl } from './urls';

/** Emoji the notes use as a kind marker, e.g. `- 🎬 [talk](…)`. */
const EMOJI_KINDS: [RegExp, LinkKind][] = [
  [/🎬|🎥|📺|📹/u, 'video'],
  [/🎙|🎧|📻/u, 'episode'],
  [/📘|📗|📕|📙|📚|📖/u, 'book'],
  [/📄|📝|📰/u, 'article'],
];

/** Short domains that redirect to a show's episodes: `gotime.fm/201` is Go Time #201. */
const SHOW_DOMAINS: Record<string, string> = {
  'changelog.fm': 'podcast',
  'gotime.fm': 'gotime',
  'jsparty.fm': 'jsparty',
  'practicalai.fm': 'practicalai',
  'shipit.show': 'shipit',
  'founderstalk.fm': 'founderstalk',
  'brainscience.fm': 'brainscience',
};

function pathParts(url: URL): string[] {
  return url.pathname.split('/').filter((part) => part !== '');
}

/** A readable name for a link to a Changelog episode, e.g. "Go Time #201"; undefined otherwise. */
export function episodeLabel(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  const host = url.hostname.replace(/^www\./, '');
  const shortShow = SHOW_DOMAINS[host];
  const parts = pathParts(url);
  if (shortShow && parts.length === 1 && /^\d+$/.test(parts[0] as string)) {
    return `${podcastName(shortShow)} #${parts[0]}`;
  }
  const ref = parseEpisodeUrl(url);
  return ref ? episodeName(ref) : undefined;
}

function kindFromUrl(href: string): LinkKind {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'article';
  }
  const host = url.hostname
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/^m\./, '');
  const parts = pathParts(url);
  const path = url.pathname.toLowerCase();

  if (episodeLabel(href)) return 'episode';
  if (host === 'changelog.com' && parts[0] === 'person') return 'profile';
  if (host === 'youtube.com' && (parts[0] === 'watch' || parts[0] === 'live' || parts[0] === 'shorts' || parts[0] === 'embed'))
    return 'video';
  if (host === 'youtu.be' || (host === 'vimeo.com' && /^\d+$/.test(parts[0] ?? ''))) return 'video';
  if (host === 'twitch.tv' && parts[1] === 'videos') return 'video';
  if (host === 'podcasts.apple.com' || (host === 'open.spotify.com' && parts[0] === 'episode') || host === 'overcast.fm') return 'episode';

  if ((host === 'twitter.com' || host === 'x.com') && parts[1] === 'status') return 'post';
  if (host === 'bsky.app' && parts[2] === 'post') return 'post';
  if (host === 'threads.net' && parts[1] === 'post') return 'post';
  if (host === 'linkedin.com' && (parts[0] === 'posts' || parts[0] === 'feed')) return 'post';
  if (host === 'news.ycombinator.com' && parts[0] === 'item') return 'post';
  if (host === 'reddit.com' && parts[2] === 'comments') return 'post';
  if (/^@[\w.]+$/.test(parts[0] ?? '') && /^\d{6,}$/.test(parts[1] ?? '')) return 'post'; // Mastodon

  if (host === 'gist.github.com' && parts.length >= 2) return 'repository';
  if ((host === 'github.com' || host === 'gitlab.com' || host === 'codeberg.org' || host === 'bitbucket.org') && parts.length >= 2) {
    return 'repository';
  }
  if (host === 'git.sr.ht' && parts.length >= 2) return 'repository';

  if (['twitter.com', 'x.com', 'github.com', 'gitlab.com', 'instagram.com', 'threads.net'].includes(host) && parts.length === 1) {
    return 'profile';
  }
  if (host === 'linkedin.com' && parts[0] === 'in') return 'profile';
  if (host === 'bsky.app' && parts[0] === 'profile') return 'profile';
  if (/^@[\w.]+$/.test(parts[0] ?? '') && parts.length === 1) return 'profile';

  if ((host === 'npmjs.com' && parts[0] === 'package') || (host === 'pypi.org' && parts[0] === 'project')) return 'package';
  if ((host === 'crates.io' && parts[0] === 'crates') || host === 'pkg.go.dev') return 'package';
  if ((host === 'rubygems.org' && parts[0] === 'gems') || (host === 'hex.pm' && parts[0] === 'packages')) return 'package';

  if (host === 'arxiv.org' || host === 'doi.org' || host === 'dl.acm.org' || host === 'papers.nips.cc' || host === 'openreview.net') {
    return 'paper';
  }
  if (path.endsWith('.pdf')) return 'paper';
  if (host.endsWith('amazon.com') && (parts.includes('dp') || parts.includes('gp'))) return 'book';
  if ((host === 'manning.com' && parts[0] === 'books') || (host === 'pragprog.com' && parts[0] === 'titles')) return 'book';

  if (parts.length === 0) return 'website';
  return 'article';
}

/**
 * The kind of a link: the emoji before it when the notes mark one, else what its URL says.
 * `leading` is the text right before the link in its list item.
 */
export function linkKind(url: string, leading = ''): LinkKind {
  const urlKind = kindFromUrl(url);
  if (urlKind === 'episode' || urlKind === 'video') return urlKind;
  const tail = leading.slice(-8);
  for (const [emoji, kind] of EMOJI_KINDS) if (emoji.test(tail)) return kind;
  return urlKind;
}
