package org.iom.correlator.zones;

import java.time.Instant;
import org.iom.ingest.model.Zone;
import org.iom.ingest.model.ZoneKind;
import org.iom.ingest.model.ZoneSchedule;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Zones and instants for the tests: coordinates relative to a Derby origin on EPSG:27700. */
final class ZoneFixtures {
  static final double X0 = 435_000;
  static final double Y0 = 336_000;
  static final String OFFENDER = "O-1";
  static final String TAG = "T-1";
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private ZoneFixtures() {}

  /** Axis-aligned square {@code [0, side]^2} relative to the origin. */
  static Polygon square(double side) {
    return polygon(new double[][] {{0, 0}, {side, 0}, {side, side}, {0, side}, {0, 0}});
  }

  /** A closed ring of points relative to the origin. */
  static Polygon polygon(double[][] ring) {
    Coordinate[] c = new Coordinate[ring.length];
    for (int i = 0; i < ring.length; i++) c[i] = new Coordinate(X0 + ring[i][0], Y0 + ring[i][1]);
    return GEOMETRY.createPolygon(c);
  }

  static Zone exclusion(String id, Polygon area, String schedule, int graceS) {
    return new Zone(id, OFFENDER, ZoneKind.EXCLUSION, ZoneSchedule.parse(schedule), area, null, graceS, Zone.DEFAULT_TOLERANCE_M);
  }

  static Zone inclusion(String id, Polygon area, String schedule, int graceS, double toleranceM) {
    return new Zone(id, OFFENDER, ZoneKind.INCLUSION, ZoneSchedule.parse(schedule), area, null, graceS, toleranceM);
  }

  static long ms(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }
}
