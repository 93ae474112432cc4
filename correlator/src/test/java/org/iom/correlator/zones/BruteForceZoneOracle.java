package org.iom.correlator.zones;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.model.Zone;
import org.iom.ingest.model.ZoneKind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Test oracle: samples an offender's trail every {@code stepMs} and judges each sample on its own
 * with JTS ({@code covers}, {@code distance}) and {@code ZoneSchedule.isActiveAt}; it shares no
 * code with the detector (no shape, interval or schedule-window class). Runs of samples are the
 * episodes, known to within one step at each end.
 */
final class BruteForceZoneOracle {
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  /** A sampled episode: first and last sample instants that satisfied the condition. */
  record Sampled(long first, long last) {
    long length() {
      return last - first;
    }
  }

  /** One assignment of the test offender with its fixes: by {@code covers}, time order, first of equal instants kept. */
  record Run(TagAssignment assignment, long[] t, double[] x, double[] y) {}

  private BruteForceZoneOracle() {}

  static List<Run> runs(List<TagAssignment> assignments, Map<String, List<double[]>> fixesByTag) {
    return runs(ZoneFixtures.OFFENDER, assignments, fixesByTag);
  }

  /** The offender's runs; fixes as {@code {epoch ms, easting, northing}} per tag. */
  static List<Run> runs(String offenderId, List<TagAssignment> assignments, Map<String, List<double[]>> fixesByTag) {
    List<Run> runs = new ArrayList<>();
    for (TagAssignment a : assignments) {
      if (!a.offenderId().equals(offenderId)) continue;
      TreeMap<Long, double[]> kept = new TreeMap<>();
      for (double[] f : fixesByTag.getOrDefault(a.tagId(), List.of())) {
        long t = (long) f[0];
        if (a.covers(Instant.ofEpochMilli(t))) kept.putIfAbsent(t, f);
      }
      long[] t = new long[kept.size()];
      double[] x = new double[kept.size()];
      double[] y = new double[kept.size()];
      int i = 0;
      for (double[] f : kept.values()) {
        t[i] = (long) f[0];
        x[i] = f[1];
        y[i] = f[2];
        i++;
      }
      runs.add(new Run(a, t, x, y));
    }
    return runs;
  }

  /** Sampled violation episodes (exclusion: inside; inclusion: beyond tolerance) while active. */
  static List<Sampled> violations(Zone zone, List<Run> runs, long maxGapMs, long from, long to, long stepMs) {
    List<Sampled> out = new ArrayList<>();
    long runStart = Long.MIN_VALUE;
    long previous = Long.MIN_VALUE;
    for (long t = align(from, stepMs); t <= to; t += stepMs) {
      if (violating(zone, runs, maxGapMs, t)) {
        if (runStart == Long.MIN_VALUE) runStart = t;
        previous = t;
      } else if (runStart != Long.MIN_VALUE) {
        out.add(new Sampled(runStart, previous));
        runStart = Long.MIN_VALUE;
      }
    }
    if (runStart != Long.MIN_VALUE) out.add(new Sampled(runStart, previous));
    return out;
  }

  /** Sampled no-data episodes: active, inside some run's gap (or open trailing gap), on no run's segment. */
  static List<Sampled> noData(Zone zone, List<Run> runs, long maxGapMs, long nowMs, long from, long to, long stepMs) {
    List<Sampled> out = new ArrayList<>();
    long runStart = Long.MIN_VALUE;
    long previous = Long.MIN_VALUE;
    for (long t = align(from, stepMs); t <= to; t += stepMs) {
      boolean unknown = zone.schedule().isActiveAt(Instant.ofEpochMilli(t)) && inGap(runs, maxGapMs, nowMs, t)
          && !onSegment(runs, maxGapMs, t);
      if (unknown) {
        if (runStart == Long.MIN_VALUE) runStart = t;
        previous = t;
      } else if (runStart != Long.MIN_VALUE) {
        out.add(new Sampled(runStart, previous));
        runStart = Long.MIN_VALUE;
      }
    }
    if (runStart != Long.MIN_VALUE) out.add(new Sampled(runStart, previous));
    return out;
  }

