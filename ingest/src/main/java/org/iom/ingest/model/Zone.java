package org.iom.ingest.model;

import org.locationtech.jts.geom.Geometry;

/**
 * A licence-condition zone for one offender. Keyed by {@code zoneId}.
 *
 * @param area        the polygon (or multipolygon) in British National Grid metres (EPSG:27700)
 * @param geoJson     the geometry as received, WGS84 GeoJSON, for display
 * @param graceS      seconds inside (exclusion) or outside (inclusion) before it counts; default 120
 * @param toleranceM  buffer for GPS drift on inclusion zones, metres; default 50
 */
public record Zone(
    String zoneId,
    String offenderId,
    ZoneKind kind,
    ZoneSchedule schedule,
    Geometry area,
    String geoJson,
    int graceS,
    double toleranceM) {
  public static final int DEFAULT_GRACE_S = 120;
  public static final double DEFAULT_TOLERANCE_M = 50;

  public Zone {
    zoneId = Require.id(zoneId, "zone_id");
    offenderId = Require.id(offenderId, "offender_id");
    Require.present(kind, "kind");
    schedule = schedule == null ? ZoneSchedule.ALWAYS : schedule;
    Require.present(area, "geometry");
    if (area.isEmpty() || area.getDimension() != 2) throw new IllegalArgumentException("zone geometry must be a polygon");
    if (!area.isValid()) throw new IllegalArgumentException("zone polygon is not valid (self-intersecting or unclosed)");
    if (graceS < 0) throw new IllegalArgumentException("grace_s must not be negative");
    if (!Double.isFinite(toleranceM) || toleranceM < 0) throw new IllegalArgumentException("tolerance_m must be a non-negative number");
  }
}
