/**
 * A show published on changelog.com.
 *
 * `slug` is the first path segment of its pages (`/shipit/26`), `name` what the site prints,
 * and `filePrefixes` the hyphenized names the transcripts and show-notes repositories put
 * before the episode slug (`shipit/ship-it-26.md`). The first prefix is the canonical one;
 * the others are older spellings still present in the show-notes repository.
 */
export interface Podcast {
  slug: string;
  name: string;
  filePrefixes: readonly string[];
  /** True for a show with show notes but no transcripts: nothing of it to search. */
  noTranscripts?: true;
}

/**
 * Every show with transcripts or show notes in the archive, in the site's order of prominence.
 * `reactpodcast` has show notes but no transcripts; `bigtent` has transcripts but no notes.
 */
export const PODCASTS: readonly Podcast[] = [
  { slug: 'podcast', name: 'The Changelog', filePrefixes: ['the-changelog', 'changelog-interviews'] },
  { slug: 'friends', name: 'Changelog & Friends', filePrefixes: ['changelog--friends'] },
  { slug: 'news', name: 'Changelog News', filePrefixes: ['changelog-news'] },
  { slug: 'gotime', name: 'Go Time', filePrefixes: ['go-time'] },
  { slug: 'jsparty', name: 'JS Party', filePrefixes: ['js-party'] },
  { slug: 'practicalai', name: 'Practical AI', filePrefixes: ['practical-ai'] },
  { slug: 'shipit', name: 'Ship It!', filePrefixes: ['ship-it'] },
  { slug: 'founderstalk', name: 'Founders Talk', filePrefixes: ['founders-talk'] },
  { slug: 'brainscience', name: 'Brain Science', filePrefixes: ['brain-science'] },
  { slug: 'backstage', name: 'Backstage', filePrefixes: ['backstage'] },
  { slug: 'rfc', name: 'Request For Commits', filePrefixes: ['request-for-commits'] },
  { slug: 'spotlight', name: 'Spotlight', filePrefixes: ['spotlight'] },
  { slug: 'afk', name: 'Away From Keyboard', filePrefixes: ['away-from-keyboard'] },
  { slug: 'bigtent', name: 'Big Tent', filePrefixes: ['big-tent'] },
  { slug: 'reactpodcast', name: 'React Podcast', filePrefixes: ['the-react-podcast'], noTranscripts: true },
];

/** The shows whose transcripts the archive holds (the archive search's show filter). */
export const TRANSCRIBED_PODCASTS: readonly Podcast[] = PODCASTS.filter((podcast) => !podcast.noTranscripts);

const BY_SLUG = new Map(PODCASTS.map((podcast) => [podcast.slug, podcast]));

/** The show with this URL slug, or undefined for any other path segment. */
export function podcastBySlug(slug: string): Podcast | undefined {
  return BY_SLUG.get(slug);
}

/** The show's display name, falling back to the slug for shows this table does not know. */
export function podcastName(slug: string): string {
  return BY_SLUG.get(slug)?.name ?? slug;
}
