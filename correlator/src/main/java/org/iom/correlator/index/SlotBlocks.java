package org.iom.correlator.index;

import java.util.Arrays;

/**
 * Collects one tag's incoming fixes into packed blocks per time slot, in any order. Not
 * thread-safe (one writer).
 *
 * <p>{@link #add} packs its fixes in call order into stretches of large shared arrays
 * ({@link Slabs}); a slot's run of fixes that is in strictly increasing time and falls in a slot
 * no earlier call has touched becomes a block that is a view of its slab (offset and count), with
 * no further copy. Why slabs: a force-year is ~2.4 million (tag, slot) blocks of a few hundred
 * bytes each; as separate arrays they are all copied by every young collection that finds them
 * alive, which cost more than the packing itself, whereas a slab is allocated once, straight into
 * the old generation. A slot touched again by a later call, or a run out of time order, gets a
 * block of its own (copied, then sorted and de-duplicated by {@link #finishAll}).
 *
 * <p>Blocks are kept sorted by slot number (appending is the common case; an earlier slot is
 * found by binary search).
 */
final class SlotBlocks {
  private final long slotMillis;
  private final long maxGapMillis;
  private final String tagId;
  private long[] slotNo = new long[16];
  private int[][] data = new int[16][];
  private int[] from = new int[16];
  private int[] count = new int[16];
  /** True when the block's array is its own (growable, starts at 0), false for a slab view. */
  private boolean[] owned = new boolean[16];
  private boolean[] needsSort = new boolean[16];
  /** Per block, its {@link BlockEnvelope} for {@link #maxGapMillis} (valid once finished). */
  private int[] envelope = new int[16 * BlockEnvelope.SIZE];
  private int size;

  private final Slabs slabs;

  /**
   * @param maxGapMillis the gap threshold of the block envelopes computed while packing
   * @param slabs        where to pack (shared by a bulk builder's tags), or null for one exact-size
   *                     array per {@link #add} call
   */
  SlotBlocks(String tagId, long slotMillis, long maxGapMillis, Slabs slabs) {
    this.tagId = tagId;
    this.slotMillis = slotMillis;
    this.maxGapMillis = maxGapMillis;
    this.slabs = slabs;
  }

  /**
   * Packs fixes {@code [0, n)} of the columns; validates every coordinate first, so a call that
   * throws adds nothing. While packing, each slot's run also gets its envelope (see
   * {@link BlockEnvelope}), so that {@code build()} need not read the fixes again.
   */
  void add(long[] epochMillis, double[] easting, double[] northing, int n) {
    if (n < 0 || n > epochMillis.length || n > easting.length || n > northing.length) {
      throw new IllegalArgumentException("fix count " + n + " exceeds the columns of tag " + tagId);
    }
    if (n == 0) return;
    Slabs target = slabs != null ? slabs : new Slabs(n * PackedFixes.STRIDE);
    Runs runs = pack(epochMillis, easting, northing, n, target);
    for (int r = 0; r < runs.count; r++) {
      int end = r + 1 < runs.count ? runs.start[r + 1] : n;
      place(runs.slot[r], runs.array[r], runs.position[r], end - runs.start[r], runs.sorted[r], runs.envelope, r);
    }
  }

