/**
 * The Download menu's logic: which items a download holds (the ones shown, or the whole transcript
 * when the listener asks), what the file says about the selection, and saving it in a format
 * through the panel's environment. Says what happened to screen readers.
 */
import { useState } from 'preact/hooks';
import type { TranscriptItem } from '@/lib/model/episode';
import { type TranscriptFile, type TranscriptFormat, transcriptFile } from '@/lib/model/transcript-formats/index';
import { type ExportInfo, exportEntries } from '@/lib/model/transcript-formats/transcript-export';

export type DownloadScope = 'shown' | 'all';

export interface TranscriptDownloadInput {
  /** The whole transcript. */
  items: readonly TranscriptItem[];
  /** What the panel shows now (the speakers and search results picked). */
  visible: readonly TranscriptItem[];
  /** The episode's length in seconds, when known: the last item ends there. */
  duration: number | undefined;
  /** Speakers picked, none for everyone. */
  speakers: ReadonlySet<string>;
  /** The search whose results are shown, '' for none. */
  query: string;
  /** How files are named and credited; with `save`, what makes downloads possible here. */
  info: ExportInfo | undefined;
  save: ((file: TranscriptFile) => boolean) | undefined;
}

/** "Liz Rice, Gerhard Lazu; search “ebpf”": what the listener picked, said in the file. */
export function selectionLabel(speakers: ReadonlySet<string>, query: string): string {
  const parts: string[] = [];
  if (speakers.size > 0) parts.push([...speakers].join(', '));
  if (query.trim() !== '') parts.push(`search “${query.trim()}”`);
  return parts.join('; ');
}

export function useTranscriptDownload(input: TranscriptDownloadInput) {
  const [scope, setScope] = useState<DownloadScope>('shown');
  const [announcement, setAnnouncement] = useState('');
  const selection = selectionLabel(input.speakers, input.query);
  const filtered = selection !== '' && input.visible.length !== input.items.length;
  const items = filtered && scope === 'shown' ? input.visible : input.items;
  return {
    /** Whether this panel can save files at all. */
    available: input.info !== undefined && input.save !== undefined,
    /** Whether the panel shows less than the whole transcript (then the listener chooses). */
    filtered,
    scope,
    setScope,
    /** Items the download would hold. */
    count: items.length,
    /** Items shown, and in the whole transcript. */
    shown: input.visible.length,
    total: input.items.length,
    announcement,
    download(format: TranscriptFormat) {
      const { info, save } = input;
      if (items.length === 0 || !info || !save) return;
      const picked = filtered && scope === 'shown';
      const file = transcriptFile(format, {
        info,
        entries: exportEntries(items, input.items, input.duration),
        total: input.items.length,
        ...(picked ? { selection } : {}),
      });
      const saved = save(file);
      setAnnouncement(saved ? `Saved ${file.name}` : `Could not save the ${format.label} file`);
    },
  };
}
