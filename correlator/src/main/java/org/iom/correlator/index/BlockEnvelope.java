package org.iom.correlator.index;

/**
 * The part of a slot entry's envelopes that depends only on its own block of fixes: the bounding
 * box of the fixes, and the bounding box of the edge fixes of the gaps between consecutive fixes
 * of the block (empty, min > max, when none). Centimetres EPSG:27700. Stored as
 * {@link #SIZE} ints per block in a flat array: minX, minY, maxX, maxY, gapMinX, gapMinY,
 * gapMaxX, gapMaxY. The neighbour segments and gaps joining blocks are added by
 * {@link TrailAssembler}.
 */
final class BlockEnvelope {
  static final int SIZE = 8;

  private BlockEnvelope() {}

  static void set(int[] out, int block, int minX, int minY, int maxX, int maxY, int gMinX, int gMinY, int gMaxX, int gMaxY) {
    int o = block * SIZE;
    out[o] = minX;
    out[o + 1] = minY;
    out[o + 2] = maxX;
    out[o + 3] = maxY;
    out[o + 4] = gMinX;
    out[o + 5] = gMinY;
    out[o + 6] = gMaxX;
    out[o + 7] = gMaxY;
  }

  /** Computes block {@code block}'s envelope from its {@code count} sorted fixes starting at int index {@code from}. */
  static void compute(int[] data, int from, int count, long maxGapMillis, int[] out, int block) {
    int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = Integer.MIN_VALUE, maxY = Integer.MIN_VALUE;
    int gMinX = Integer.MAX_VALUE, gMinY = Integer.MAX_VALUE, gMaxX = Integer.MIN_VALUE, gMaxY = Integer.MIN_VALUE;
    int end = from + count * PackedFixes.STRIDE;
    for (int p = from; p < end; p += PackedFixes.STRIDE) {
      int x = data[p + 1], y = data[p + 2];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (p > from && data[p] - data[p - PackedFixes.STRIDE] > maxGapMillis) {
        int px = data[p - 2], py = data[p - 1];
        gMinX = Math.min(gMinX, Math.min(px, x));
        gMaxX = Math.max(gMaxX, Math.max(px, x));
        gMinY = Math.min(gMinY, Math.min(py, y));
        gMaxY = Math.max(gMaxY, Math.max(py, y));
      }
    }
    set(out, block, minX, minY, maxX, maxY, gMinX, gMinY, gMaxX, gMaxY);
  }

  static boolean hasGap(int[] envelopes, int block) {
    return envelopes[block * SIZE + 4] <= envelopes[block * SIZE + 6];
  }
}
