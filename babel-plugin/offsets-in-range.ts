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
  return ({ start, end }) => {
    if (start == null || end == null) return true;
    // The first offset at or after `start` is inside when it is before `end`.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]! < start) low = middle + 1;
      else high = middle;
    }
    return low < sorted.length && sorted[low]! < end;
  };
}
