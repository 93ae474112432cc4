package org.iom.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.iom.ingest.geo.Position;
import org.iom.ingest.model.Crime;

/**
 * Seeded crimes for the correlation benchmarks, placed over a {@link TrailColumns} data set so
 * that matches exist: about three in four are put within 0-400 m of some tag's position at a
 * moment of the period (so some fall inside the 100 m radius, some only near), the rest anywhere
 * in the trails' bounding box at any time. Windows are mixed: a quarter exact instants (0 min),
 * a quarter up to 1 h, a quarter 1-4 h and a quarter 4-8 h. One in ten carries its own
 * {@code radius_m} (50 or 250 m). Deterministic for a seed.
 */
final class BenchCrimes {
  private BenchCrimes() {}

  static List<Crime> place(TrailColumns data, int count, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    for (int tag = 0; tag < data.tagIds.length; tag++) {
      for (int i = 0; i < data.easting[tag].length; i += 97) { // a sample is enough for a box
        minX = Math.min(minX, data.easting[tag][i]);
        maxX = Math.max(maxX, data.easting[tag][i]);
        minY = Math.min(minY, data.northing[tag][i]);
        maxY = Math.max(maxY, data.northing[tag][i]);
      }
    }
    long t0 = data.start.toEpochMilli();
    long t1 = data.end.toEpochMilli();
    List<Crime> out = new ArrayList<>(count);
    for (int c = 0; c < count; c++) {
      long length = switch (c % 4) {
        case 0 -> 0;
        case 1 -> rnd.nextLong(60) * 60_000;
        case 2 -> (60 + rnd.nextLong(180)) * 60_000;
        default -> (240 + rnd.nextLong(241)) * 60_000;
      };
      long at = t0 + rnd.nextLong(t1 - t0 - 8 * 3_600_000L);
      double x, y;
      int tag = rnd.nextInt(data.tagIds.length);
      long[] times = data.epochMillis[tag];
      if (rnd.nextInt(4) != 0 && times.length > 0) {
        int i = Math.min(TrailColumns.lowerBound(times, at), times.length - 1);
        double angle = rnd.nextDouble(2 * Math.PI);
        double distance = 400 * Math.sqrt(rnd.nextDouble());
        x = data.easting[tag][i] + distance * Math.cos(angle);
        y = data.northing[tag][i] + distance * Math.sin(angle);
        at = times[i];
      } else {
        x = minX + rnd.nextDouble() * (maxX - minX);
        y = minY + rnd.nextDouble() * (maxY - minY);
      }
      long from = (at - (length == 0 ? 0 : rnd.nextLong(length + 1))) / 1000 * 1000;
      Double radius = rnd.nextInt(10) == 0 ? (rnd.nextBoolean() ? 50.0 : 250.0) : null;
      out.add(new Crime(String.format("BC-%05d", c + 1), "BURGLARY", Instant.ofEpochMilli(from),
          Instant.ofEpochMilli(from + length), Position.ofGrid(Math.rint(x * 100) / 100, Math.rint(y * 100) / 100),
          null, radius));
    }
    return out;
  }

  /** The crimes whose whole search window (with {@code bufferMillis}) lies in {@code [from, to)} with a day to spare. */
  static List<Crime> within(List<Crime> crimes, Instant from, Instant to, long bufferMillis) {
    long day = 86_400_000L;
    List<Crime> out = new ArrayList<>();
    for (Crime c : crimes) {
      if (c.committedFrom().toEpochMilli() - bufferMillis >= from.toEpochMilli() + day
          && c.committedTo().toEpochMilli() + bufferMillis < to.toEpochMilli() - day) {
        out.add(c);
      }
    }
    return out;
  }
}
