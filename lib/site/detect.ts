/**
 * Is this page an episode page? The URL says so first (cheap, run on every changelog.com page);
 * the DOM confirms it (`body.page-episode-show` and an `article.episode` with a title), which
 * keeps out show indexes, news lists, person and topic pages that share some of the markup. The
 * content script asks the URL ({@link episodeRefFromUrl}); the panel, once loaded, the page.
 */
import { select } from './selectors';
import { type EpisodeRef, parseEpisodeUrl } from './urls';

/** The episode a URL names, or null: the only check run on pages that are not episodes. */
export function episodeRefFromUrl(url: string | URL): EpisodeRef | null {
  return parseEpisodeUrl(url);
}

/** Whether the document is laid out as an episode page. */
export function isEpisodeDocument(doc: Document): boolean {
  if (!select(doc, 'episodeBody')) return false;
  const article = select(doc, 'episodeArticle');
  if (!article) return false;
  const title = select(article, 'title');
  return Boolean(title?.textContent?.trim());
}
