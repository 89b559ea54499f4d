/**
 * Searching the whole archive at run time from the sharded static index (see format.ts): read
 * the dictionary once, expand each query word by prefix and one typo as the panel does, fetch
 * only the shards those terms live in, score items with BM25, keep items with every word, and
 * group them by episode. Reads go through a {@link BundleReader}, so the same code runs in the
 * popup and in Node tests, and every byte read is counted.
 */
import { partitionPoint } from '../model/sorted-search';
import { fuzzinessFor, termsOf } from '../model/terms';
import type { ArchiveMeta, MetaEpisode } from './index-format';
import {
  ARCHIVE_INDEX_VERSION,
  ByteReader,
  bitmapToDocs,
  DENSE_FILE,
  DICT_FILE,
  DOCS_FILE,
  densePath,
  dequantizeLength,
  LENGTHS_FILE,
  META_FILE,
  NO_PRECEDING_BIT,
  precedingWordBit,
  readPostings,
  readTerm,
  shardOfLocation,
  shardPath,
  speakerTerm,
  unzigzag,
} from './index-format';
import { type BundleReader, CorruptRecordError, gunzipNative, unpackJson } from './package-file';
import { type ChunkPlace, isChunkStarts, placeOfItem } from './record';

/** BM25's usual constants. */
const K1 = 1.2;
const B = 0.75;
/** How much an expansion counts against the word typed (MiniSearch's own weights, roughly). */
const PREFIX_WEIGHT = 0.5;
const FUZZY_WEIGHT = 0.45;
/** At most this many expansions per word, the most frequent first, to bound the shards read. */
const MAX_EXPANSIONS = 24;
/** Shards and dense terms kept decoded between queries (a popup session's worth). */
const CACHE_LIMIT = 64;

/** One item that matched. */
export interface ArchiveHit {
  /** Global document number (internal). */
  doc: number;
  /** The item's N in `#transcript-N`. */
  index: number;
  score: number;
  /** Who says it: a speaker's name, or a label such as `Break`. */
  label: string;
  /** Its start in whole seconds, and whether that is an estimate. */
  start: number;
  estimated: boolean;
  /** Said as the query's exact phrase (known once the text is read, see {@link withPhrases}). */
  phrase: boolean;
}

/** An episode with its matching items in transcript order (those that say the phrase first). */
export interface ArchiveEpisodeResult {
  podcast: string;
  slug: string;
  number?: number;
  score: number;
  hits: ArchiveHit[];
}

export interface ArchiveResults {
  episodes: ArchiveEpisodeResult[];
  /** Items matched in all. */
  totalHits: number;
  /** True when no item had every word, and items with any word are shown instead. */
  partial: boolean;
  /** Normalized document terms that matched, for highlighting. */
  terms: Set<string>;
  /** The words of the query (normalized), in order, for the phrase check. */
  queryTerms: string[];
  /** True when the whole query was in quotes: only the exact phrase counts. */
  phraseOnly: boolean;
  /**
   * The record chunks whose items may say the query as a phrase, the likeliest per word read first
   * (see {@link phraseChunks}).
   */
  phraseCandidates: PhraseChunk[];
}

/** A chunk of an episode's record, and its items (their `#transcript-N`) that hold every word of the query. */
export interface PhraseChunk extends ChunkPlace {
  podcast: string;
  slug: string;
  indexes: number[];
}

export interface ArchiveQueryOptions {
  /** Only these shows (podcast slugs); all when absent or empty. */
  shows?: ReadonlySet<string>;
  /** Only items said by this speaker (full name as written). */
  speaker?: string;
}

/** Who says each document and when (from docs.bin). */
interface DocumentInfo {
  label: Uint32Array;
  start: Uint32Array;
  explicit: Uint8Array;
}

interface Dictionary {
  terms: string[];
  frequencies: Uint32Array;
  locations: Uint32Array;
  /** Term positions by length, so a typo search looks only at words of about the same length. */
  byLength: Map<number, number[]>;
}

