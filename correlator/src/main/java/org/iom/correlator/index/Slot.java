package org.iom.correlator.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * All tags' entries in one UTC time slot {@code [base, base + S)}, column-wise. Immutable once
 * built (a change builds a new slot), so readers need no lock.
 *
 * <p>Per entry: tag ordinal (ascending, for binary search), packed fixes (see {@link PackedFixes}:
 * {@code fixData[i]} from int index {@code fixFrom[i]}, {@code fixCount[i]} fixes, usually a
 * stretch of a slab shared with the tag's other slots; none for a spanning entry) and the presence envelope in centimetres (empty, min > max, for a
 * spanning entry). Sparse columns hold the gap envelopes of the entries that have gaps, and the
 * two edge fixes of spanning entries. About 40 bytes per entry plus 12 per fix.
 */
final class Slot {
  final long slotNo;
  final long baseMillis;
  final int[] tagOrd;
  final int[][] fixData;
  final int[] fixFrom;
  final int[] fixCount;
  final int[] minX, minY, maxX, maxY;
  final int[] gapEntry;
  final int[] gapMinX, gapMinY, gapMaxX, gapMaxY;
  final int[] spanEntry;
  final long[] spanPredT, spanSuccT;
  final int[] spanPredX, spanPredY, spanSuccX, spanSuccY;
  final int totalFixes;

  /** @param entries sorted by tag ordinal, at most one per tag */
  Slot(long slotNo, long slotMillis, List<Entry> entries) {
    this.slotNo = slotNo;
    this.baseMillis = slotNo * slotMillis;
    int n = entries.size();
    tagOrd = new int[n];
    fixData = new int[n][];
    fixFrom = new int[n];
    fixCount = new int[n];
    minX = new int[n];
    minY = new int[n];
    maxX = new int[n];
    maxY = new int[n];
    int gaps = 0, spans = 0, total = 0;
    for (int i = 0; i < n; i++) {
      Entry e = entries.get(i);
      if (i > 0 && e.tagOrd <= tagOrd[i - 1]) throw new IllegalStateException("slot entries out of tag order");
      tagOrd[i] = e.tagOrd;
      fixData[i] = e.data;
      fixFrom[i] = e.from;
      fixCount[i] = e.count;
      minX[i] = e.minX;
      minY[i] = e.minY;
      maxX[i] = e.maxX;
      maxY[i] = e.maxY;
      if (e.hasGap) gaps++;
      if (e.isSpanning()) spans++;
      total += e.count;
    }
    totalFixes = total;
    gapEntry = new int[gaps];
    gapMinX = new int[gaps];
    gapMinY = new int[gaps];
    gapMaxX = new int[gaps];
    gapMaxY = new int[gaps];
    spanEntry = new int[spans];
    spanPredT = new long[spans];
    spanSuccT = new long[spans];
    spanPredX = new int[spans];
    spanPredY = new int[spans];
    spanSuccX = new int[spans];
    spanSuccY = new int[spans];
    int g = 0, s = 0;
    for (int i = 0; i < n; i++) {
      Entry e = entries.get(i);
      if (e.hasGap) {
        gapEntry[g] = i;
        gapMinX[g] = e.gapMinX;
        gapMinY[g] = e.gapMinY;
        gapMaxX[g] = e.gapMaxX;
        gapMaxY[g] = e.gapMaxY;
        g++;
      }
      if (e.isSpanning()) {
        spanEntry[s] = i;
        spanPredT[s] = e.spanPred.epochMillis();
        spanPredX[s] = e.spanPred.xCm();
        spanPredY[s] = e.spanPred.yCm();
        spanSuccT[s] = e.spanSucc.epochMillis();
        spanSuccX[s] = e.spanSucc.xCm();
        spanSuccY[s] = e.spanSucc.yCm();
        s++;
      }
    }
  }

  int size() {
    return tagOrd.length;
  }

  /** Entry index of the tag, or a negative number when the tag has no entry here. */
  int find(int ord) {
    return Arrays.binarySearch(tagOrd, ord);
  }

  boolean isSpanning(int entry) {
    return fixCount[entry] == 0;
  }

  /** The tag's last fix at or before this slot's end: last packed fix, or a spanning gap's first edge. */
  EdgeFix lastFixOrGapStart(int entry) {
    if (!isSpanning(entry)) return TrailAssembler.lastOf(fixData[entry], fixFrom[entry], fixCount[entry], baseMillis);
    int s = Arrays.binarySearch(spanEntry, entry);
    return new EdgeFix(spanPredT[s], spanPredX[s], spanPredY[s]);
  }

  /** The tag's first fix: first packed fix, or a spanning gap's closing edge. */
  EdgeFix firstFixOrGapEnd(int entry) {
    if (!isSpanning(entry)) return TrailAssembler.firstOf(fixData[entry], fixFrom[entry], baseMillis);
    int s = Arrays.binarySearch(spanEntry, entry);
    return new EdgeFix(spanSuccT[s], spanSuccX[s], spanSuccY[s]);
  }

  /** The opening edge of a spanning entry's gap. */
  EdgeFix spanStart(int entry) {
    int s = Arrays.binarySearch(spanEntry, entry);
    return new EdgeFix(spanPredT[s], spanPredX[s], spanPredY[s]);
  }

  /** The closing edge of a spanning entry's gap. */
  EdgeFix spanEnd(int entry) {
    int s = Arrays.binarySearch(spanEntry, entry);
    return new EdgeFix(spanSuccT[s], spanSuccX[s], spanSuccY[s]);
  }

  /** Entry {@code i}'s fixes as an exact-size array of their own (a copy when they are a slab's stretch). */
  int[] exactFixes(int i) {
    int length = fixCount[i] * PackedFixes.STRIDE;
    if (fixFrom[i] == 0 && fixData[i].length == length) return fixData[i];
    return Arrays.copyOfRange(fixData[i], fixFrom[i], fixFrom[i] + length);
  }

  /** A copy of this slot with the tag's entry replaced by {@code replacement} (or removed when null). */
  Slot withEntry(int ord, Entry replacement, long slotMillis) {
    List<Entry> entries = new ArrayList<>(size() + 1);
    boolean placed = false;
    for (int i = 0; i < size(); i++) {
      if (!placed && replacement != null && replacement.tagOrd < tagOrd[i]) {
        entries.add(replacement);
        placed = true;
      }
      if (tagOrd[i] == ord) continue;
      entries.add(entry(i));
    }
    if (!placed && replacement != null) entries.add(replacement);
    return new Slot(slotNo, slotMillis, entries);
  }

  /** Rebuilds the assembled form of one entry. */
  private Entry entry(int i) {
    Entry e;
    if (isSpanning(i)) {
      e = Entry.spanning(tagOrd[i], spanStart(i), spanEnd(i));
    } else {
      e = new Entry(tagOrd[i], fixData[i], fixFrom[i], fixCount[i]);
      e.minX = minX[i];
      e.minY = minY[i];
      e.maxX = maxX[i];
      e.maxY = maxY[i];
      int g = Arrays.binarySearch(gapEntry, i);
      if (g >= 0) {
        e.hasGap = true;
        e.gapMinX = gapMinX[g];
        e.gapMinY = gapMinY[g];
        e.gapMaxX = gapMaxX[g];
        e.gapMaxY = gapMaxY[g];
      }
    }
    return e;
  }
}
