/**
 * Builds the archive index (Node only): every transcript item of the archive as a document,
 * postings down to the item, in shards of consecutive terms, so a query reads the dictionary once
 * and then only the shards of its own terms. Speakers are indexed as
 * pseudo-terms so "only what Liz Rice said" is one more posting list.
 *
 * What goes where is decided here; how each file is encoded is its format module's business
 * (`lib/archive/index-format.ts` lists them), whose decoder the query uses.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ByteWriter } from '../lib/archive/byte-codec';
import { DENSE_FILE, DICT_FILE, encodeDictionary, shardLocation } from '../lib/archive/index-dictionary';
import { DOCS_FILE, DocumentInfoWriter, encodeLengths, LENGTHS_FILE } from '../lib/archive/index-documents';
import { ARCHIVE_INDEX_VERSION, SPEAKER_PREFIX, speakerTerm } from '../lib/archive/index-format';
import { type ArchiveMeta, encodeMeta, META_FILE, type MetaEpisode } from '../lib/archive/index-meta';
import {
  DENSE_SHARE,
  densePath,
  encodeDense,
  encodeShard,
  PrecedingBits,
  precedingWordBit,
  SHARD_BYTES,
  shardPath,
  writePosting,
} from '../lib/archive/index-shards';
import { timeItems } from '../lib/model/build-episode';
import { itemStart, type ParsedItem, spokenItemText } from '../lib/model/episode';
import { termsOf } from '../lib/model/terms';

interface TermPostings {
  writer: ByteWriter;
  count: number;
  last: number;
  /** Kept only until the term turns out dense or not (see `write`). */
  docs: number[];
  /** Null for speakers, whose postings are not words of a phrase. */
  preceding: PrecedingBits | null;
}

export interface ArchiveBuildResult {
  files: string[];
  bytes: number;
  terms: number;
  postings: number;
  docs: number;
  shards: number;
  dense: number;
}

function itemWords(item: ParsedItem): string {
  return spokenItemText(item, '\n');
}

/** Collects documents episode by episode, then writes the index. */
export class ArchiveIndexBuilder {
  private readonly terms = new Map<string, TermPostings>();
  private readonly lengths: number[] = [];
  private readonly episodes: MetaEpisode[] = [];
  private readonly episodeWords: number[] = [];
  private readonly chunkStarts: number[][] = [];
  private readonly speakerTurns = new Map<string, number>();
  private readonly labels = new Map<string, number>();
  private readonly speaking: boolean[] = [];
  private readonly docInfo = new DocumentInfoWriter();
  private totalWords = 0;
  private postings = 0;

  /** `before`: the word said before a term said once in the item ('' at its start); null for a speaker. */
  private post(term: string, doc: number, frequency: number, before: string | null): void {
    let entry = this.terms.get(term);
    if (!entry) {
      entry = { writer: new ByteWriter(16), count: 0, last: -1, docs: [], preceding: before === null ? null : new PrecedingBits() };
      this.terms.set(term, entry);
    }
    writePosting(entry.writer, entry.last, doc, frequency);
    if (frequency === 1 && before !== null) entry.preceding?.add(precedingWordBit(before));
    entry.last = doc;
    entry.count++;
    entry.docs.push(doc);
    this.postings++;
  }

