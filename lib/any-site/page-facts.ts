/**
 * What a page says about itself that a quote, a link and a file name need: the episode's title,
 * the show's name, and the episode's length when the page states it. Read from the metadata pages
 * publish for sharing and search (Open Graph, schema.org JSON-LD and microdata), then from the
 * page's own headings and title. Every value is text, trimmed and bounded.
 */

/** Bound on every string read here, as the changelog.com parser bounds its page strings. */
export const FACT_LIMITS = { text: 300, jsonLd: 200_000, jsonNodes: 2_000, scripts: 20 };

export interface PageFacts {
  /** The episode's title (what a quote cites). */
  title?: string;
  /** The show's name (what a file is named after, beside the title). */
  show?: string;
  /** The episode's length in seconds, when the page's metadata states it. */
  duration?: number;
}

function clean(text: string | null | undefined): string | undefined {
  const value = (text ?? '').replace(/\s+/g, ' ').trim().slice(0, FACT_LIMITS.text);
  return value === '' ? undefined : value;
}

function meta(doc: Document, names: readonly string[]): string | undefined {
  for (const name of names) {
    const element = doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
    const value = clean(element?.getAttribute('content'));
    if (value) return value;
  }
  return undefined;
}

/** Seconds of an ISO 8601 duration (`PT1H2M3S`, `PT45M`), of plain seconds, or of a clock (`1:02:03`). */
export function durationSeconds(value: string | null | undefined): number | undefined {
  const text = (value ?? '').trim();
  const iso = /^P(?:(\d+)D)?T?(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i.exec(text);
  if (iso && text.length > 1 && /\d/.test(text)) {
    const [, days, hours, minutes, seconds] = iso;
    const total = Number(days ?? 0) * 86400 + Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0);
    return total > 0 ? total : undefined;
  }
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text) > 0 ? Number(text) : undefined;
  const clock = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})$/.exec(text);
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  return undefined;
}

interface LinkedData {
  title?: string;
  show?: string;
  duration?: number;
}

const EPISODE_TYPES = /(?:^|\b)(?:PodcastEpisode|Episode|RadioEpisode|AudioObject|VideoObject|MediaObject)$/;

/** What schema.org JSON-LD says of the episode: its name, its series' name, its duration. */
function linkedData(doc: Document): LinkedData {
  const found: LinkedData = {};
  const scripts = [...doc.querySelectorAll('script[type="application/ld+json"]')].slice(0, FACT_LIMITS.scripts);
  for (const script of scripts) {
    const text = script.textContent ?? '';
    if (text.length > FACT_LIMITS.jsonLd) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    // Walk the JSON without recursion and with a node budget: a page's JSON-LD is its own to make huge.
    const queue: unknown[] = [data];
    for (let seen = 0; queue.length > 0 && seen < FACT_LIMITS.jsonNodes; seen++) {
      const node = queue.shift();
      if (Array.isArray(node)) queue.push(...node.slice(0, 100));
      if (!node || typeof node !== 'object' || Array.isArray(node)) continue;
      const record = node as Record<string, unknown>;
      const type = [record['@type']].flat().map(String).join(' ');
      if (EPISODE_TYPES.test(type)) {
        if (!found.title && typeof record.name === 'string' && /Episode/.test(type)) found.title = clean(record.name);
        const series = record.partOfSeries as Record<string, unknown> | undefined;
        if (!found.show && series && typeof series === 'object' && typeof series.name === 'string') found.show = clean(series.name);
        const duration = durationSeconds(typeof record.duration === 'string' ? record.duration : String(record.timeRequired ?? ''));
        if (!found.duration && duration) found.duration = duration;
      }
      for (const value of Object.values(record).slice(0, 100)) if (value && typeof value === 'object') queue.push(value);
    }
  }
  return found;
}

/** The show's name from the document's title, where it stands beside the episode's (`Liz Rice | Kube Cuddle`). */
function showFromTitle(documentTitle: string | undefined, title: string | undefined): string | undefined {
  if (!documentTitle) return undefined;
  const parts = documentTitle
    .split(/\s+[|–—·•:]\s+|\s+-\s+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length < 2) return undefined;
  const others = parts.filter((part) => part !== title && !title?.includes(part));
  return clean(others[others.length - 1] ?? others[0]);
}

/** The page's facts: JSON-LD first, then Open Graph, then the page's heading and title. */
export function pageFacts(doc: Document): PageFacts {
  const linked = linkedData(doc);
  const documentTitle = clean(doc.title);
  const heading = clean(doc.querySelector('main h1, article h1, h1')?.textContent);
  // A heading and a document title where one is the other plus a suffix (`Ep 7 | Show`,
  // `Ep 7 – transcript`) name the episode by their common part: the shorter.
  const named =
    heading && documentTitle && (heading.includes(documentTitle) || documentTitle.includes(heading))
      ? heading.length <= documentTitle.length
        ? heading
        : documentTitle
      : (heading ?? documentTitle);
  const title = linked.title ?? meta(doc, ['og:title', 'twitter:title']) ?? named;
  const show = linked.show ?? meta(doc, ['og:site_name', 'application-name']) ?? showFromTitle(documentTitle, title);
  const facts: PageFacts = {};
  if (title) facts.title = title;
  if (show && show !== title) facts.show = show;
  const microdata = doc.querySelector('[itemprop="duration"], [itemprop="timeRequired"]');
  const duration =
    linked.duration ??
    durationSeconds(microdata?.getAttribute('content') ?? microdata?.getAttribute('datetime')) ??
    durationSeconds(meta(doc, ['music:duration', 'video:duration']));
  if (duration) facts.duration = duration;
  return facts;
}