interface Postings {
  docs: Uint32Array;
  /** Null for a dense term (a bitmap has no counts). */
  frequencies: Uint16Array | null;
  /**
   * The preceding-word bits (see {@link readPostings}); null where there are none: a dense term,
   * a speaker, a word said more than once in every item that has it.
   */
  preceding: Uint8Array | null;
}

function lowerBound(terms: readonly string[], target: string): number {
  return partitionPoint(terms.length, (at) => (terms[at] as string) < target);
}

/** Whether `a` and `b` are at most one insertion, deletion or substitution apart (no allocation). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // After the first difference, the rest must match with a skipped in a, in b, or in both.
  const skipA = la >= lb ? 1 : 0;
  const skipB = lb >= la ? 1 : 0;
  for (let x = i + skipA, y = i + skipB; x < la || y < lb; x++, y++) {
    if (a.charCodeAt(x) !== b.charCodeAt(y)) return false;
  }
  return true;
}

/** Whether the whole query is in quotes: only the exact phrase counts. */
export function isQuoted(query: string): boolean {
  return /^\s*".+"\s*$/.test(query);
}

/** The archive index, loaded lazily: metadata and dictionary on the first query, shards as needed. */
export class ArchiveIndex {
  /** Bytes read from the package so far (compressed, as stored). */
  bytesRead = 0;
  private loaded: Promise<Loaded> | null = null;
  private episodeAt: Map<string, number> | undefined;
  private readonly shards = new Map<number, Promise<Map<string, () => Postings>>>();
  private readonly dense = new Map<string, Promise<Postings>>();

