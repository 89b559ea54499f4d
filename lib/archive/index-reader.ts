/**
 * The archive index as a query reads it, lazily: metadata, dictionary, lengths and document info
 * on the first query, then only the shards and dense terms its words live in, kept between queries
 * ({@link LruCache}). Reads go through a {@link BundleReader}, so the same code runs in the popup
 * and in Node tests, and every byte read is counted.
 */
import { EpisodeRelevance } from './bm25';
import { DICT_FILE, type Dictionary, decodeDictionary, shardOfLocation } from './index-dictionary';
import { DOCS_FILE, type DocumentInfo, decodeDocs, decodeLengths, LENGTHS_FILE } from './index-documents';
import { type ArchiveMeta, decodeMeta, episodesOfDocs, META_FILE, type MetaEpisode } from './index-meta';
import { decodeDense, decodeShard, densePath, noPostings, type Postings, shardPath } from './index-shards';
import { LruCache } from './lru';
import { type BundleReader, CorruptRecordError, gunzipNative, unpackJson } from './package-file';
import { searchIndex } from './query';
import { QUERY_LIMITS, type QueryLimits } from './query-limits';
import { type ChunkPlace, placeOfItem } from './record';
import type { ArchiveQueryOptions, ArchiveResults } from './results';

/** Shards and dense terms kept decoded between queries (a popup session's worth). */
const CACHE_LIMIT = 64;

/** What the first query reads, decoded. */
export interface LoadedIndex {
  meta: ArchiveMeta;
  dict: Dictionary;
  /** Each document's length in words, quantized (`dequantizeLength`). */
  lengths: Uint8Array;
  docs: DocumentInfo;
  /** Each document's episode (its position in `meta.episodes`). */
  docEpisode: Uint32Array;
  relevance: EpisodeRelevance;
}

/** The archive index, loaded lazily: metadata and dictionary on the first query, shards as needed. */
export class ArchiveIndex {
  /** Bytes read from the package so far (compressed, as stored). */
  bytesRead = 0;
  private loaded: Promise<LoadedIndex> | null = null;
  private episodeAt: Map<string, number> | undefined;
  private readonly shards = new LruCache<number, Promise<Map<string, () => Postings>>>(CACHE_LIMIT);
  private readonly dense = new LruCache<string, Promise<Postings>>(CACHE_LIMIT);

  /** `limits`: what one query may cost (tests lower them). */
  constructor(
    private readonly read: BundleReader,
    readonly limits: QueryLimits = QUERY_LIMITS,
  ) {}

  private async file(path: string): Promise<Uint8Array> {
    const bytes = await this.read(path);
    if (!bytes) throw new CorruptRecordError(`${path} is missing from the package`);
    this.bytesRead += bytes.length;
    return bytes;
  }

  /** Metadata, dictionary, lengths and document info; loaded once. */
  load(): Promise<LoadedIndex> {
    this.loaded ??= (async () => {
      const [metaBytes, dictBytes, lengthBytes, docBytes] = await Promise.all([
        this.file(META_FILE),
        this.file(DICT_FILE),
        this.file(LENGTHS_FILE),
        this.file(DOCS_FILE),
      ]);
      const [metaJson, dictData, lengthData, docData] = await Promise.all([
        unpackJson(metaBytes),
        gunzipNative(dictBytes, DICT_FILE),
        gunzipNative(lengthBytes, LENGTHS_FILE),
        gunzipNative(docBytes, DOCS_FILE),
      ]);
      const meta = decodeMeta(metaJson);
      return {
        meta,
        dict: decodeDictionary(dictData),
        lengths: decodeLengths(lengthData, meta.totalDocs),
        docs: decodeDocs(docData, meta),
        docEpisode: episodesOfDocs(meta),
        relevance: new EpisodeRelevance(meta),
      };
    })();
    return this.loaded;
  }

  /** The chunk of an episode's record that holds item `index`; null for an episode the index lacks. */
  async chunkOf(ref: { podcast: string; slug: string }, index: number): Promise<ChunkPlace | null> {
    const { meta } = await this.load();
    this.episodeAt ??= new Map(meta.episodes.map((episode, at) => [`${episode[0]}/${episode[1]}`, at]));
    const at = this.episodeAt.get(`${ref.podcast}/${ref.slug}`);
    if (at === undefined) return null;
    return placeOfItem(meta.chunkStarts[at] as number[], (meta.episodes[at] as MetaEpisode)[4], index);
  }

  /** The episodes the index holds, and its speakers (for the filters). */
  async describe(): Promise<{ episodes: MetaEpisode[]; speakers: [string, number][] }> {
    const { meta } = await this.load();
    return { episodes: meta.episodes, speakers: meta.speakers };
  }

  /**
   * The postings of the dictionary's term at `at`: from its shard or its dense file, read once and
   * kept. An aborted `signal` starts no read (one under way for another query goes on).
   */
  async postings(dict: Dictionary, at: number, signal?: AbortSignal): Promise<Postings> {
    signal?.throwIfAborted();
    const term = dict.terms[at] as string;
    const number = shardOfLocation(dict.locations[at] as number);
    if (number === null) {
      const path = densePath(term);
      return this.dense.getOrAdd(term, () => this.file(path).then(async (bytes) => decodeDense(await gunzipNative(bytes, path))));
    }
    const path = shardPath(number);
    const shard = await this.shards.getOrAdd(number, () =>
      this.file(path).then(async (bytes) => decodeShard(await gunzipNative(bytes, path), path)),
    );
    return shard.get(term)?.() ?? noPostings();
  }

  /** Runs a query (see `query.ts`). */
  search(query: string, options: ArchiveQueryOptions = {}): Promise<ArchiveResults> {
    return searchIndex(this, query, options);
  }
}
