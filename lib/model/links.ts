/**
 * Which URLs may become links, and how they read: only http(s) URLs are ever links, anywhere in
 * the extension (page data, bundle data, what the popup renders), and a link shows its domain.
 */

/** Whether `url` is written as an absolute http(s) URL: the only kind that ever becomes a link. */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/**
 * An absolute http(s) URL for `href`, resolved against `base` (the page's URL, or changelog.com) when relative, or null for
 * anything else (`javascript:`, `data:`, `mailto:`, in-page `#t=` links, unparsable strings).
 * Absolute URLs are returned as written; relative ones as the browser resolves them.
 */
export function safeHttpUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // Keep an absolute URL as written (no added trailing slash), so copies match the notes.
  return isHttpUrl(trimmed) && !/\s/.test(trimmed) ? trimmed : url.href;
}

/** The host without `www.`, lower-cased; empty for unparsable URLs. */
export function domainOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}
