/**
 * The one binary search: over anything sorted (item starts, row offsets, chunk starts, terms),
 * asked as a yes/no question that holds for a first run of positions and not after.
 */

/**
 * The first position in [0, count) where `before` is false, or `count` when it holds everywhere;
 * `before` must hold for a first run of positions and never again after it.
 */
export function partitionPoint(count: number, before: (position: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The last position below `count` whose value is at or before `value`; 0 when there is none. */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number, count = sorted.length): number {
  return Math.max(0, partitionPoint(count, (position) => (sorted[position] as number) <= value) - 1);
}
