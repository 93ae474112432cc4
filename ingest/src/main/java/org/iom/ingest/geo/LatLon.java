package org.iom.ingest.geo;

/** WGS84 (EPSG:4326) degrees. Immutable. */
public record LatLon(double lat, double lon) {
  public LatLon {
    if (!Double.isFinite(lat) || !Double.isFinite(lon)) {
      throw new IllegalArgumentException("latitude and longitude must be finite numbers");
    }
    if (lat < -90 || lat > 90) throw new IllegalArgumentException("latitude " + lat + " is outside -90..90");
    if (lon < -180 || lon > 180) throw new IllegalArgumentException("longitude " + lon + " is outside -180..180");
  }
}
