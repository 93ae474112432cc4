package org.iom.correlator.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a run of one tag's consecutive fix blocks into slot entries with conservative envelopes.
 *
 * <p>Why the envelopes are enough (slot length {@code S >= maxGap}): a segment is at most
 * {@code maxGap <= S} long, so a segment overlapping slot k has an end fix in slot k; the presence
 * envelope of slot k therefore covers the slot's fixes plus the neighbour fix before the first and
 * after the last when they form segments. A gap overlapping slot k either has an edge fix in slot
 * k (internal, entering or leaving gap) or covers the whole slot; the latter gets a spanning entry
 * holding both edges. Envelopes ignore assignments: assignments only remove segments and gaps, so
 * the filter stays conservative.
 */
final class TrailAssembler {
  private TrailAssembler() {}

  /** {@link #assemble(int, long[], int[][], int[], int[], int, EdgeFix, EdgeFix, long, long)} for exact-size blocks. */
  static List<SlotEntry> assemble(
      int tagOrd, long[] slots, int[][] blocks, int count, EdgeFix pred, EdgeFix succ,
      long slotMillis, long maxGapMillis) {
    int[] from = new int[count];
    int[] fixes = new int[count];
    for (int b = 0; b < count; b++) fixes[b] = PackedFixes.count(blocks[b]);
    return assemble(tagOrd, slots, blocks, from, fixes, null, count, pred, succ, slotMillis, maxGapMillis);
  }

  /**
   * @param slots   ascending slot numbers of the blocks
   * @param data    per block, the array holding its packed fixes, sorted, from int index
   *                {@code from[b]}, {@code fixes[b] > 0} of them
   * @param envelopes per block, its {@link BlockEnvelope} for {@code maxGapMillis}, or null to
   *                compute them here
   * @param pred    the tag's fix just before the first block, or null
   * @param succ    the tag's fix just after the last block, or null
   * @return entries for every slot from {@code slots[0]} to {@code slots[count-1]}, in slot order
   *         (spanning entries fill the slots between blocks)
   */
  static List<SlotEntry> assemble(
      int tagOrd, long[] slots, int[][] data, int[] from, int[] fixes, int[] envelopes, int count, EdgeFix pred,
      EdgeFix succ, long slotMillis, long maxGapMillis) {
    if (envelopes == null) {
      envelopes = new int[count * BlockEnvelope.SIZE];
      for (int b = 0; b < count; b++) BlockEnvelope.compute(data[b], from[b], fixes[b], maxGapMillis, envelopes, b);
    }
    List<SlotEntry> out = new ArrayList<>(count);
    for (int b = 0; b < count; b++) {
      int[] f = data[b];
      int start = from[b];
      long base = slots[b] * slotMillis;
      Entry e = new Entry(tagOrd, f, start, fixes[b]);
      int o = b * BlockEnvelope.SIZE;
      e.include(envelopes[o], envelopes[o + 1]);
      e.include(envelopes[o + 2], envelopes[o + 3]);
      if (BlockEnvelope.hasGap(envelopes, b)) {
        e.includeGapEdge(envelopes[o + 4], envelopes[o + 5]);
        e.includeGapEdge(envelopes[o + 6], envelopes[o + 7]);
      }
      EdgeFix first = firstOf(f, start, base);
      EdgeFix last = lastOf(f, start, fixes[b], base);
      EdgeFix before = b == 0 ? pred : lastOf(data[b - 1], from[b - 1], fixes[b - 1], slots[b - 1] * slotMillis);
      EdgeFix after = b == count - 1 ? succ : firstOf(data[b + 1], from[b + 1], slots[b + 1] * slotMillis);
      joinNeighbour(e, before, first, maxGapMillis);
      joinNeighbour(e, last, after, maxGapMillis);
      out.add(new SlotEntry(slots[b], e));
      if (b + 1 < count) {
        for (long s = slots[b] + 1; s < slots[b + 1]; s++) {
          out.add(new SlotEntry(s, Entry.spanning(tagOrd, last, after)));
        }
      }
    }
    return out;
  }

  /** Adds the pair {@code (a, b)} to the entry's presence or gap envelope; either may be null. */
  private static void joinNeighbour(Entry e, EdgeFix a, EdgeFix b, long maxGapMillis) {
    if (a == null || b == null) return;
    if (b.epochMillis() - a.epochMillis() <= maxGapMillis) {
      e.include(a.xCm(), a.yCm());
      e.include(b.xCm(), b.yCm());
    } else {
      e.includeGapEdge(a.xCm(), a.yCm());
      e.includeGapEdge(b.xCm(), b.yCm());
    }
  }

  /** The first fix of a block whose packed fixes start at int index {@code from}. */
  static EdgeFix firstOf(int[] data, int from, long base) {
    return new EdgeFix(base + data[from], data[from + 1], data[from + 2]);
  }

  /** The last of a block's {@code count} fixes. */
  static EdgeFix lastOf(int[] data, int from, int count, long base) {
    int p = from + (count - 1) * PackedFixes.STRIDE;
    return new EdgeFix(base + data[p], data[p + 1], data[p + 2]);
  }

  /** An assembled entry and the slot it belongs to. */
  record SlotEntry(long slot, Entry entry) {}
}