  /** Keeps the most recently used `CACHE_LIMIT` entries of a cache (Maps iterate oldest first). */
  private static remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
    cache.delete(key);
    cache.set(key, value);
    while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as K);
    return value;
  }

  constructor(private readonly read: BundleReader) {}

  private async file(path: string): Promise<Uint8Array> {
    const bytes = await this.read(path);
    if (!bytes) throw new CorruptRecordError(`${path} is missing from the package`);
    this.bytesRead += bytes.length;
    return bytes;
  }

  /** Metadata, dictionary, lengths and document info; loaded once. */
  load(): Promise<Loaded> {
    this.loaded ??= (async () => {
      const [metaBytes, dictBytes, lengthBytes, docBytes] = await Promise.all([
        this.file(META_FILE),
        this.file(DICT_FILE),
        this.file(LENGTHS_FILE),
        this.file(DOCS_FILE),
      ]);
      const [metaJson, dictData, lengths, docData] = await Promise.all([
        unpackJson(metaBytes),
        gunzipNative(dictBytes, DICT_FILE),
        gunzipNative(lengthBytes, LENGTHS_FILE),
        gunzipNative(docBytes, DOCS_FILE),
      ]);
      const meta = metaJson as ArchiveMeta;
      if (meta?.v !== ARCHIVE_INDEX_VERSION || !Array.isArray(meta.episodes))
        throw new CorruptRecordError('the archive index metadata is not this version');
      const reader = new ByteReader(dictData);
      if (reader.varint() !== ARCHIVE_INDEX_VERSION) throw new CorruptRecordError('the archive dictionary is not this version');
      // Each entry: front coding (2 bytes), frequency and location (1 byte each) at least.
      const count = reader.count(4);
      const terms: string[] = new Array(count);
      const frequencies = new Uint32Array(count);
      const locations = new Uint32Array(count);
      let previous = '';
      const byLength = new Map<number, number[]>();
      for (let i = 0; i < count; i++) {
        previous = readTerm(reader, previous);
        terms[i] = previous;
        frequencies[i] = reader.varint();
        locations[i] = reader.varint();
        const bucket = byLength.get(previous.length);
        if (bucket) bucket.push(i);
        else byLength.set(previous.length, [i]);
      }
      if (lengths.length !== meta.totalDocs) throw new CorruptRecordError('the archive lengths do not match its documents');
      if (!Array.isArray(meta.episodeWords) || meta.episodeWords.length !== meta.episodes.length)
        throw new CorruptRecordError('the archive index metadata has no episode lengths');
      if (
        !Array.isArray(meta.chunkStarts) ||
        meta.chunkStarts.length !== meta.episodes.length ||
        !meta.chunkStarts.every((starts, at) => isChunkStarts(starts, (meta.episodes[at] as MetaEpisode)[4]))
      )
        throw new CorruptRecordError("the archive index metadata does not say where the records' chunks start");
      return {
        meta,
        dict: { terms, frequencies, locations, byLength },
        lengths,
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

  /** A shard's terms, each with its postings still encoded: decoded only when a query asks. */
  private shard(key: number): Promise<Map<string, () => Postings>> {
    const cached = this.shards.get(key);
    if (cached) return ArchiveIndex.remember(this.shards, key, cached);
    const found = this.file(shardPath(key)).then(async (bytes) => {
      const reader = new ByteReader(await gunzipNative(bytes, shardPath(key)));
      if (reader.varint() !== ARCHIVE_INDEX_VERSION) throw new CorruptRecordError(`${shardPath(key)} is not this version`);
      // Each entry: front coding (2 bytes), document count and postings length (1 byte each) at least.
      const count = reader.count(4);
      const postings = new Map<string, () => Postings>();
      let previous = '';
      for (let i = 0; i < count; i++) {
        previous = readTerm(reader, previous);
        const documents = reader.varint();
        const encoded = reader.bytes(reader.varint());
        const bits = reader.bytes(reader.varint());
        let decoded: Postings | undefined;
        postings.set(previous, () => {
          decoded ??= readPostings(new ByteReader(encoded), documents, bits);
          return decoded;
        });
      }
      return postings;
    });
    return ArchiveIndex.remember(this.shards, key, found);
  }

  private denseTerm(term: string): Promise<Postings> {
    const cached = this.dense.get(term);
    if (cached) return ArchiveIndex.remember(this.dense, term, cached);
    const found = this.file(densePath(term)).then(async (bytes) => ({
      docs: bitmapToDocs(await gunzipNative(bytes, densePath(term))),
      frequencies: null,
      preceding: null,
    }));
    return ArchiveIndex.remember(this.dense, term, found);
  }

  private async postings(dict: Dictionary, at: number): Promise<Postings> {
    const term = dict.terms[at] as string;
    const number = shardOfLocation(dict.locations[at] as number);
    if (number === null) return this.denseTerm(term);
    const shard = await this.shard(number);
    return shard.get(term)?.() ?? { docs: new Uint32Array(0), frequencies: null, preceding: null };
  }

  /**
   * Dictionary terms a query word stands for, with weights: itself; its completions when it is
   * the word being typed (the last one); and words one typo away when it has five letters or
   * more. Completions and typos that are among the archive's commonest words (the dense ones:
   * "the" for "th") are left out: they would match everything and cost the most to read.
   */
  private expand(dict: Dictionary, word: string, last: boolean): { at: number; weight: number }[] {
    const found = new Map<number, number>();
    const exact = lowerBound(dict.terms, word);
    if (dict.terms[exact] === word) found.set(exact, 1);
    const common = (at: number) => dict.locations[at] === DENSE_FILE;
    if (last && word.length >= 2) {
      const prefixed: number[] = [];
      for (let at = exact; at < dict.terms.length && (dict.terms[at] as string).startsWith(word); at++) {
        if (dict.terms[at] !== word && !common(at)) prefixed.push(at);
      }
      prefixed.sort((a, b) => (dict.frequencies[b] as number) - (dict.frequencies[a] as number));
      for (const at of prefixed.slice(0, MAX_EXPANSIONS)) found.set(at, PREFIX_WEIGHT);
    }
    if (fuzzinessFor(word) !== false) {
      // A typo is taken for a word at least as common as what was typed (the noisy channel: a
      // listener who types a word the archive says often meant it, not its rarer neighbours), so
      // "right" does not read the shards of "bright", "fight" and "rights".
      const typed = dict.terms[exact] === word ? (dict.frequencies[exact] as number) : 0;
      const fuzzy: number[] = [];
      for (let length = word.length - 1; length <= word.length + 1; length++) {
        for (const at of dict.byLength.get(length) ?? []) {
          if (found.has(at) || common(at) || dict.terms[at]?.charCodeAt(0) === 1) continue;
          if ((dict.frequencies[at] as number) >= typed && withinOneEdit(dict.terms[at] as string, word)) fuzzy.push(at);
        }
      }
      fuzzy.sort((a, b) => (dict.frequencies[b] as number) - (dict.frequencies[a] as number));
      for (const at of fuzzy.slice(0, MAX_EXPANSIONS)) found.set(at, FUZZY_WEIGHT);
    }
    return [...found].map(([at, weight]) => ({ at, weight }));
  }

  /**
   * Runs a query. An empty query (or one of only punctuation) finds nothing. Items need every word
   * (or, failing that, some); episodes are ranked by how much they are about the query (BM25 over
   * the words said in the whole episode, see {@link episodeRelevance}), and a query of several
   * words also lists, most likely first, the items that may say it as a phrase
   * (`phraseCandidates`): only their text can tell, so {@link withPhrases} applies the answer.
   */
  async search(query: string, options: ArchiveQueryOptions = {}): Promise<ArchiveResults> {
    const phraseOnly = isQuoted(query);
    const words = termsOf(query);
    const empty: ArchiveResults = {
      episodes: [],
      totalHits: 0,
      partial: false,
      terms: new Set(),
      queryTerms: words,
      phraseOnly,
      phraseCandidates: [],
    };
    if (words.length === 0) return empty;
    const loaded = await this.load();
    const { meta, dict, lengths, docs, docEpisode, relevance } = loaded;
    const average = meta.averageLength || 1;
    const total = meta.totalDocs;

    let allowed: ((doc: number) => boolean) | null = null;
    if (options.speaker) {
      const at = lowerBound(dict.terms, speakerTerm(options.speaker));
      const speakerDocs =
        dict.terms[at] === speakerTerm(options.speaker) ? new Set((await this.postings(dict, at)).docs) : new Set<number>();
      allowed = (doc) => speakerDocs.has(doc);
    }
    const shows = options.shows && options.shows.size > 0 ? options.shows : null;
    const keep =
      allowed || shows
        ? (doc: number) => (!allowed || allowed(doc)) && (!shows || shows.has((meta.episodes[docEpisode[doc] as number] as MetaEpisode)[0]))
        : null;
    const phraseMatters = words.length > 1;

    const unique = [...new Set(words)];
    const lastWord = words[words.length - 1];
    // A quoted query is complete: no word of it is still being typed.
    const expansions = unique.map((word) => this.expand(dict, word, word === lastWord && !phraseOnly));
    const matchedTerms = new Set<string>();
    const perWord = await Promise.all(
      expansions.map(async (expansion) => {
        const scores = new Map<number, number>();
        /** Occurrences of the word as typed or completed (not its typos): what a phrase can be made of. */
        const said = new Map<number, number>();
        const about = new Map<number, number>();
        /** The lists of `said`, for the phrase's preceding-word bits. */
        const spelledLists: Postings[] = [];
        const lists = await Promise.all(expansion.map(({ at }) => this.postings(dict, at)));
        expansion.forEach(({ at, weight }, i) => {
          const list = lists[i] as Postings;
          if (list.docs.length === 0) return;
          matchedTerms.add(dict.terms[at] as string);
          const df = dict.frequencies[at] as number;
          const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
          // A dense term stores no counts: expect as many as a Poisson spread of its share gives.
          const rate = -Math.log(Math.max(1e-9, 1 - df / total)) / average;
          const spelled = phraseMatters && weight !== FUZZY_WEIGHT;
          if (spelled) spelledLists.push(list);
          // Postings come in document order, so an episode's come together: sum them as they pass.
          const perEpisode: EpisodeCounts = { episodes: [], counts: [], found: 0 };
          let lastEpisode = -1;
          let sum = 0;
          for (let j = 0; j < list.docs.length; j++) {
            const doc = list.docs[j] as number;
            const episode = docEpisode[doc] as number;
            if (episode !== lastEpisode) {
              if (sum > 0) {
                perEpisode.episodes.push(lastEpisode);
                perEpisode.counts.push(sum);
              }
              sum = 0;
              perEpisode.found++;
              lastEpisode = episode;
            }
            if (keep && !keep(doc)) continue;
            const length = dequantizeLength(lengths[doc] as number);
            const tf = list.frequencies ? (list.frequencies[j] as number) : Math.max(1, length * rate);
            const score = weight * idf * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / average)));
            const before = scores.get(doc);
            if (before === undefined || score > before) scores.set(doc, score);
            if (spelled) said.set(doc, (said.get(doc) ?? 0) + tf);
            sum += tf;
          }
          if (sum > 0) {
            perEpisode.episodes.push(lastEpisode);
            perEpisode.counts.push(sum);
          }
          relevance.add(about, perEpisode, weight);
        });
        return { scores, said, about, spelledLists };
      }),
    );

    const combine = (requireAll: boolean): Map<number, number> => {
      const combined = new Map<number, number>();
      const ordered = perWord.map((word) => word.scores).sort((a, b) => a.size - b.size);
      const smallest = ordered[0];
      if (!smallest) return combined;
      const candidates = requireAll ? smallest.keys() : new Set(ordered.flatMap((scores) => [...scores.keys()])).values();
      for (const doc of candidates) {
        let score = 0;
        let present = 0;
        for (const scores of ordered) {
          const part = scores.get(doc);
          if (part !== undefined) {
            score += part;
            present++;
          }
        }
        if (requireAll && present < ordered.length) continue;
        combined.set(doc, requireAll ? score : score * (present / ordered.length));
      }
      return combined;
    };
    let partial = false;
    let scored = combine(true);
    if (scored.size === 0 && perWord.length > 1 && !phraseOnly) {
      scored = combine(false);
      partial = scored.size > 0;
    }

    const byEpisode = new Map<number, ArchiveHit[]>();
    for (const [doc, score] of scored) {
      const at = docEpisode[doc] as number;
      const episode = meta.episodes[at] as MetaEpisode;
      const hit: ArchiveHit = {
        doc,
        index: doc - episode[3],
        score,
        label: meta.labels[docs.label[doc] as number] ?? '',
        start: docs.start[doc] as number,
        estimated: docs.explicit[doc] === 0,
        phrase: false,
      };
      const list = byEpisode.get(at);
      if (list) list.push(hit);
      else byEpisode.set(at, [hit]);
    }
    const episodes: ArchiveEpisodeResult[] = [];
    for (const [at, hits] of byEpisode) {
      const episode = meta.episodes[at] as MetaEpisode;
      let score = 0;
      for (const word of perWord) score += word.about.get(at) ?? 0;
      const result: ArchiveEpisodeResult = {
        podcast: episode[0],
        slug: episode[1],
        score,
        hits: hits.sort((a, b) => a.index - b.index),
      };
      if (episode[2] !== null) result.number = episode[2];
      episodes.push(result);
    }
    episodes.sort(compareEpisodes);
    const lengthOf = (doc: number) => dequantizeLength(lengths[doc] as number);
    const phraseCandidates =
      words.length > 1 && !partial
        ? phraseChunks(
            likelyPhrases(
              scored.keys(),
              perWord.map((word) => word.said),
              lengthOf,
              precedingWordOdds(
                scored,
                words,
                words.map((word) => perWord[unique.indexOf(word)]?.spelledLists ?? []),
              ),
            ),
            meta,
            docEpisode,
            lengthOf,
          )
        : [];
    return { episodes, totalHits: scored.size, partial, terms: matchedTerms, queryTerms: words, phraseOnly, phraseCandidates };
  }
}

