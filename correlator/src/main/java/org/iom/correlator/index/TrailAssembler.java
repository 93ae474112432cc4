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

  /**
   * @param slots   ascending slot numbers of the blocks
   * @param blocks  packed, non-empty, sorted blocks (one per slot)
   * @param pred    the tag's fix just before the first block, or null
   * @param succ    the tag's fix just after the last block, or null
   * @return entries for every slot from {@code slots[0]} to {@code slots[count-1]}, in slot order
   *         (spanning entries fill the slots between blocks)
   */
  static List<SlotEntry> assemble(
      int tagOrd, long[] slots, int[][] blocks, int count, EdgeFix pred, EdgeFix succ,
      long slotMillis, long maxGapMillis) {
    List<SlotEntry> out = new ArrayList<>(count);
    for (int b = 0; b < count; b++) {
      int[] f = blocks[b];
      long base = slots[b] * slotMillis;
      Entry e = new Entry(tagOrd, f);
      int n = PackedFixes.count(f);
      for (int i = 0; i < n; i++) {
        int p = i * PackedFixes.STRIDE;
        e.include(f[p + 1], f[p + 2]);
        if (i > 0 && f[p] - f[p - PackedFixes.STRIDE] > maxGapMillis) {
          e.includeGapEdge(f[p - 2], f[p - 1]);
          e.includeGapEdge(f[p + 1], f[p + 2]);
        }
      }
      EdgeFix first = new EdgeFix(base + f[0], f[1], f[2]);
      int lastP = (n - 1) * PackedFixes.STRIDE;
      EdgeFix last = new EdgeFix(base + f[lastP], f[lastP + 1], f[lastP + 2]);
      EdgeFix before = b == 0 ? pred : lastOf(blocks[b - 1], slots[b - 1] * slotMillis);
      EdgeFix after = b == count - 1 ? succ : firstOf(blocks[b + 1], slots[b + 1] * slotMillis);
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

  static EdgeFix firstOf(int[] block, long base) {
    return new EdgeFix(base + block[0], block[1], block[2]);
  }

  static EdgeFix lastOf(int[] block, long base) {
    int p = block.length - PackedFixes.STRIDE;
    return new EdgeFix(base + block[p], block[p + 1], block[p + 2]);
  }

  /** An assembled entry and the slot it belongs to. */
  record SlotEntry(long slot, Entry entry) {}
}
