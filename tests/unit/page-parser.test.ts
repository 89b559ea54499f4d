// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildEpisode } from '@/lib/model/build-episode';
import { parseEpisodePage } from '@/lib/site/page';
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
});