/**
 * What the preceding-word bits say of each item that holds a phrase's words, as a factor on its
 * odds of saying the phrase (absent: they say nothing). At each word after the first, every
 * posting of it (as spelled or completed) in the item that is said once there keeps a bit of the
 * word before it. If the item says the phrase, one of them has the bit of the phrase's previous
 * word; an item that holds the words apart has it by chance, with probability 1 − 2^−m for m such
 * postings. So an item where none match cannot say the phrase (factor 0), and one where one does
 * is 1 / (1 − 2^−m) times likelier than before. A word said more than once in the item, or one
 * among the dense words, keeps no bit and says nothing there.
 */
export function precedingWordOdds(
  candidates: ReadonlyMap<number, unknown>,
  words: readonly string[],
  listsPerWord: readonly (readonly Postings[])[],
): Map<number, number> {
  const odds = new Map<number, number>();
  for (let position = 1; position < words.length; position++) {
    const lists = listsPerWord[position] ?? [];
    // A dense term holds nearly every item and keeps no bits: this word says nothing then.
    if (lists.length === 0 || lists.some((list) => !list.frequencies)) continue;
    const bit = precedingWordBit(words[position - 1] as string);
    /** Per item: postings with a bit, and whether one matched; -1 when a posting has none. */
    const bitsSeen = new Map<number, number>();
    const matched = new Set<number>();
    for (const list of lists) {
      const preceding = list.preceding;
      for (let j = 0; j < list.docs.length; j++) {
        const doc = list.docs[j] as number;
        if (!candidates.has(doc)) continue;
        const seen = bitsSeen.get(doc) ?? 0;
        if (seen < 0) continue;
        // No bits at all: the term is said more than once in every item that has it.
        const kept = preceding ? (preceding[j] as number) : NO_PRECEDING_BIT;
        if (kept === NO_PRECEDING_BIT) {
          bitsSeen.set(doc, -1);
          continue;
        }
        bitsSeen.set(doc, seen + 1);
        if (kept === bit) matched.add(doc);
      }
    }
    for (const [doc, seen] of bitsSeen) {
      if (seen <= 0) continue;
      const factor = matched.has(doc) ? 1 / (1 - 0.5 ** seen) : 0;
      odds.set(doc, (odds.get(doc) ?? 1) * factor);
    }
  }
  return odds;
}

