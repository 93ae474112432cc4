package org.iom.ingest.geo;

/**
 * A located point held in both reference systems: WGS84 degrees as received (or derived) and
 * British National Grid metres, which every distance uses. Build with {@link #ofLatLon} or
 * {@link #ofGrid} so the two always agree.
 */
public record Position(double lat, double lon, double easting, double northing) {
  public Position {
    new LatLon(lat, lon);
    new GridPoint(easting, northing);
  }

  public static Position ofLatLon(double lat, double lon) {
    GridPoint g = BritishNationalGrid.toGrid(lat, lon);
    return new Position(lat, lon, g.easting(), g.northing());
  }

  public static Position ofGrid(double easting, double northing) {
    LatLon ll = BritishNationalGrid.toLatLon(easting, northing);
    return new Position(ll.lat(), ll.lon(), easting, northing);
  }

  public GridPoint grid() {
    return new GridPoint(easting, northing);
  }

  /** Grid distance in metres. */
  public double distanceTo(Position other) {
    return Math.hypot(easting - other.easting, northing - other.northing);
  }

  /** Same place for duplicate detection: within one centimetre on the grid. */
  public boolean samePlaceAs(Position other) {
    return distanceTo(other) <= 0.01;
  }
}
