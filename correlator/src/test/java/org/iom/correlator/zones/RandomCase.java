package org.iom.correlator.zones;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.model.Zone;
import org.iom.ingest.model.ZoneKind;
import org.iom.ingest.model.ZoneSchedule;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A seeded random offender: one or two tags (assignments that may overlap or leave a hole),
 * trails that wander in and out of random star-shaped polygons (some with a hole, some in two
 * parts), fix intervals from seconds to beyond max_gap (exactly max_gap and max_gap + 1 ms too),
 * starting near the 2025 clock changes or on ordinary days, and one or two zones with random
 * schedules that switch on and off during the trail.
 */
final class RandomCase {
  static final long MAX_GAP_MS = 600_000;
  private static final String[] BASES = {
      "2025-03-29T22:30:00Z", "2025-10-25T23:00:00Z", "2025-01-15T17:30:00Z", "2025-06-01T05:00:00Z"};

  final List<TagAssignment> assignments = new ArrayList<>();
  final Map<String, List<double[]>> fixesByTag = new LinkedHashMap<>();
  final List<Zone> zones = new ArrayList<>();
  final long first;
  final long last;
  final long now;

  RandomCase(long seed) {
    Random rnd = new Random(seed);
    long base = Instant.parse(BASES[rnd.nextInt(BASES.length)]).toEpochMilli() + rnd.nextInt(4 * 3_600_000);
    Geometry area = randomArea(rnd);
    Coordinate[] vertices = area.getCoordinates();
    int zoneCount = 1 + rnd.nextInt(2);
    for (int z = 0; z < zoneCount; z++) {
      ZoneKind kind = rnd.nextBoolean() ? ZoneKind.EXCLUSION : ZoneKind.INCLUSION;
      Geometry zoneArea = z == 0 ? area : randomArea(rnd);
      double tolerance = rnd.nextInt(5) == 0 ? 0 : rnd.nextDouble() * 80;
      zones.add(new Zone("Z" + z, ZoneFixtures.OFFENDER, kind, randomSchedule(rnd, base), zoneArea, null,
          rnd.nextInt(301), tolerance));
    }
    boolean twoTags = rnd.nextInt(10) < 3;
    long end = base;
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (String tag : twoTags ? List.of("TA", "TB") : List.of("TA")) {
      List<double[]> fixes = new ArrayList<>();
      long t = base - rnd.nextInt(600_000);
      double x = ZoneFixtures.X0 + rnd.nextDouble() * 400 - 200;
      double y = ZoneFixtures.Y0 + rnd.nextDouble() * 400 - 200;
      int n = 40 + rnd.nextInt(80);
      for (int i = 0; i < n; i++) {
        fixes.add(new double[] {t, x, y});
        if (rnd.nextInt(40) == 0) fixes.add(new double[] {t, x + 30, y}); // a conflicting duplicate: first kept
        t += nextInterval(rnd);
        int move = rnd.nextInt(10);
        if (move < 6) {
          x = clamp(x + rnd.nextGaussian() * 60, ZoneFixtures.X0);
          y = clamp(y + rnd.nextGaussian() * 60, ZoneFixtures.Y0);
        } else if (move < 8) {
          Coordinate v = vertices[rnd.nextInt(vertices.length)];
          x = v.x;
          y = v.y;
        }
      }
      fixesByTag.put(tag, fixes);
      lo = Math.min(lo, (long) fixes.get(0)[0]);
      hi = Math.max(hi, (long) fixes.get(fixes.size() - 1)[0]);
      end = Math.max(end, (long) fixes.get(fixes.size() - 1)[0]);
    }
    first = lo;
    last = hi;
    if (twoTags) {
      long swap = lo + (long) ((hi - lo) * (0.3 + 0.4 * rnd.nextDouble()));
      long overlap = rnd.nextInt(3) == 0 ? -1_800_000 : rnd.nextInt(2) * 1_200_000;
      assignments.add(new TagAssignment(ZoneFixtures.OFFENDER, "TA", Instant.ofEpochMilli(lo - 1000), Instant.ofEpochMilli(swap)));
      assignments.add(new TagAssignment(ZoneFixtures.OFFENDER, "TB", Instant.ofEpochMilli(swap + overlap), null));
      assignments.add(new TagAssignment("O-OTHER", "TA", Instant.ofEpochMilli(swap), null));
    } else {
      Instant removed = rnd.nextInt(5) == 0 ? Instant.ofEpochMilli(hi - rnd.nextInt(3_600_000)) : null;
      assignments.add(new TagAssignment(ZoneFixtures.OFFENDER, "TA", Instant.ofEpochMilli(lo + rnd.nextInt(300_000)), removed));
    }
    now = end + rnd.nextInt(1_800_000);
  }