/** Items that may say a phrase, considered at most (the byte budget stops far sooner). */
export const PHRASE_CANDIDATES = 16_384;

/**
 * The items that hold every word of a phrase, with how likely each is to say it. Without
 * positions, the likelihood is what chance alone would give: an item of L words in which the k
 * words occur n1 … nk times holds about n1 · … · nk / L^(k−1) runs of them in order, so a short
 * turn with each word once outranks a monologue that holds them all somewhere. It is also the
 * posterior of the phrase being there when words occur at Poisson rates and a remembered phrase
 * comes from a random point of the archive (the length L is the prior, each word's n / (rate · L)
 * the evidence), so it compares items across episodes. `odds` multiplies in what the
 * preceding-word bits say ({@link precedingWordOdds}): 0 for an item that cannot say it. The
 * {@link PHRASE_CANDIDATES} likeliest, likeliest first.
 */
export function likelyPhrases(
  docs: Iterable<number>,
  counts: readonly ReadonlyMap<number, number>[],
  lengthOf: (doc: number) => number,
  odds: ReadonlyMap<number, number> = new Map(),
): { doc: number; likelihood: number }[] {
  const ranked: { doc: number; likelihood: number }[] = [];
  for (const doc of docs) {
    const length = Math.max(1, lengthOf(doc));
    let product = odds.get(doc) ?? 1;
    for (const count of counts) product *= Math.min(length, count.get(doc) ?? 0) / length;
    const likelihood = product * length;
    if (likelihood > 0) ranked.push({ doc, likelihood });
  }
  ranked.sort((a, b) => b.likelihood - a.likelihood || a.doc - b.doc);
  return ranked.slice(0, PHRASE_CANDIDATES);
}

