package org.iom.correlator.zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.junit.jupiter.api.Test;

/**
 * The enquiry-area target against dense sampling with JTS's own point-to-polygon distance (a
 * different code path): closest approach and time within r on random segments and star polygons.
 */
class PolygonTargetTest {
  private static final GeometryFactory F = new GeometryFactory();

  @Test
  void agreesWithDenseSamplingOnRandomSegmentsAndPolygons() {
    Random random = new Random(20251123);
    for (int trial = 0; trial < 300; trial++) {
      Geometry area = star(random);
      PolygonTarget target = new PolygonTarget(area);
      double ax = random.nextDouble() * 600 - 300, ay = random.nextDouble() * 600 - 300;
      double bx = random.nextDouble() * 600 - 300, by = random.nextDouble() * 600 - 300;
      long ta = 1_000_000, tb = ta + 600_000; // 10 minutes
      long lo = ta + random.nextInt(100_000), hi = tb - random.nextInt(100_000);
      double r = 5 + random.nextDouble() * 60;
      double[] out = new double[2];
      target.closestApproach(ta, ax, ay, tb, bx, by, lo, hi, out);
      double within = target.millisWithin(ta, ax, ay, tb, bx, by, r, lo, hi);

      double sampledMin = Double.POSITIVE_INFINITY;
      long sampledWithin = 0;
      int steps = (int) ((hi - lo) / 10); // every 10 ms
      for (int s = 0; s <= steps; s++) {
        long t = lo + (long) s * 10;
        double u = (double) (t - ta) / (tb - ta);
        Point p = F.createPoint(new Coordinate(ax + u * (bx - ax), ay + u * (by - ay)));
        double d = area.distance(p);
        sampledMin = Math.min(sampledMin, d);
        if (d <= r && s < steps) sampledWithin += 10;
      }
      double speed = Math.hypot(bx - ax, by - ay) / (tb - ta); // metres per ms
      assertThat(out[0]).as("trial %d closest", trial).isLessThanOrEqualTo(sampledMin + 1e-6)
          .isGreaterThanOrEqualTo(sampledMin - speed * 10 - 1e-6);
      double u = (out[1] - ta) / (tb - ta);
      double atClosest = area.distance(F.createPoint(new Coordinate(ax + u * (bx - ax), ay + u * (by - ay))));
      assertThat(atClosest).as("trial %d distance at closest_at", trial).isCloseTo(out[0], within(1e-6));
      assertThat(out[1]).isBetween((double) lo, (double) hi);
      // Each boundary crossing can be off by one sample; a star has at most a few dozen.
      assertThat(within).as("trial %d time within", trial).isCloseTo(sampledWithin, within(10.0 * 40));
    }
  }

  @Test
  void insideIsDistanceZeroFromTheEarliestInstantIn() {
    Geometry square = F.createPolygon(new Coordinate[] {
        new Coordinate(0, 0), new Coordinate(100, 0), new Coordinate(100, 100), new Coordinate(0, 100), new Coordinate(0, 0)});
    PolygonTarget target = new PolygonTarget(square);
    double[] out = new double[2];
    // From x = -100 to x = 200 along y = 50 over 300 s: enters at x = 0 (100 s), leaves at 200 s.
    target.closestApproach(0, -100, 50, 300_000, 200, 50, 0, 300_000, out);
    assertThat(out[0]).isZero();
    assertThat(out[1]).isCloseTo(100_000, within(1e-6));
    // Within 10 m: from x = -10 (90 s) to x = 110 (210 s).
    assertThat(target.millisWithin(0, -100, 50, 300_000, 200, 50, 10, 0, 300_000)).isCloseTo(120_000, within(1e-6));
    assertThat(target.distance(50, 50)).isZero();
    assertThat(target.distance(103, 104)).isCloseTo(5, within(1e-9));
    // A stationary fix outside: its own distance, at the window's start.
    target.closestApproach(0, 130, 50, 60_000, 130, 50, 0, 60_000, out);
    assertThat(out[0]).isCloseTo(30, within(1e-9));
    assertThat(out[1]).isZero();
  }

  private static Geometry star(Random random) {
    int points = 5 + random.nextInt(8);
    double cx = random.nextDouble() * 100 - 50, cy = random.nextDouble() * 100 - 50;
    Coordinate[] ring = new Coordinate[points + 1];
    for (int i = 0; i < points; i++) {
      double angle = 2 * Math.PI * i / points;
      double radius = (i % 2 == 0 ? 80 : 30) * (0.6 + 0.4 * random.nextDouble());
      ring[i] = new Coordinate(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle));
    }
    ring[points] = ring[0];
    return F.createPolygon(ring);
  }
}
