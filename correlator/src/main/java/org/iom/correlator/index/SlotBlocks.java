package org.iom.correlator.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Collects one tag's incoming fixes into packed blocks per time slot, in any order. Fast path:
 * fixes arriving in time order are copied straight into exact-size blocks. Not thread-safe (one
 * writer).
 */
final class SlotBlocks {
  private final long slotMillis;
  private final String tagId;
  private final Map<Long, Block> blocks = new HashMap<>();
  private Block lastBlock;
  private long lastSlot = Long.MIN_VALUE;

  SlotBlocks(String tagId, long slotMillis) {
    this.tagId = tagId;
    this.slotMillis = slotMillis;
  }

  /** Packs fixes {@code [0, n)} of the columns; validates each coordinate. */
  void add(long[] epochMillis, double[] easting, double[] northing, int n) {
    if (n < 0 || n > epochMillis.length || n > easting.length || n > northing.length) {
      throw new IllegalArgumentException("fix count " + n + " exceeds the columns of tag " + tagId);
    }
    int i = 0;
    while (i < n) {
      long slot = Math.floorDiv(epochMillis[i], slotMillis);
      long slotEnd = (slot + 1) * slotMillis;
      long slotStart = slot * slotMillis;
      int j = i + 1;
      while (j < n && epochMillis[j] >= slotStart && epochMillis[j] < slotEnd) j++;
      blockOf(slot).append(slotStart, epochMillis, easting, northing, i, j, tagId);
      i = j;
    }
  }

  boolean isEmpty() {
    return blocks.isEmpty();
  }

  /** Slot numbers holding fixes, ascending. */
  long[] slots() {
    long[] out = new long[blocks.size()];
    int k = 0;
    for (Long s : blocks.keySet()) out[k++] = s;
    Arrays.sort(out);
    return out;
  }

  /** The finished block of a slot: sorted, duplicate times removed (first kept), exact size. */
  int[] finish(long slot) {
    return blocks.get(slot).finish();
  }

  private Block blockOf(long slot) {
    if (slot != lastSlot) {
      lastBlock = blocks.computeIfAbsent(slot, s -> new Block());
      lastSlot = slot;
    }
    return lastBlock;
  }

  private static final class Block {
    int[] data = PackedFixes.NONE;
    int size;
    boolean needsSort;

    void append(long slotStart, long[] t, double[] x, double[] y, int from, int to, String tagId) {
      int needed = (size + to - from) * PackedFixes.STRIDE;
      if (needed > data.length) {
        data = Arrays.copyOf(data, size == 0 ? needed : Math.max(needed, data.length + (data.length >> 1)));
      }
      int last = size == 0 ? -1 : data[(size - 1) * PackedFixes.STRIDE];
      int p = size * PackedFixes.STRIDE;
      for (int i = from; i < to; i++) {
        int offset = (int) (t[i] - slotStart);
        if (offset <= last) needsSort = true;
        last = offset;
        int xCm = PackedFixes.toCentimetres(x[i]);
        int yCm = PackedFixes.toCentimetres(y[i]);
        if (xCm == Integer.MIN_VALUE || yCm == Integer.MIN_VALUE) {
          throw new IllegalArgumentException("fix " + i + " of tag " + tagId + " at " + t[i] + " ms: easting " + x[i]
              + ", northing " + y[i] + " is not a finite grid position within +-21,474 km");
        }
        data[p++] = offset;
        data[p++] = xCm;
        data[p++] = yCm;
      }
      size += to - from;
    }

    int[] finish() {
      if (needsSort) {
        data = PackedFixes.sortDedup(data, size);
        size = PackedFixes.count(data);
        needsSort = false;
      } else if (data.length != size * PackedFixes.STRIDE) {
        data = Arrays.copyOf(data, size * PackedFixes.STRIDE);
      }
      return data;
    }
  }
}