/**
 * What a chunk costs to read, in words: its items' words, and about twenty words' worth of bytes
 * for the file itself (its framing and labels).
 */
const CHUNK_OVERHEAD_WORDS = 20;

/**
 * The candidates grouped by the record chunk that holds them, in the order that finds the phrase
 * in the fewest bytes: the chunks' summed likelihood per word read. The phrase is said somewhere
 * (a listener remembers it), so a chunk's share of all the likelihood is the chance it is there,
 * and reading the best chance per byte first is the greedy answer to the byte budget.
 */
export function phraseChunks(
  candidates: readonly { doc: number; likelihood: number }[],
  meta: Pick<ArchiveMeta, 'episodes' | 'chunkStarts'>,
  docEpisode: Uint32Array,
  lengthOf: (doc: number) => number,
): PhraseChunk[] {
  const chunks = new Map<string, { chunk: PhraseChunk; likelihood: number; firstDoc: number }>();
  for (const { doc, likelihood } of candidates) {
    const at = docEpisode[doc] as number;
    const episode = meta.episodes[at] as MetaEpisode;
    const index = doc - episode[3];
    const place = placeOfItem(meta.chunkStarts[at] as number[], episode[4], index);
    const key = `${at}#${place.chunk}`;
    const found = chunks.get(key);
    if (found) {
      found.chunk.indexes.push(index);
      found.likelihood += likelihood;
    } else {
      chunks.set(key, {
        chunk: { podcast: episode[0], slug: episode[1], ...place, indexes: [index] },
        likelihood,
        firstDoc: episode[3] + place.first,
      });
    }
  }
  const ranked = [...chunks.values()].map(({ chunk, likelihood, firstDoc }) => {
    let words = CHUNK_OVERHEAD_WORDS;
    for (let doc = firstDoc; doc < firstDoc + chunk.count; doc++) words += lengthOf(doc);
    return { chunk, density: likelihood / words };
  });
  ranked.sort((a, b) => b.density - a.density);
  return ranked.map(({ chunk }) => chunk);
}

