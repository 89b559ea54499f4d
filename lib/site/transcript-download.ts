/**
 * How a changelog.com episode's downloaded transcript is named and credited: "Ship It! #26:
 * Kubernetes…", files `ship-it-26.*`, the episode page, the transcripts' license, and `#t=` links to
 * each moment. Another site's wiring gives its own {@link ExportInfo}.
 */
import type { Episode } from '../model/episode';
import type { ExportInfo } from '../model/transcript-formats/transcript-export';
import { podcastName } from './podcasts';
import { episodeName, episodeNumber, episodeUrl, timeUrl } from './urls';

/** Whose the archive's transcripts are (data/ATTRIBUTION.md says the same). */
export function transcriptNotice(podcast: string): string {
  return podcast === 'bigtent'
    ? 'Transcript © Grafana Labs.'
    : 'Transcript © Changelog Media LLC and contributors, CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).';
}

/** The download details of an episode. */
export function episodeExportInfo(episode: Pick<Episode, 'podcast' | 'slug' | 'number' | 'title'>): ExportInfo {
  const name = episodeName(episode);
  const number = episode.number ?? episodeNumber(episode.slug);
  const ref = { podcast: episode.podcast, slug: episode.slug };
  return {
    title: number !== undefined && episode.title ? `${name}: ${episode.title}` : name,
    fileStem: `${podcastName(episode.podcast)} ${number ?? episode.slug}`,
    url: episodeUrl(ref),
    notice: transcriptNotice(episode.podcast),
    timeUrl: (seconds) => timeUrl(ref, seconds),
  };
}
