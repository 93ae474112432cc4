package org.iom.correlator.index;

import java.util.Arrays;

/**
 * The packed layout of a block of one tag's fixes within one time slot: an {@code int[]} of
 * triples {@code (millisecond offset from the slot start, easting cm, northing cm)} in strictly
 * increasing time. 12 bytes a fix. Times keep full millisecond precision; positions are rounded to
 * the nearest centimetre of EPSG:27700 (at most 0.5 cm per axis), and every exact computation of
 * the index runs on the rounded values.
 */
final class PackedFixes {
  static final int STRIDE = 3;
  static final int[] NONE = new int[0];

  private PackedFixes() {}

  static int count(int[] block) {
    return block.length / STRIDE;
  }

  /** Metres to whole centimetres; {@link Integer#MIN_VALUE} flags a value an int cannot hold. */
  static int toCentimetres(double metres) {
    double cm = Math.rint(metres * 100);
    return Math.abs(cm) < Integer.MAX_VALUE ? (int) cm : Integer.MIN_VALUE;
  }

  /** Centimetres back to metres; division keeps {@code k / 100.0} identical to a parsed {@code k/100}. */
  static double toMetres(int centimetres) {
    return centimetres / 100.0;
  }

  /**
   * Sorts the first {@code n} triples by time, keeping the first of several with the same time
   * (the rule's "first one kept"), and returns an exact-size array.
   */
  static int[] sortDedup(int[] data, int n) {
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) keys[i] = ((long) data[i * STRIDE] << 32) | i;
    Arrays.sort(keys);
    int[] out = new int[n * STRIDE];
    int m = 0;
    long previous = Long.MIN_VALUE;
    for (long key : keys) {
      long time = key >>> 32;
      if (time == previous) continue;
      previous = time;
      int i = (int) key;
      System.arraycopy(data, i * STRIDE, out, m * STRIDE, STRIDE);
      m++;
    }
    return m == n ? out : Arrays.copyOf(out, m * STRIDE);
  }

  /**
   * Merges {@code incoming} into {@code existing} (both sorted and duplicate-free); on equal times
   * the existing fix wins. Returns the merged block, or {@code existing} itself when nothing new.
   */
  static int[] merge(int[] existing, int[] incoming) {
    if (incoming.length == 0) return existing;
    if (existing.length == 0) return incoming;
    int[] out = new int[existing.length + incoming.length];
    int i = 0, j = 0, m = 0;
    while (i < existing.length || j < incoming.length) {
      boolean takeExisting;
      if (j >= incoming.length) takeExisting = true;
      else if (i >= existing.length) takeExisting = false;
      else if (existing[i] == incoming[j]) {
        j += STRIDE;
        continue;
      } else takeExisting = existing[i] < incoming[j];
      if (takeExisting) {
        System.arraycopy(existing, i, out, m, STRIDE);
        i += STRIDE;
      } else {
        System.arraycopy(incoming, j, out, m, STRIDE);
        j += STRIDE;
      }
      m += STRIDE;
    }
    if (m == existing.length) return existing;
    return m == out.length ? out : Arrays.copyOf(out, m);
  }
}