/**
 * BM25's usual constants, for whole episodes. On the topic set's fitting half (its even-numbered
 * topics), b of 0.5 or 0.9, or counting turns instead of mentions, did no better.
 */
const EPISODE_K1 = 1.2;
const EPISODE_B = 0.75;

/** One term's occurrences per episode, within the filters; `found`: episodes it occurs in at all (for its idf). */
interface EpisodeCounts {
  episodes: number[];
  counts: number[];
  found: number;
}

/**
 * How much an episode is about a word: BM25 over everything said in the episode, so the evidence
 * of all its items adds up and saturates (the tenth mention counts less than the second), and a
 * long episode needs more mentions than a short one. Per word, the best of its expansions counts
 * (weighted as the item scores weigh them).
 */
export class EpisodeRelevance {
  private readonly averageWords: number;

  constructor(private readonly meta: ArchiveMeta) {
    const words = meta.episodeWords;
    this.averageWords = words.length ? words.reduce((sum, count) => sum + count, 0) / words.length || 1 : 1;
  }

  /** Folds one expansion's occurrences per episode into `scores`. */
  add(scores: Map<number, number>, perEpisode: EpisodeCounts, weight: number): void {
    const count = this.meta.episodes.length;
    const idf = Math.log(1 + (count - perEpisode.found + 0.5) / (perEpisode.found + 0.5));
    for (let i = 0; i < perEpisode.episodes.length; i++) {
      const episode = perEpisode.episodes[i] as number;
      const tf = perEpisode.counts[i] as number;
      const length = this.meta.episodeWords[episode] ?? this.averageWords;
      const score =
        weight * idf * ((tf * (EPISODE_K1 + 1)) / (tf + EPISODE_K1 * (1 - EPISODE_B + (EPISODE_B * length) / this.averageWords)));
      const before = scores.get(episode);
      if (before === undefined || score > before) scores.set(episode, score);
    }
  }
}

