/**
 * Binary search over a never-decreasing list of numbers (item starts, row offsets, chunk starts).
 */

/** The last position below `count` whose value is at or before `value`; 0 when there is none. */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number, count = sorted.length): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((sorted[middle] as number) <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}