  /**
   * Adds an episode's items as the next documents, with where its record's chunks start. Episodes
   * must come grouped by show.
   */
  add(podcast: string, slug: string, number: number | undefined, items: readonly ParsedItem[], chunkStarts: readonly number[]): void {
    if (items.length === 0) return;
    const first = this.lengths.length;
    this.episodes.push([podcast, slug, number ?? null, first, items.length]);
    this.chunkStarts.push([...chunkStarts]);
    this.docInfo.startEpisode();
    let words = 0;
    timeItems(items).forEach((item, i) => {
      const doc = first + i;
      let label = this.labels.get(item.label);
      if (label === undefined) {
        label = this.labels.size;
        this.labels.set(item.label, label);
        this.speaking.push(item.speaker !== null);
      }
      this.docInfo.add(label, Math.round(itemStart(item)), item.start !== undefined);
      const terms = termsOf(itemWords(item));
      this.lengths.push(terms.length);
      this.totalWords += terms.length;
      words += terms.length;
      const counts = new Map<string, number>();
      const before = new Map<string, string>();
      terms.forEach((term, at) => {
        counts.set(term, (counts.get(term) ?? 0) + 1);
        if (!before.has(term)) before.set(term, terms[at - 1] ?? '');
      });
      for (const [term, count] of counts) this.post(term, doc, count, before.get(term) as string);
      if (item.speaker) {
        this.post(speakerTerm(item.speaker), doc, 1, null);
        this.speakerTurns.set(item.speaker, (this.speakerTurns.get(item.speaker) ?? 0) + 1);
      }
    });
    this.episodeWords.push(words);
  }

  /** Writes every file under `outDir`; returns their paths relative to it. */
  write(outDir: string): ArchiveBuildResult {
    const files: string[] = [];
    let bytes = 0;
    const put = (path: string, data: Uint8Array) => {
      const packed = gzipSync(data, { level: 9 });
      const target = join(outDir, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, packed);
      files.push(path);
      bytes += packed.length;
    };

    const totalDocs = this.lengths.length;
    const sorted = [...this.terms.keys()].sort();
    const isDense = (term: string) => !term.startsWith(SPEAKER_PREFIX) && (this.terms.get(term)?.count ?? 0) > totalDocs * DENSE_SHARE;

    // Consecutive terms fill a shard until their postings pass SHARD_BYTES.
    const shards: string[][] = [];
    const location = new Map<string, number>();
    let current: string[] = [];
    let filled = 0;
    let dense = 0;
    for (const term of sorted) {
      if (isDense(term)) {
        location.set(term, DENSE_FILE);
        put(densePath(term), encodeDense((this.terms.get(term) as TermPostings).docs, totalDocs));
        dense++;
        continue;
      }
      if (current.length > 0 && filled >= SHARD_BYTES) {
        shards.push(current);
        current = [];
        filled = 0;
      }
      current.push(term);
      filled += (this.terms.get(term) as TermPostings).writer.size;
      location.set(term, shardLocation(shards.length));
    }
    if (current.length > 0) shards.push(current);

    put(
      DICT_FILE,
      encodeDictionary(
        sorted.map((term) => ({ term, documents: this.terms.get(term)?.count ?? 0, location: location.get(term) as number })),
      ),
    );

    shards.forEach((terms, number) => {
      put(
        shardPath(number),
        encodeShard(
          terms.map((term) => {
            const entry = this.terms.get(term) as TermPostings;
            return {
              term,
              documents: entry.count,
              postings: entry.writer.finish(),
              preceding: entry.preceding?.finish() ?? new Uint8Array(0),
            };
          }),
        ),
      );
    });

    put(LENGTHS_FILE, encodeLengths(this.lengths));
    put(DOCS_FILE, this.docInfo.finish());
    const meta: ArchiveMeta = {
      v: ARCHIVE_INDEX_VERSION,
      totalDocs: this.lengths.length,
      averageLength: this.lengths.length ? this.totalWords / this.lengths.length : 0,
      episodes: this.episodes,
      episodeWords: this.episodeWords,
      chunkStarts: this.chunkStarts,
      speakers: [...this.speakerTurns].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
      labels: [...this.labels.keys()],
      speaking: this.speaking,
    };
    put(META_FILE, encodeMeta(meta));

    return {
      files,
      bytes,
      terms: sorted.filter((term) => !term.startsWith(SPEAKER_PREFIX)).length,
      postings: this.postings,
      docs: this.lengths.length,
      shards: shards.length,
      dense,
    };
  }
}
