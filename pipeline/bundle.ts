/**
 * Builds the bundled index (Node only): every transcript and show-notes file of the corpus parsed
 * once, written as a record per episode (a head and chunk files, packed against a dictionary drawn
 * from the archive), a slug list per show, and the archive search index, into a cache folder the
 * extension build copies from. Rebuilds only when the corpus or this code changed.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { META_FILE } from '../lib/archive/index-meta';
import { BUNDLE_DIR } from '../lib/archive/package-file';
import { packJson, RECORDS_DICTIONARY, type ZlibCompressor } from '../lib/archive/packed-json';
import { chunkPath, type EncodedRecord, encodeRecord, recordPath } from '../lib/archive/record';
import { encodeShowList, showListPath } from '../lib/archive/show-list';
import type { EpisodeParts } from '../lib/model/episode';
import { episodeKey, episodeNumber } from '../lib/site/urls';
import { ArchiveIndexBuilder } from './archive-index';
import { type CorpusFile, corpusSources, listCorpus } from './corpus';
import { parseShowNotesMarkdown } from './markdown/show-notes';
import { parseTranscriptMarkdown } from './markdown/transcripts';
import { recordsDictionary } from './records-dictionary';

/** Files the bundle adds to the extension besides the records and the search index. */
export const ATTRIBUTION_FILE = `${BUNDLE_DIR}/ATTRIBUTION.md`;
export const TRANSCRIPTS_LICENSE_FILE = `${BUNDLE_DIR}/LICENSE-transcripts.txt`;

export interface BundleOptions {
  /** The corpus folder (transcripts/ and show-notes/). */
  corpus: string;
  /** Where the bundle's files are written; `data/…` paths are relative to it. */
  outDir: string;
  /** Only these shows (`--shows=shipit,gotime`); all when absent. */
  shows?: readonly string[];
  /** Rebuild even when the fingerprint says nothing changed. */
  force?: boolean;
  /** ISO date-time recorded as the build date (tests pin it). */
  now?: string;
  log?: (line: string) => void;
}

export interface BundleResult {
  outDir: string;
  /** False when an up-to-date bundle was already there. */
  built: boolean;
  episodes: number;
  transcripts: number;
  rawBytes: number;
  compressedBytes: number;
  seconds: number;
  /** Every file of the bundle, relative to `outDir`. */
  files: string[];
}

const FINGERPRINT_FILE = 'fingerprint.txt';
const nodeZlib: ZlibCompressor = (bytes, dictionary) => deflateSync(bytes, { level: 9, dictionary });

/** A record's head file (not a chunk's, whose name has the chunk's number before `.bin`). */
const HEAD_FILE = new RegExp(`^${BUNDLE_DIR}/episodes/[^/]+/[^./]+\\.bin$`);

/** Hash of the pipeline's and lib/'s source (the parsers, formats, timing), so a change to either rebuilds the bundle. */
function codeFingerprint(): string {
  const hash = createHash('sha256');
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) hash.update(relative(root, path)).update(readFileSync(path));
    }
  };
  walk(join(root, 'lib'));
  walk(join(root, 'pipeline'));
  return hash.digest('hex');
}

function corpusFingerprint(files: readonly CorpusFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.path}\0${file.size}\0${Math.round(file.mtimeMs)}\n`);
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(dir, path));
    }
  };
  walk(dir);
  return files.filter((file) => file !== FINGERPRINT_FILE);
}

/** The parts the archive has for one episode: its transcript, its notes, or both. */
export function archiveParts(transcript: CorpusFile | undefined, notes: CorpusFile | undefined): EpisodeParts {
  const ref = (transcript ?? notes)?.ref;
  if (!ref) throw new Error('archiveParts needs a transcript or notes file');
  const parts: EpisodeParts = {
    podcast: ref.podcast,
    slug: ref.slug,
    items: transcript ? parseTranscriptMarkdown(readFileSync(transcript.path, 'utf8')) : [],
    notes: notes ? parseShowNotesMarkdown(readFileSync(notes.path, 'utf8')) : [],
  };
  const number = episodeNumber(ref.slug);
  if (number !== undefined) parts.number = number;
  return parts;
}

const ATTRIBUTION = `# Where this data comes from

The transcripts in this folder are from https://github.com/thechangelog/transcripts, by Changelog
Media LLC and the community that corrects them, licensed under the Creative Commons
Attribution-ShareAlike 4.0 International license (CC BY-SA 4.0; full text in
LICENSE-transcripts.txt). They have been converted into a compact searchable form; the words are
unchanged. Big Tent transcripts are © Grafana Labs.

The show notes are from https://github.com/thechangelog/show-notes, © Changelog Media LLC.

Built from:
`;

/**
 * Builds (or reuses) the bundle in `outDir`: the records (`data/episodes/…/*.bin`) and their
 * dictionary (`data/records.dict`), a slug list per show (`data/shows/…`), the archive search
 * index (`data/search/…`), the attribution and the transcripts' license. Throws when the corpus yields no episode at all.
 */
