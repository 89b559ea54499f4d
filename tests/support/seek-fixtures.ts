/**
 * Pages for the seek → marked turn tests, in our own words: turns whose estimated starts are
 * fractional (few timestamps, many quick turns, some starting within the same second as the turn
 * before), one with a break written `**Break**:` inside the turn before it, and a page of one turn
 * with a timestamp only inside it, so that its start is an estimate, and fractional. The
 * end-to-end site (tests/e2e/support/site.ts) serves them with the other own pages; they are not
 * in any bundle, so the panel reads them from the page.
 */
import type { SitePageInput } from './site-page';

const QUICK_TURNS = `**Noor Host:** Welcome back to a show about small programs that do one thing well. Today I am talking with Theo, who writes command line tools for a living and maintains a few of them in his spare time.

**Theo Guest:** Thanks.

**Noor Host:** Sure.

**Theo Guest:** Yes.

**Noor Host:** So, where did it start for you?

**Theo Guest:** With a shell script that grew too large. It renamed photos by the date they were taken, and after a year it had flags for everything, so I rewrote it as a real program with tests.

**Noor Host:** Right.

**Theo Guest:** Okay.

**Noor Host:** Mm-hm.

**Theo Guest:** And that rewrite taught me more than any course I took, mostly about what not to promise the people who use your tool.

**Noor Host:** \\[01:02.50\\] What do you promise them now?

**Theo Guest:** That the defaults will not change under their feet, and that every error message says what to do next.

**Noor Host:** Good rules. Let us take a short break.

**Break**: \\[01:20\\]

**Noor Host:** \\[02:21\\] And we are back. Theo, tell me about the tool you are proudest of.

**Theo Guest:** A tiny one that formats tables in the terminal. Nobody notices it, which is the point: it just works, on every machine, with every font.

**Noor Host:** Yes.

**Theo Guest:** Sure.

**Noor Host:** That is a fine place to stop. Thank you, Theo.
`;

const ONE_TURN = `**Jo Reader:** Hello, this is the short news of the week, read by one person and written for the test suite. First, a text editor learned to open very large files without freezing, by reading them a piece at a time. \\[00:41.37\\] Second, a package registry now shows which versions of a library are still maintained. Third, a browser made its developer tools quicker to start. That is all for this week; thanks for listening, and see you next time.
`;

/** The seek pages' inputs, by name. */
export function seekPageInputs(): Record<string, SitePageInput> {
  return {
    'gotime-990': {
      podcast: 'gotime',
      slug: '990',
      showName: 'Go Time',
      number: 990,
      title: 'Quick turns',
      minutes: 3,
      guests: [{ name: 'Theo Guest', handle: 'theoguest' }],
      transcriptMarkdown: QUICK_TURNS,
    },
    'news-990': {
      podcast: 'news',
      slug: '990',
      showName: 'Changelog News',
      number: 990,
      title: 'One turn',
      minutes: 1,
      transcriptMarkdown: ONE_TURN,
    },
  };
}
