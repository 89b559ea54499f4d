/**
 * Clock strings: the transcripts' bracketed timestamps, the site's player and its `#t=` links.
 */

/**
 * A bracketed transcript timestamp as it reads once Markdown escapes are gone: `[04:15]`,
 * `[01:00:04.16]`, and the archive's irregular forms (`[100:08]` for 100 minutes, `[0:31:2.01]`,
 * `[00:44:03:20]` with a trailing frame count). Group 1 is the clock.
 */
export const BRACKETED_TIMESTAMP = /\[(\d{1,3}(?::\d{1,2}){1,3}(?:\.\d{1,3})?)\]/g;

/**
 * Seconds of a clock string, or null when it is not one: `MM:SS`, `H:MM:SS`, `HH:MM:SS.ms`,
 * `MMM:SS`, and `HH:MM:SS:FF` (the fourth part read as hundredths, as the archive means it).
 */
export function parseClock(clock: string): number | null {
  const match = /^(\d{1,3})(?::(\d{1,2}))(?::(\d{1,2}))?(?::(\d{1,2}))?(?:\.(\d{1,3}))?$/.exec(clock.trim());
  if (!match) return null;
  const [, a, b, c, d, fraction] = match;
  let seconds: number;
  let hundredths = 0;
  if (c === undefined) {
    seconds = Number(a) * 60 + Number(b);
  } else {
    seconds = Number(a) * 3600 + Number(b) * 60 + Number(c);
    if (d !== undefined) hundredths = Number(d) / 100;
  }
  const fractional = fraction === undefined ? hundredths : Number(`0.${fraction}`);
  return Math.round((seconds + fractional) * 100) / 100;
}

/** `M:SS` or `H:MM:SS`, whole seconds, as the site's player prints the play head. */
export function formatClock(totalSeconds: number): string {
  const whole = Math.max(0, Math.floor(Number.isFinite(totalSeconds) ? totalSeconds : 0));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const seconds = whole % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/**
 * Reads the player's `#t=` fragment value: plain seconds (`#t=255`) or a clock (`#t=04:15`).
 */
export function parseTimeFragment(value: string): number | null {
  const trimmed = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return parseClock(trimmed);
}
