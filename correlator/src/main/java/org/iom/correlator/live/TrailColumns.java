package org.iom.correlator.live;

import java.util.Arrays;
import org.iom.ingest.model.Fix;

/**
 * One tag's fixes as primitive columns in time order: epoch ms UTC, easting and northing in
 * metres (EPSG:27700). Immutable once built.
 */
record TrailColumns(long[] epochMillis, double[] easting, double[] northing) {

  int size() {
    return epochMillis.length;
  }

  /** Collects fixes in time order (callers add them ordered) and trims the arrays on build. */
  static final class Builder {
    private long[] t = new long[16];
    private double[] x = new double[16];
    private double[] y = new double[16];
    private int n;

    void add(Fix fix) {
      add(fix.recordedAt().toEpochMilli(), fix.position().easting(), fix.position().northing());
    }

    void add(long ms, double e, double north) {
      if (n == t.length) {
        t = Arrays.copyOf(t, n * 2);
        x = Arrays.copyOf(x, n * 2);
        y = Arrays.copyOf(y, n * 2);
      }
      t[n] = ms;
      x[n] = e;
      y[n] = north;
      n++;
    }

    /** Adds the slice's fixes with {@code from <= t <= to}. */
    void addRange(TrailColumns slice, long from, long to) {
      for (int i = 0; i < slice.size(); i++) {
        long ms = slice.epochMillis[i];
        if (ms >= from && ms <= to) add(ms, slice.easting[i], slice.northing[i]);
      }
    }

    TrailColumns build() {
      return new TrailColumns(Arrays.copyOf(t, n), Arrays.copyOf(x, n), Arrays.copyOf(y, n));
    }
  }
}