/**
 * The results once the text has said which items hold the query as a phrase (`said`, keyed
 * `podcast/slug#index`): those items are marked and come first in their episode, and their
 * episodes come first; a quoted query keeps only them.
 */
export function withPhrases(results: ArchiveResults, said: ReadonlySet<string>): ArchiveResults {
  const episodes: ArchiveEpisodeResult[] = [];
  let totalHits = 0;
  for (const episode of results.episodes) {
    const key = `${episode.podcast}/${episode.slug}#`;
    const marked = episode.hits.map((hit) => (said.has(key + hit.index) ? { ...hit, phrase: true } : hit));
    const phrases = marked.filter((hit) => hit.phrase);
    if (results.phraseOnly && phrases.length === 0) continue;
    const hits = results.phraseOnly ? phrases : [...phrases, ...marked.filter((hit) => !hit.phrase)];
    totalHits += hits.length;
    episodes.push({ ...episode, hits });
  }
  const saysIt = (episode: ArchiveEpisodeResult) => (episode.hits[0]?.phrase ? 1 : 0);
  episodes.sort((a, b) => saysIt(b) - saysIt(a) || compareEpisodes(a, b));
  return { ...results, episodes, totalHits: results.phraseOnly ? totalHits : results.totalHits };
}

interface Loaded {
  meta: ArchiveMeta;
  dict: Dictionary;
  lengths: Uint8Array;
  docs: DocumentInfo;
  /** Each document's episode (its position in `meta.episodes`). */
  docEpisode: Uint32Array;
  relevance: EpisodeRelevance;
}

function episodesOfDocs(meta: ArchiveMeta): Uint32Array {
  const of = new Uint32Array(meta.totalDocs);
  meta.episodes.forEach((episode, at) => {
    of.fill(at, Math.min(episode[3], of.length), Math.min(episode[3] + episode[4], of.length));
  });
  return of;
}

/** docs.bin → per-document label, start and explicitness; starts restart at each episode. */
function decodeDocs(bytes: Uint8Array, meta: ArchiveMeta): DocumentInfo {
  const reader = new ByteReader(bytes);
  const total = meta.totalDocs;
  const info: DocumentInfo = { label: new Uint32Array(total), start: new Uint32Array(total), explicit: new Uint8Array(total) };
  let episode = 0;
  let previous = 0;
  for (let doc = 0; doc < total; doc++) {
    while (episode < meta.episodes.length && (meta.episodes[episode] as MetaEpisode)[3] === doc) {
      previous = 0;
      episode++;
    }
    info.label[doc] = reader.varint();
    const code = reader.varint();
    previous = Math.max(0, previous + unzigzag(Math.floor(code / 2)));
    info.start[doc] = previous;
    info.explicit[doc] = code % 2;
  }
  return info;
}

/**
 * Best first; among equal scores the more recent episode (the archive has no dates, so a higher
 * episode number within a show stands in for recency), then a stable order.
 */
export function compareEpisodes(a: ArchiveEpisodeResult, b: ArchiveEpisodeResult): number {
  return b.score - a.score || (b.number ?? -1) - (a.number ?? -1) || `${a.podcast}/${a.slug}`.localeCompare(`${b.podcast}/${b.slug}`);
}

/**
 * Whether `terms` (a text's normalized words) contain `phrase` (normalized words) contiguously;
 * with `lastIsPrefix`, the phrase's last word may be the start of a longer one (it is still being
 * typed). Punctuation, case, accents and either apostrophe are gone from both by then.
 */
export function containsPhrase(terms: readonly string[], phrase: readonly string[], lastIsPrefix = false): boolean {
  if (phrase.length === 0) return false;
  const last = phrase.length - 1;
  outer: for (let i = 0; i + phrase.length <= terms.length; i++) {
    for (let j = 0; j < phrase.length; j++) {
      const term = terms[i + j] as string;
      const word = phrase[j] as string;
      if (term !== word && !(lastIsPrefix && j === last && term.startsWith(word))) continue outer;
    }
    return true;
  }
  return false;
}
