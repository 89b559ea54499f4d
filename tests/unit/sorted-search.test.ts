/**
 * The one binary search every sorted lookup goes through (item starts, row offsets, chunk starts,
 * dictionary terms, the estimator's anchors and gaps): it must agree with reading the list in order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastAtOrBefore, partitionPoint } from '@/lib/model/sorted-search';
import { fuzzParams } from '../support/fuzz';

const sortedNumbers = fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 40 }).map((list) => list.sort((a, b) => a - b));

describe('partitionPoint', () => {
  it('is the first position where the question stops holding, as a linear scan finds it', () => {
    fc.assert(
      fc.property(sortedNumbers, fc.integer({ min: -1, max: 51 }), (sorted, value) => {
        const scan = sorted.findIndex((x) => !(x <= value));
        expect(partitionPoint(sorted.length, (at) => (sorted[at] as number) <= value)).toBe(scan === -1 ? sorted.length : scan);
      }),
      fuzzParams,
    );
  });

  it('finds the first of equal values and the end of an empty list', () => {
    expect(partitionPoint(5, (at) => ([1, 2, 2, 2, 3][at] as number) < 2)).toBe(1);
    expect(partitionPoint(0, () => true)).toBe(0);
  });
});

describe('lastAtOrBefore', () => {
  it('is the last value at or before the one asked, 0 when none is', () => {
    fc.assert(
      fc.property(sortedNumbers, fc.integer({ min: -1, max: 51 }), (sorted, value) => {
        let expected = 0;
        sorted.forEach((x, at) => {
          if (x <= value) expected = at;
        });
        expect(lastAtOrBefore(sorted, value)).toBe(expected);
      }),
      fuzzParams,
    );
  });
});