  /** The whole trail, every fix loaded. */
  OffenderTrail trail() {
    OffenderTrail.Builder b = OffenderTrail.builder(ZoneFixtures.OFFENDER).assignments(assignments);
    fixesByTag.forEach((tag, fixes) -> fixes.forEach(f -> b.fix(tag, (long) f[0], f[1], f[2])));
    return b.build();
  }

  /** The trail as a store would load it for {@code [dataFrom, dataTo]}: those fixes plus each tag's edge fixes. */
  OffenderTrail trail(long dataFrom, long dataTo) {
    OffenderTrail.Builder b = OffenderTrail.builder(ZoneFixtures.OFFENDER).assignments(assignments)
        .covering(Instant.ofEpochMilli(dataFrom), Instant.ofEpochMilli(dataTo));
    fixesByTag.forEach((tag, fixes) -> {
      double[] before = null;
      double[] after = null;
      for (double[] f : fixes) {
        long t = (long) f[0];
        if (t < dataFrom && (before == null || t > before[0])) before = f;
        if (t > dataTo && (after == null || t < after[0])) after = f;
      }
      for (double[] f : fixes) {
        long t = (long) f[0];
        // The store keeps the first of conflicting fixes: an edge is the first fix at its instant.
        boolean edge = (before != null && t == (long) before[0]) || (after != null && t == (long) after[0]);
        if ((t >= dataFrom && t <= dataTo) || edge) b.fix(tag, t, f[1], f[2]);
      }
    });
    return b.build();
  }

  private static long nextInterval(Random rnd) {
    int kind = rnd.nextInt(100);
    if (kind < 70) return 5_000 + rnd.nextInt(85_000);
    if (kind < 88) return 90_000 + rnd.nextInt(510_000);
    if (kind < 95) return 600_001 + rnd.nextInt(1_800_000);
    if (kind < 97) return MAX_GAP_MS;
    if (kind < 99) return MAX_GAP_MS + 1;
    return 1 + rnd.nextInt(1000);
  }

  private static double clamp(double v, double centre) {
    return Math.max(centre - 300, Math.min(centre + 300, v));
  }

  private static ZoneSchedule randomSchedule(Random rnd, long base) {
    if (rnd.nextInt(5) < 2) return ZoneSchedule.ALWAYS;
    LocalTime around = Instant.ofEpochMilli(base).atZone(ZoneSchedule.LONDON).toLocalTime();
    LocalTime start = around.plusMinutes(rnd.nextInt(180) - 60).withSecond(0).withNano(0);
    LocalTime end = start.plusMinutes(20 + rnd.nextInt(240));
    return start.equals(end) ? ZoneSchedule.ALWAYS : new ZoneSchedule(start, end);
  }

  private static Geometry randomArea(Random rnd) {
    Polygon star = star(rnd, rnd.nextDouble() * 100 - 50, rnd.nextDouble() * 100 - 50, 40 + rnd.nextDouble() * 160);
    int shape = rnd.nextInt(10);
    if (shape == 0) {
      Polygon hole = star(rnd, star.getCentroid().getX() - ZoneFixtures.X0, star.getCentroid().getY() - ZoneFixtures.Y0, 15);
      Geometry holed = star.difference(hole);
      if (holed instanceof Polygon && holed.isValid()) return holed;
    } else if (shape == 1) {
      Polygon other = star(rnd, 220, -180, 30 + rnd.nextDouble() * 40);
      Geometry both = star.union(other);
      if (both.isValid() && both.getDimension() == 2) return both;
    }
    return star;
  }

  /** A star-shaped polygon around a centre (relative to the origin): valid by construction. */
  private static Polygon star(Random rnd, double cx, double cy, double radius) {
    int k = 3 + rnd.nextInt(10);
    double[] angles = new double[k];
    for (int i = 0; i < k; i++) angles[i] = rnd.nextDouble() * 2 * Math.PI;
    java.util.Arrays.sort(angles);
    double[][] ring = new double[k + 1][];
    for (int i = 0; i < k; i++) {
      double r = radius * (0.4 + 0.6 * rnd.nextDouble());
      ring[i] = new double[] {Math.round((cx + r * Math.cos(angles[i])) * 100) / 100.0, Math.round((cy + r * Math.sin(angles[i])) * 100) / 100.0};
    }
    ring[k] = ring[0];
    Polygon p = ZoneFixtures.polygon(ring);
    if (!p.isValid() || p.getArea() < 50) {
      return ZoneFixtures.polygon(new double[][] {{cx - 50, cy - 50}, {cx + 50, cy - 50}, {cx + 50, cy + 50}, {cx - 50, cy + 50}, {cx - 50, cy - 50}});
    }
    return p;
  }
}