  /**
   * Packs fixes {@code [0, n)} run by run (maximal stretches of consecutive fixes in one slot),
   * each run into a stretch reserved from the slabs, and returns the runs with their envelopes.
   */
  private Runs pack(long[] epochMillis, double[] easting, double[] northing, int n, Slabs target) {
    Runs runs = new Runs();
    int i = 0;
    while (i < n) {
      long slot = Math.floorDiv(epochMillis[i], slotMillis);
      long slotStart = slot * slotMillis;
      long slotEnd = slotStart + slotMillis;
      int end = i + 1;
      while (end < n && epochMillis[end] >= slotStart && epochMillis[end] < slotEnd) end++;
      int[] slab = target.reserve((end - i) * PackedFixes.STRIDE);
      int p = target.lastPosition();
      int runPosition = p;
      boolean sorted = true;
      int previous = -1, previousX = 0, previousY = 0;
      int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = Integer.MIN_VALUE, maxY = Integer.MIN_VALUE;
      int gMinX = Integer.MAX_VALUE, gMinY = Integer.MAX_VALUE, gMaxX = Integer.MIN_VALUE, gMaxY = Integer.MIN_VALUE;
      for (int j = i; j < end; j++) {
        int offset = (int) (epochMillis[j] - slotStart);
        int x = PackedFixes.toCentimetres(easting[j]);
        int y = PackedFixes.toCentimetres(northing[j]);
        if (x == Integer.MIN_VALUE || y == Integer.MIN_VALUE) {
          throw new IllegalArgumentException("fix " + j + " of tag " + tagId + " at " + epochMillis[j] + " ms: easting "
              + easting[j] + ", northing " + northing[j] + " is not a finite grid position within +-21,474 km");
        }
        if (offset <= previous) sorted = false;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
        if (j > i && offset - previous > maxGapMillis) {
          gMinX = Math.min(gMinX, Math.min(previousX, x));
          gMaxX = Math.max(gMaxX, Math.max(previousX, x));
          gMinY = Math.min(gMinY, Math.min(previousY, y));
          gMaxY = Math.max(gMaxY, Math.max(previousY, y));
        }
        slab[p] = offset;
        slab[p + 1] = x;
        slab[p + 2] = y;
        p += PackedFixes.STRIDE;
        previous = offset;
        previousX = x;
        previousY = y;
      }
      runs.add(slot, i, slab, runPosition, sorted, minX, minY, maxX, maxY, gMinX, gMinY, gMaxX, gMaxY);
      i = end;
    }
    return runs;
  }

  /** Runs found while packing: slot, first fix index, where packed, whether in strict time order, envelope. */
  private static final class Runs {
    long[] slot = new long[16];
    int[] start = new int[16];
    int[][] array = new int[16][];
    int[] position = new int[16];
    boolean[] sorted = new boolean[16];
    int[] envelope = new int[16 * BlockEnvelope.SIZE];
    int count;

    void add(long s, int first, int[] packedIn, int at, boolean inOrder, int minX, int minY, int maxX, int maxY,
        int gMinX, int gMinY, int gMaxX, int gMaxY) {
      if (count == slot.length) {
        int capacity = count * 2;
        slot = Arrays.copyOf(slot, capacity);
        start = Arrays.copyOf(start, capacity);
        array = Arrays.copyOf(array, capacity);
        position = Arrays.copyOf(position, capacity);
        sorted = Arrays.copyOf(sorted, capacity);
        envelope = Arrays.copyOf(envelope, capacity * BlockEnvelope.SIZE);
      }
      slot[count] = s;
      start[count] = first;
      array[count] = packedIn;
      position[count] = at;
      sorted[count] = inOrder;
      BlockEnvelope.set(envelope, count, minX, minY, maxX, maxY, gMinX, gMinY, gMaxX, gMaxY);
      count++;
    }
  }

  private void place(long slot, int[] slab, int start, int fixes, boolean sorted, int[] runEnvelopes, int run) {
    int b;
    if (size > 0 && slotNo[size - 1] >= slot) {
      b = Arrays.binarySearch(slotNo, 0, size, slot);
      if (b >= 0) {
        appendOwned(b, slab, start, fixes);
        return;
      }
      b = -b - 1;
    } else {
      b = size;
    }
    if (size == slotNo.length) grow();
    int tail = size - b;
    System.arraycopy(slotNo, b, slotNo, b + 1, tail);
    System.arraycopy(data, b, data, b + 1, tail);
    System.arraycopy(from, b, from, b + 1, tail);
    System.arraycopy(count, b, count, b + 1, tail);
    System.arraycopy(owned, b, owned, b + 1, tail);
    System.arraycopy(needsSort, b, needsSort, b + 1, tail);
    System.arraycopy(envelope, b * BlockEnvelope.SIZE, envelope, (b + 1) * BlockEnvelope.SIZE, tail * BlockEnvelope.SIZE);
    slotNo[b] = slot;
    data[b] = slab;
    from[b] = start;
    count[b] = fixes;
    owned[b] = false;
    needsSort[b] = !sorted;
    System.arraycopy(runEnvelopes, run * BlockEnvelope.SIZE, envelope, b * BlockEnvelope.SIZE, BlockEnvelope.SIZE);
    size++;
  }

