package org.iom.correlator.index;

/**
 * One tag's presence in one slot, as assembled before it is packed into a {@link Slot}: its
 * fixes, the envelope of every trail position at times inside the slot, and the envelope of the
 * edge fixes of every gap overlapping the slot. A <em>spanning</em> entry has no fixes: a gap of
 * the tag covers the whole slot, and its two edges are kept. Build-time only.
 */
final class Entry {
  final int tagOrd;
  /** The packed fixes are {@code data[from .. from + count * STRIDE)} (see {@link PackedFixes}). */
  final int[] data;
  final int from;
  final int count;
  int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = Integer.MIN_VALUE, maxY = Integer.MIN_VALUE;
  boolean hasGap;
  int gapMinX = Integer.MAX_VALUE, gapMinY = Integer.MAX_VALUE, gapMaxX = Integer.MIN_VALUE, gapMaxY = Integer.MIN_VALUE;
  EdgeFix spanPred;
  EdgeFix spanSucc;

  Entry(int tagOrd, int[] data, int from, int count) {
    this.tagOrd = tagOrd;
    this.data = data;
    this.from = from;
    this.count = count;
  }

  static Entry spanning(int tagOrd, EdgeFix before, EdgeFix after) {
    Entry e = new Entry(tagOrd, PackedFixes.NONE, 0, 0);
    e.spanPred = before;
    e.spanSucc = after;
    e.includeGapEdge(before.xCm(), before.yCm());
    e.includeGapEdge(after.xCm(), after.yCm());
    return e;
  }

  boolean isSpanning() {
    return count == 0;
  }

  void include(int x, int y) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }

  void includeGapEdge(int x, int y) {
    hasGap = true;
    if (x < gapMinX) gapMinX = x;
    if (x > gapMaxX) gapMaxX = x;
    if (y < gapMinY) gapMinY = y;
    if (y > gapMaxY) gapMaxY = y;
  }
}
