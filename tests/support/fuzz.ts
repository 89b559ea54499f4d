/**
 * How many cases each property runs: a quick count in `npm test`, 10,000 in `npm run test:fuzz`
 * (FUZZ_RUNS=10000).
 */
import fc from 'fast-check';

export const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

export const fuzzParams = { numRuns: RUNS };

/** Words, Markdown syntax, timestamps, HTML and hostile bits, mixed: what transcripts are made of. */
export const transcriptText = (): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom('word', 'eBPF', 'Kubernetes', 'héllo', '日本語', 'ٱلْعَرَبِيَّة', '\u200b', '\u202e', '6:30AM', '1997.'),
        fc.constantFrom('*', '_', '**', '`', '[', ']', '(', ')', '\\', '#', '-', '>', '<', '&amp;', '\n', '\n\n', ' '),
        fc.constantFrom('\\[04:15\\]', '\\[01:00:04.16\\]', '[12:00]', '\\[100:08\\]', '**\\[22:32\\]**'),
        fc.constantFrom(
          '[link](https://example.com/x)',
          '[js](javascript:alert(1))',
          '<a href="javascript:alert(1)">x</a>',
          '<script>alert(1)</script>',
          '<img src=x onerror=alert(1)>',
          'data:text/html,<b>x</b>',
        ),
        fc.constantFrom('**Ada:**', '**Break:**', '**Bob Example:**', '**:**', '** Spaced :**'),
        fc.string(),
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(' '));
