/**
 * A quick test of whether a node of the source contains one of a set of
 * source offsets (a yield, an annotation comment): a binary search over the
 * sorted offsets instead of a walk of the node.
 */

interface Ranged {
  start?: number | null;
  end?: number | null;
}

/**
 * Returns a test that is true when some offset lies in `[start, end)` of the
 * node, and for a node without a range (one a transform made), which may
 * hold anything.
 */
export function offsetsInRangeTest(offsets: readonly number[]): (node: Ranged) => boolean {
  const sorted = [...offsets].sort((a, b) => a - b);
  const offsetAt = (index: number) => sorted[index]!;
  return ({ start, end }) => {
    if (start == null || end == null) return true;
    // The first offset at or after `start` is inside when it is before `end`.
    const first = firstAtOrAfter(sorted.length, offsetAt, start);
    return first < sorted.length && sorted[first]! < end;
  };
}

/** The index of the first of `count` ascending values (`valueAt(index)`) at or after `target`, or `count` (a binary search). */
export function firstAtOrAfter(count: number, valueAt: (index: number) => number, target: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (valueAt(middle) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