  /** Appends a run to an existing block, giving the block an array of its own first. */
  private void appendOwned(int b, int[] slab, int start, int fixes) {
    int have = count[b] * PackedFixes.STRIDE;
    int needed = have + fixes * PackedFixes.STRIDE;
    if (!owned[b]) {
      data[b] = Arrays.copyOfRange(data[b], from[b], from[b] + Math.max(needed, have + (have >> 1)));
      from[b] = 0;
      owned[b] = true;
    } else if (needed > data[b].length) {
      data[b] = Arrays.copyOf(data[b], Math.max(needed, data[b].length + (data[b].length >> 1)));
    }
    System.arraycopy(slab, start, data[b], have, fixes * PackedFixes.STRIDE);
    // Sorted only if the old last time precedes the new first and the run itself was sorted;
    // checking the whole block is simpler and this path is rare.
    needsSort[b] = true;
    count[b] += fixes;
  }

  private void grow() {
    int capacity = slotNo.length * 2;
    slotNo = Arrays.copyOf(slotNo, capacity);
    data = Arrays.copyOf(data, capacity);
    from = Arrays.copyOf(from, capacity);
    count = Arrays.copyOf(count, capacity);
    owned = Arrays.copyOf(owned, capacity);
    needsSort = Arrays.copyOf(needsSort, capacity);
    envelope = Arrays.copyOf(envelope, capacity * BlockEnvelope.SIZE);
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Number of blocks (slots holding fixes). */
  int size() {
    return size;
  }

  /** Slot numbers holding fixes, ascending. */
  long[] slots() {
    return Arrays.copyOf(slotNo, size);
  }

  /**
   * Sorts and de-duplicates (first kept) every block that needs it; afterwards {@link #data},
   * {@link #from} and {@link #count} describe final blocks.
   */
  void finishAll() {
    for (int b = 0; b < size; b++) {
      if (!needsSort[b]) continue;
      int[] own = owned[b] ? data[b] : Arrays.copyOfRange(data[b], from[b], from[b] + count[b] * PackedFixes.STRIDE);
      data[b] = PackedFixes.sortDedup(own, count[b]);
      from[b] = 0;
      count[b] = PackedFixes.count(data[b]);
      owned[b] = true;
      needsSort[b] = false;
      BlockEnvelope.compute(data[b], 0, count[b], maxGapMillis, envelope, b);
    }
  }

  /** The gap threshold the envelopes were computed with. */
  long maxGapMillis() {
    return maxGapMillis;
  }

  /** All blocks' envelopes, {@link BlockEnvelope#SIZE} ints per block (after {@link #finishAll}). */
  int[] envelopes() {
    return envelope;
  }

  /** Block {@code b}'s array (after {@link #finishAll}); its fixes start at {@link #from}. */
  int[] data(int b) {
    return data[b];
  }

  int from(int b) {
    return from[b];
  }

  int count(int b) {
    return count[b];
  }

  /** Block {@code b} as an exact-size array of its own (after {@link #finishAll}). */
  int[] exact(int b) {
    int length = count[b] * PackedFixes.STRIDE;
    if (from[b] == 0 && data[b].length == length) return data[b];
    return Arrays.copyOfRange(data[b], from[b], from[b] + length);
  }
}
