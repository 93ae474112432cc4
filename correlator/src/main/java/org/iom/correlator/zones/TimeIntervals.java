package org.iom.correlator.zones;

import java.util.Arrays;

/**
 * A set of instants as sorted, disjoint closed intervals {@code [from, to]} of epoch milliseconds
 * (UTC), possibly fractional (exact boundary crossings fall between milliseconds). Intervals that
 * touch are merged: two pieces of a set that meet at an instant are one piece. A zero-length
 * interval is a single instant (an isolated fix, a tangent touch). Immutable and thread-safe.
 *
 * <p>Cost: set operations are linear merges, O(n + m).
 */
final class TimeIntervals {
  static final TimeIntervals EMPTY = new TimeIntervals(new double[0], new double[0], 0);

  private final double[] from;
  private final double[] to;
  private final int size;

  private TimeIntervals(double[] from, double[] to, int size) {
    this.from = from;
    this.to = to;
    this.size = size;
  }

  static TimeIntervals of(double from, double to) {
    return new Builder().add(from, to).build();
  }

  int size() {
    return size;
  }

  double from(int i) {
    return from[i];
  }

  double to(int i) {
    return to[i];
  }

  /** Whether {@code t} lies in one of the intervals (ends included). */
  boolean contains(double t) {
    int i = lastStartingAtOrBefore(t);
    return i >= 0 && t <= to[i];
  }

  /** Whether some interval shares an instant with {@code [lo, hi]}. */
  boolean intersects(double lo, double hi) {
    int i = lastStartingAtOrBefore(hi);
    return i >= 0 && to[i] >= lo;
  }

  /** Total length in milliseconds. */
  double measure() {
    double sum = 0;
    for (int i = 0; i < size; i++) sum += to[i] - from[i];
    return sum;
  }

  TimeIntervals intersect(TimeIntervals other) {
    Builder out = new Builder();
    int i = 0;
    int j = 0;
    while (i < size && j < other.size) {
      double lo = Math.max(from[i], other.from[j]);
      double hi = Math.min(to[i], other.to[j]);
      if (lo <= hi) out.add(lo, hi);
      if (to[i] < other.to[j]) i++;
      else j++;
    }
    return out.build();
  }

  /**
   * This set minus the interiors of {@code other}'s intervals of positive length. A zero-length
   * interval of {@code other} removes nothing (it has no duration), and the ends of a removed
   * interval stay in the result as its boundary; only measure matters to callers.
   */
  TimeIntervals minus(TimeIntervals other) {
    Builder out = new Builder();
    int j = 0;
    for (int i = 0; i < size; i++) {
      double lo = from[i];
      double hi = to[i];
      while (j < other.size && other.to[j] <= lo) j++;
      int k = j;
      while (k < other.size && other.from[k] < hi) {
        if (other.to[k] > other.from[k] && other.from[k] > lo) out.add(lo, other.from[k]);
        if (other.to[k] > other.from[k]) lo = Math.max(lo, other.to[k]);
        k++;
      }
      if (lo < hi || (lo == hi && lo == from[i])) out.add(lo, hi);
    }
    return out.build();
  }

  private int lastStartingAtOrBefore(double t) {
    int lo = 0;
    int hi = size - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (from[mid] <= t) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < size; i++) {
      if (i > 0) s.append(", ");
      s.append('[').append(from[i]).append(", ").append(to[i]).append(']');
    }
    return s.append(']').toString();
  }

  /** Collects intervals in any order; {@link #build} sorts and merges. Not thread-safe. */
  static final class Builder {
    private double[] from = new double[8];
    private double[] to = new double[8];
    private int size;
    private boolean sorted = true;

    /** Adds {@code [lo, hi]}; requires {@code lo <= hi}. */
    Builder add(double lo, double hi) {
      if (!(lo <= hi)) throw new IllegalArgumentException("interval [" + lo + ", " + hi + "] ends before it starts");
      if (size > 0) {
        double lastTo = to[size - 1];
        if (lo >= from[size - 1] && lo <= lastTo) {
          // Time-ordered input merges in place: the common case costs no extra memory.
          if (hi > lastTo) to[size - 1] = hi;
          return this;
        }
        if (lo < from[size - 1]) sorted = false;
      }
      if (size == from.length) {
        from = Arrays.copyOf(from, size * 2);
        to = Arrays.copyOf(to, size * 2);
      }
      from[size] = lo;
      to[size] = hi;
      size++;
      return this;
    }

    Builder addAll(TimeIntervals set) {
      for (int i = 0; i < set.size; i++) add(set.from[i], set.to[i]);
      return this;
    }

    TimeIntervals build() {
      if (size == 0) return EMPTY;
      double[] f = Arrays.copyOf(from, size);
      double[] t = Arrays.copyOf(to, size);
      if (!sorted) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(f[a], f[b]));
        double[] f2 = new double[size];
        double[] t2 = new double[size];
        for (int i = 0; i < size; i++) {
          f2[i] = f[order[i]];
          t2[i] = t[order[i]];
        }
        return merge(f2, t2);
      }
      return merge(f, t);
    }

    private TimeIntervals merge(double[] f, double[] t) {
      int n = 0;
      for (int i = 0; i < f.length; i++) {
        if (n > 0 && f[i] <= t[n - 1]) {
          if (t[i] > t[n - 1]) t[n - 1] = t[i];
        } else {
          f[n] = f[i];
          t[n] = t[i];
          n++;
        }
      }
      return new TimeIntervals(f, t, n);
    }
  }
}
