package org.iom.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iom.correlator.index.TrailIndex;
import org.iom.fixtures.Scenario;
import org.iom.fixtures.ScenarioConfig;
import org.iom.fixtures.ScenarioGenerator;
import org.iom.fixtures.TrailBuffer;
import org.iom.ingest.model.TagAssignment;

/**
 * Every tag's whole trail as primitive columns in memory (epoch ms UTC, metres EPSG:27700), drawn
 * from the geo-fixtures generator (default noise: jitter, drift spikes, dropouts, indoor and long
 * gaps, refitted tags; upload noise does not apply to these clean trails): the one data set the correlation benchmarks
 * share. Positions are rounded to the centimetre here, so that the index (which stores whole
 * centimetres), the brute-force scan and PostGIS all see identical inputs and their answers can
 * be compared exactly. 24 bytes per fix. Immutable after {@link #generate}; safe to read from
 * many threads.
 */
final class TrailColumns {
  final String[] tagIds;
  final long[][] epochMillis;
  final double[][] easting;
  final double[][] northing;
  final List<TagAssignment> assignments;
  final Instant start;
  final Instant end;

  private TrailColumns(String[] tagIds, long[][] t, double[][] x, double[][] y, List<TagAssignment> assignments,
      Instant start, Instant end) {
    this.tagIds = tagIds;
    this.epochMillis = t;
    this.easting = x;
    this.northing = y;
    this.assignments = assignments;
    this.start = start;
    this.end = end;
  }

  /**
   * Generates {@code tags} trails of {@code days} days from {@code start} (a UTC midnight), one
   * fix a minute, on {@code threads} threads (generation is deterministic per tag).
   */
  static TrailColumns generate(int tags, int days, long seed, Instant start, int threads) throws Exception {
    ScenarioConfig config = ScenarioConfig.of(tags, days, seed).withStart(start)
        .withCrimes(ScenarioConfig.CrimePlan.NONE);
    Scenario scenario = ScenarioGenerator.generate(config);
    String[] ids = new String[tags];
    long[][] t = new long[tags][];
    double[][] x = new double[tags][];
    double[][] y = new double[tags][];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        int worker = w;
        jobs.add(pool.submit(() -> {
          TrailBuffer buffer = new TrailBuffer();
          for (int tag = worker; tag < tags; tag += threads) {
            scenario.fillTagTrail(tag, buffer);
            int n = buffer.count();
            long[] ms = new long[n];
            double[] e = new double[n];
            double[] no = new double[n];
            for (int i = 0; i < n; i++) {
              ms[i] = buffer.epochSeconds()[i] * 1000;
              e[i] = Math.rint(buffer.easting()[i] * 100) / 100;
              no[i] = Math.rint(buffer.northing()[i] * 100) / 100;
            }
            t[tag] = ms;
            x[tag] = e;
            y[tag] = no;
            ids[tag] = scenario.tags().get(tag).tagId();
          }
          return null;
        }));
      }
      for (Future<?> job : jobs) job.get();
    } finally {
      pool.shutdown();
    }
    return new TrailColumns(ids, t, x, y, scenario.assignments(), start, config.end());
  }

  long fixCount() {
    long n = 0;
    for (long[] ms : epochMillis) n += ms.length;
    return n;
  }

  /** The fixes with {@code from <= t < to}, same tags and assignments (arrays copied). */
  TrailColumns slice(Instant from, Instant to) {
    int tags = tagIds.length;
    long[][] t = new long[tags][];
    double[][] x = new double[tags][];
    double[][] y = new double[tags][];
    for (int tag = 0; tag < tags; tag++) {
      int a = lowerBound(epochMillis[tag], from.toEpochMilli());
      int b = lowerBound(epochMillis[tag], to.toEpochMilli());
      t[tag] = java.util.Arrays.copyOfRange(epochMillis[tag], a, b);
      x[tag] = java.util.Arrays.copyOfRange(easting[tag], a, b);
      y[tag] = java.util.Arrays.copyOfRange(northing[tag], a, b);
    }
    return new TrailColumns(tagIds, t, x, y, assignments, from, to);
  }

  /** Index of the first fix of the tag at or after {@code millis} (the tag's count when none). */
  static int lowerBound(long[] times, long millis) {
    int lo = 0, hi = times.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] < millis) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Builds the index from these columns: every tag's trail added in one call, then {@code build()}. */
  TrailIndex buildIndex() {
    TrailIndex.Builder builder = TrailIndex.builder().assignments(assignments);
    for (int tag = 0; tag < tagIds.length; tag++) {
      builder.add(tagIds[tag], epochMillis[tag], easting[tag], northing[tag], epochMillis[tag].length);
    }
    return builder.build();
  }
}