export function buildBundle(options: BundleOptions): BundleResult {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const shows = options.shows && options.shows.length > 0 ? new Set(options.shows) : undefined;
  const transcripts = listCorpus(options.corpus, 'transcripts', shows);
  const notes = listCorpus(options.corpus, 'show-notes', shows);
  if (transcripts.length === 0 && notes.length === 0) {
    throw new Error(`The corpus at ${options.corpus} has no episode${shows ? ` for --shows=${[...shows].join(',')}` : ''}.`);
  }

  const fingerprint = [codeFingerprint(), corpusFingerprint(transcripts), corpusFingerprint(notes), [...(shows ?? [])].join(',')].join(
    '\n',
  );
  const fingerprintPath = join(options.outDir, FINGERPRINT_FILE);
  if (!options.force && existsSync(fingerprintPath) && readFileSync(fingerprintPath, 'utf8') === fingerprint) {
    const files = listFiles(options.outDir);
    if (files.includes(META_FILE)) {
      log(`bundled index up to date in ${options.outDir}`);
      const compressedBytes = files.reduce((sum, file) => sum + statSync(join(options.outDir, file)).size, 0);
      return {
        outDir: options.outDir,
        built: false,
        episodes: files.filter((file) => HEAD_FILE.test(file)).length,
        transcripts: transcripts.length,
        rawBytes: 0,
        compressedBytes,
        seconds: (performance.now() - started) / 1000,
        files,
      };
    }
  }

  rmSync(options.outDir, { recursive: true, force: true });
  mkdirSync(options.outDir, { recursive: true });

  const notesByKey = new Map(notes.map((file) => [episodeKey(file.ref), file]));
  const transcriptByKey = new Map(transcripts.map((file) => [episodeKey(file.ref), file]));
  const keys = [...new Set([...transcriptByKey.keys(), ...notesByKey.keys()])].sort();

  const archive = new ArchiveIndexBuilder();
  const slugsByShow = new Map<string, string[]>();
  let rawBytes = 0;
  let compressedBytes = 0;
  const records: EncodedRecord[] = [];
  for (const key of keys) {
    const parts = archiveParts(transcriptByKey.get(key), notesByKey.get(key));
    const record = encodeRecord(parts);
    archive.add(parts.podcast, parts.slug, parts.number, parts.items, record.head.chunks);
    records.push(record);
    const slugs = slugsByShow.get(parts.podcast);
    if (slugs) slugs.push(parts.slug);
    else slugsByShow.set(parts.podcast, [parts.slug]);
  }
  const dictionary = recordsDictionary(records.flatMap((record) => record.chunks));
  mkdirSync(dirname(join(options.outDir, RECORDS_DICTIONARY)), { recursive: true });
  writeFileSync(join(options.outDir, RECORDS_DICTIONARY), dictionary);
  compressedBytes += dictionary.length;
  const write = (path: string, value: unknown) => {
    const packed = packJson(value, dictionary, nodeZlib);
    writeFileSync(join(options.outDir, path), packed);
    rawBytes += Buffer.from(packed.buffer, packed.byteOffset, 4).readUInt32LE(0);
    compressedBytes += packed.length;
  };
  for (const { head, chunks } of records) {
    mkdirSync(dirname(join(options.outDir, recordPath(head))), { recursive: true });
    write(recordPath(head), head);
    for (const [k, chunk] of chunks.entries()) write(chunkPath(head, k), chunk);
  }
  const episodes = keys.length;

  for (const [podcast, slugs] of slugsByShow) {
    const path = join(options.outDir, showListPath(podcast));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, encodeShowList(slugs));
  }

  const search = archive.write(options.outDir);
  compressedBytes += search.bytes;
  log(
    `archive search index: ${search.docs} items, ${search.terms} terms, ${search.postings} postings, ${search.shards} shards, ${(search.bytes / 1e6).toFixed(1)} MB`,
  );

  const sources = corpusSources(options.corpus);

  writeFileSync(
    join(options.outDir, ATTRIBUTION_FILE),
    `${ATTRIBUTION}${sources.map((source) => `- https://github.com/${source.repository} at ${source.commit}`).join('\n')}\n`,
  );
  const license = join(options.corpus, 'transcripts', 'LICENSE');
  if (existsSync(license)) copyFileSync(license, join(options.outDir, TRANSCRIPTS_LICENSE_FILE));
  else throw new Error(`${license} is missing: the transcripts' CC BY-SA 4.0 license must ship with the data.`);

  writeFileSync(fingerprintPath, fingerprint);
  const seconds = (performance.now() - started) / 1000;
  log(
    `bundled index: ${episodes} episodes (${transcripts.length} transcripts), ${(rawBytes / 1e6).toFixed(1)} MB → ` +
      `${(compressedBytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`,
  );
  return {
    outDir: options.outDir,
    built: true,
    episodes,
    transcripts: transcripts.length,
    rawBytes,
    compressedBytes,
    seconds,
    files: listFiles(options.outDir),
  };
}