  /** Both ways: every resolvable reported episode is sampled, every resolvable sampled one reported. */
  static int assertAgrees(String what, List<LicenceEvent> reported, List<Sampled> sampled, long stepMs, long resolvableMs) {
    int compared = 0;
    for (LicenceEvent e : reported) {
      if (e.duration().toMillis() < resolvableMs) continue;
      long start = e.start().toEpochMilli();
      long end = e.end().toEpochMilli();
      Sampled match = sampled.stream()
          .filter(s -> s.first() - start >= -1 && s.first() - start <= stepMs + 1 && end - s.last() >= -1 && end - s.last() <= stepMs + 1)
          .findFirst().orElse(null);
      assertThat(match).as("%s: reported [%s, %s] not sampled; sampled %s", what, e.start(), e.end(), describe(sampled)).isNotNull();
      compared++;
    }
    for (Sampled s : sampled) {
      if (s.length() < resolvableMs) continue;
      boolean found = reported.stream().anyMatch(e -> s.first() - e.start().toEpochMilli() >= -1
          && s.first() - e.start().toEpochMilli() <= stepMs + 1
          && e.end().toEpochMilli() - s.last() >= -1 && e.end().toEpochMilli() - s.last() <= stepMs + 1);
      assertThat(found).as("%s: sampled [%s, %s] not reported; reported %s", what, Instant.ofEpochMilli(s.first()),
          Instant.ofEpochMilli(s.last()), reported).isTrue();
    }
    return compared;
  }

  private static List<String> describe(List<Sampled> sampled) {
    List<String> out = new ArrayList<>();
    for (Sampled s : sampled) out.add(Instant.ofEpochMilli(s.first()) + ".." + Instant.ofEpochMilli(s.last()));
    return out;
  }

  private static boolean violating(Zone zone, List<Run> runs, long maxGapMs, long t) {
    if (!zone.schedule().isActiveAt(Instant.ofEpochMilli(t))) return false;
    for (Run run : runs) {
      int i = segmentAt(run, maxGapMs, t);
      if (i < 0) continue;
      double u = (double) (t - run.t[i]) / (run.t[i + 1] - run.t[i]);
      double px = run.x[i] + u * (run.x[i + 1] - run.x[i]);
      double py = run.y[i] + u * (run.y[i + 1] - run.y[i]);
      Point p = GEOMETRY.createPoint(new Coordinate(px, py));
      // Closed polygon and buffer, with the detector's micrometre of slack at the boundary (a walk
      // along an edge is on it, whatever the rounding of the interpolated point).
      double distance = zone.area().distance(p);
      boolean bad = zone.kind() == ZoneKind.EXCLUSION
          ? distance <= ZoneShape.BOUNDARY_SNAP_M
          : distance > zone.toleranceM() + ZoneShape.BOUNDARY_SNAP_M;
      if (bad) return true;
    }
    return false;
  }

  private static boolean onSegment(List<Run> runs, long maxGapMs, long t) {
    for (Run run : runs) if (segmentAt(run, maxGapMs, t) >= 0) return true;
    return false;
  }

  private static boolean inGap(List<Run> runs, long maxGapMs, long nowMs, long t) {
    for (Run run : runs) {
      int n = run.t.length;
      int i = lastAtOrBefore(run.t, t);
      if (i >= 0 && i + 1 < n && run.t[i + 1] - run.t[i] > maxGapMs && run.t[i] < t && t < run.t[i + 1]) return true;
      boolean open = run.assignment.removedAt() == null || run.assignment.removedAt().toEpochMilli() > nowMs;
      if (n > 0 && open && nowMs - run.t[n - 1] > maxGapMs && run.t[n - 1] < t && t <= nowMs) return true;
    }
    return false;
  }

  /** Index i of the segment [t_i, t_i+1] (at most maxGap long) containing t, or -1. */
  private static int segmentAt(Run run, long maxGapMs, long t) {
    int i = lastAtOrBefore(run.t, t);
    if (i >= 0 && i + 1 < run.t.length && t <= run.t[i + 1] && run.t[i + 1] - run.t[i] <= maxGapMs) return i;
    // At a fix that ends a segment and starts a gap (or the run): the segment before holds it.
    if (i >= 1 && run.t[i] == t && run.t[i] - run.t[i - 1] <= maxGapMs) return i - 1;
    return -1;
  }

  private static int lastAtOrBefore(long[] times, long t) {
    int lo = 0;
    int hi = times.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] <= t) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  private static long align(long t, long step) {
    return Math.floorDiv(t, step) * step + (Math.floorMod(t, step) == 0 ? 0 : step);
  }
}
