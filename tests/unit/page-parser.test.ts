// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildEpisode } from '@/lib/model/build-episode';
import { CHAPTER_LIMITS, parseChaptersJson } from '@/lib/site/chapters';
import { PAGE_LIMITS, parseEpisodePage } from '@/lib/site/page';
import { parseEpisodeUrl } from '@/lib/site/urls';
import { ownEpisodeFixtures } from '../support/own-fixtures';
import { hasSharedPages, needs, type PageFixture, sharedPageFixtures } from '../support/shared';
import { truthOf, truthView } from '../support/truth';

function parse(fixture: PageFixture) {
  const doc = new DOMParser().parseFromString(fixture.html, 'text/html');
  const ref = parseEpisodeUrl(fixture.truth.url);
  if (!ref) throw new Error(`not an episode URL: ${fixture.truth.url}`);
  return parseEpisodePage(doc, ref, fixture.truth.url);
}

function checkAgainstTruth(fixtures: PageFixture[]) {
  for (const fixture of fixtures) {
    it(`${fixture.name} agrees with its truth file`, () => {
      const { parts } = parse(fixture);
      const episode = buildEpisode(parts);
      expect(truthView(episode)).toEqual(truthOf(fixture.truth));
      expect(episode.title).toBe(fixture.truth.title);
      // What the page says of a transcript it does not have (its opening "Changelog" item is no sign of a new layout).
      const said = /legacy/.test(fixture.name)
        ? 'legacy'
        : /coming-soon/.test(fixture.name)
          ? 'coming-soon'
          : fixture.truth.hasTranscript
            ? 'available'
            : 'missing';
      expect(episode.transcriptStatus).toBe(said);
    });
  }
}

describe(needs(hasSharedPages, 'page parser on the shared changelog.com fixtures'), () => {
  if (!hasSharedPages) it.skip('needs ../shared/fixtures', () => {});
  checkAgainstTruth(sharedPageFixtures());
});

describe('page parser on our own fixtures', () => {
  checkAgainstTruth(ownEpisodeFixtures());

  it('names each featured person as the header does, without the dash before their links', () => {
    // The Featuring list reads "Grace Guest – Twitter, GitHub": the truth files leave people out.
    for (const fixture of [...ownEpisodeFixtures(), ...(hasSharedPages ? sharedPageFixtures() : [])]) {
      const doc = new DOMParser().parseFromString(fixture.html, 'text/html');
      const avatars = [...doc.querySelectorAll<HTMLElement>('.episode-header-guests a.avatar_list-item')].map((a) => a.title.trim());
      const names = (parse(fixture).parts.featuring ?? []).map((person) => person.name);
      expect(names, fixture.name).toEqual(avatars);
      for (const name of names) expect(name, fixture.name).not.toMatch(/[\s–—-]$/u);
    }
  });
});

describe('what a page can make the panel hold', () => {
  it('caps chapters, people, sponsors and the page strings', () => {
    const many = { chapters: Array.from({ length: 10_000 }, (_, i) => ({ title: 'x'.repeat(5000), number: i + 1, startTime: i })) };
    const chapters = parseChaptersJson(many);
    expect(chapters).toHaveLength(CHAPTER_LIMITS.chapters);
    expect(Math.max(...chapters.map((chapter) => chapter.title.length))).toBeLessThanOrEqual(CHAPTER_LIMITS.title);
    const [fixture] = ownEpisodeFixtures();
    if (!fixture) throw new Error('no own fixture');
    const sponsors = Array.from(
      { length: 1000 },
      (_, i) => `<p><strong><a href="https://example.com/${i}">S${i}</a></strong> ${'y'.repeat(3000)}</p>`,
    ).join('');
    const html = fixture.html
      .replace(/(<h1 class="episode-header-title">)[^<]*/, `$1${'T'.repeat(100_000)}`)
      .replace(/(<a id="sponsors"[^>]*><\/a>)/, `$1${sponsors}`);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const { parts } = parseEpisodePage(doc, { podcast: fixture.truth.podcast, slug: fixture.truth.slug }, fixture.truth.url);
    expect(parts.title?.length).toBe(PAGE_LIMITS.text);
    expect(parts.sponsors).toHaveLength(PAGE_LIMITS.sponsors);
    for (const sponsor of parts.sponsors ?? []) expect(sponsor.description.length).toBeLessThanOrEqual(PAGE_LIMITS.text);
  });
});
