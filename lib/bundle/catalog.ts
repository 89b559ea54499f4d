/**
 * The catalog of the bundled index: one line per episode (enough to list it, look it up by URL and
 * check a page against it) plus when and from what the bundle was built.
 */
import { type EpisodeRef, episodeKey } from '../changelog/urls';
import { CorruptRecordError } from './record';

/** Bumped whenever the catalog's shape changes. */
export const CATALOG_VERSION = 1;

/** Where the bundle's files live inside the extension package. */
export const BUNDLE_DIR = 'data';
export const CATALOG_FILE = `${BUNDLE_DIR}/catalog.bin`;

/**
 * The slugs of one show the bundle has, as a plain JSON array: a few hundred bytes the content
 * script reads to know whether to fetch a record (fetching a missing file logs an error).
 */
export function showListPath(podcast: string): string {
  return `${BUNDLE_DIR}/shows/${podcast}.json`;
}

/** The slugs a show list file holds; throws on anything that is not one. */
export function decodeShowList(value: unknown): Set<string> {
  if (!Array.isArray(value) || !value.every((slug) => typeof slug === 'string')) {
    throw new CorruptRecordError('corrupt show list: not an array of slugs');
  }
  return new Set(value);
}

/** The record file of an episode (compressed; deliberately not named `.gz`, which one store rejects). */
export function recordPath(ref: EpisodeRef): string {
  return `${BUNDLE_DIR}/episodes/${ref.podcast}/${ref.slug}.bin`;
}

/** One episode of the bundle. */
export interface CatalogEpisode {
  podcast: string;
  slug: string;
  number?: number;
  /** Transcript items; 0 for an episode with show notes only. */
  items: number;
  /** Speakers in order of first appearance. */
  speakers: string[];
  /** Length in seconds when the archive tells it (its last timestamp is a lower bound, not this). */
  duration?: number;
  /** A short hash of the record's bytes, to tell records apart across builds. */
  hash: string;
}

/** A repository the bundle was built from, at the commit used. */
export interface CatalogSource {
  repository: string;
  commit: string;
}

export interface Catalog {
  version: number;
  /** ISO date-time of the build. */
  builtAt: string;
  sources: CatalogSource[];
  episodes: CatalogEpisode[];
}

type EncodedEpisode = [string, string, number | null, number, number[], string, number?];

/** As stored: speakers are indexes into one shared name list. */
export interface EncodedCatalog {
  v: number;
  builtAt: string;
  sources: CatalogSource[];
  names: string[];
  episodes: EncodedEpisode[];
}

export function encodeCatalog(catalog: Catalog): EncodedCatalog {
  const names: string[] = [];
  const index = new Map<string, number>();
  const nameIndex = (name: string): number => {
    let at = index.get(name);
    if (at === undefined) {
      at = names.length;
      names.push(name);
      index.set(name, at);
    }
    return at;
  };
  return {
    v: CATALOG_VERSION,
    builtAt: catalog.builtAt,
    sources: catalog.sources,
    names,
    episodes: catalog.episodes.map((episode) => {
      const encoded: EncodedEpisode = [
        episode.podcast,
        episode.slug,
        episode.number ?? null,
        episode.items,
        episode.speakers.map(nameIndex),
        episode.hash,
      ];
      if (episode.duration !== undefined) encoded.push(episode.duration);
      return encoded;
    }),
  };
}

export function decodeCatalog(value: unknown): Catalog {
  const fail = (what: string): never => {
    throw new CorruptRecordError(`corrupt catalog: ${what}`);
  };
  if (typeof value !== 'object' || value === null) return fail('not an object');
  const encoded = value as Partial<EncodedCatalog>;
  if (encoded.v !== CATALOG_VERSION) return fail(`version ${String(encoded.v)}, expected ${CATALOG_VERSION}`);
  if (!Array.isArray(encoded.names) || !Array.isArray(encoded.episodes)) return fail('no names or episodes');
  const names = encoded.names.map((name) => (typeof name === 'string' ? name : fail('a name is not text')));
  const episodes = encoded.episodes.map((entry): CatalogEpisode => {
    if (!Array.isArray(entry)) return fail('an episode is not a tuple');
    const [podcast, slug, number, items, speakers, hash, duration] = entry;
    if (typeof podcast !== 'string' || typeof slug !== 'string' || typeof items !== 'number' || typeof hash !== 'string') {
      return fail('an episode has a wrong field');
    }
    const episode: CatalogEpisode = {
      podcast,
      slug,
      items,
      hash,
      speakers: Array.isArray(speakers) ? speakers.map((at) => names[at] ?? fail('a speaker points at no name')) : fail('no speakers'),
    };
    if (typeof number === 'number') episode.number = number;
    if (typeof duration === 'number') episode.duration = duration;
    return episode;
  });
  return {
    version: encoded.v,
    builtAt: typeof encoded.builtAt === 'string' ? encoded.builtAt : '',
    sources: Array.isArray(encoded.sources) ? encoded.sources : [],
    episodes,
  };
}

/** Finds episodes by `podcast/slug` without scanning. */
export class CatalogIndex {
  private readonly byKey: Map<string, CatalogEpisode>;

  constructor(readonly catalog: Catalog) {
    this.byKey = new Map(catalog.episodes.map((episode) => [episodeKey(episode), episode]));
  }

  get(ref: EpisodeRef): CatalogEpisode | undefined {
    return this.byKey.get(episodeKey(ref));
  }
}
