package org.iom.ingest.geo;

/**
 * A point on the British National Grid (EPSG:27700), metres. Immutable.
 *
 * @param easting  metres east of the grid's false origin
 * @param northing metres north of the grid's false origin
 */
public record GridPoint(double easting, double northing) {
  public GridPoint {
    if (!Double.isFinite(easting) || !Double.isFinite(northing)) {
      throw new IllegalArgumentException("grid coordinates must be finite numbers");
    }
  }

  /** Euclidean distance in metres (the grid is the metric the matching rule uses). */
  public double distanceTo(GridPoint other) {
    return Math.hypot(easting - other.easting, northing - other.northing);
  }
}
