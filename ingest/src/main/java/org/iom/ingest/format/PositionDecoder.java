package org.iom.ingest.format;

import org.iom.ingest.geo.BritishNationalGrid;
import org.iom.ingest.geo.GridPoint;
import org.iom.ingest.geo.LatLon;
import org.iom.ingest.geo.Position;

/**
 * Reads a position from four slots: WGS84 {@code lat}/{@code lon} (degrees) or British National
 * Grid {@code easting}/{@code northing} (metres). A row may give either pair. When it gives both,
 * the lat/lon pair is used (it is what the device measured) after checking the two agree within
 * {@value #MAX_DISAGREEMENT_M} m, so a row whose columns contradict each other is refused rather
 * than silently resolved. Every position must lie inside the National Grid's extent; (0,0) is
 * refused as "null island", the usual default of a GPS that has no fix. Stateless.
 */
final class PositionDecoder {
  static final double MAX_DISAGREEMENT_M = 50;
  static final String OUTSIDE_GB = "outside Great Britain (British National Grid extent)";

  private PositionDecoder() {}

  static Position decode(Fields row, int lat, int lon, int easting, int northing) {
    boolean hasLatLon = row.get(lat) != null || row.get(lon) != null;
    boolean hasGrid = row.get(easting) != null || row.get(northing) != null;
    if (hasLatLon) {
      Position p = fromLatLon(row, lat, lon);
      if (hasGrid) checkAgreement(row, p, easting, northing);
      return p;
    }
    if (hasGrid) return fromGrid(row, easting, northing);
    throw new BadRowException("a position is required: give " + row.name(lat) + " and " + row.name(lon)
        + ", or " + row.name(easting) + " and " + row.name(northing));
  }

  private static Position fromLatLon(Fields row, int latSlot, int lonSlot) {
    double lat = Values.requiredNumber(row, latSlot);
    double lon = Values.requiredNumber(row, lonSlot);
    if (lat < -90 || lat > 90) {
      throw new BadRowException(row.name(latSlot) + " " + row.get(latSlot) + " is outside -90..90");
    }
    if (lon < -180 || lon > 180) {
      throw new BadRowException(row.name(lonSlot) + " " + row.get(lonSlot) + " is outside -180..180");
    }
    return ofLatLon(lat, lon, row.name(latSlot) + "/" + row.name(lonSlot));
  }

  /** Degrees to a checked position; {@code what} names the coordinate in messages. */
  static Position ofLatLon(double lat, double lon, String what) {
    if (lat == 0 && lon == 0) {
      throw new BadRowException(what + " (0, 0) is \"null island\", the position a GPS reports when it has no fix");
    }
    GridPoint g;
    try {
      g = BritishNationalGrid.toGrid(lat, lon);
    } catch (RuntimeException e) {
      g = null; // proj4j fails far from the grid's meridian; that is outside GB too
    }
    if (g == null || !BritishNationalGrid.inExtent(g.easting(), g.northing())) {
      throw new BadRowException(what + " (" + lat + ", " + lon + ") is " + OUTSIDE_GB);
    }
    return new Position(lat, lon, g.easting(), g.northing());
  }

  private static Position fromGrid(Fields row, int eSlot, int nSlot) {
    double e = Values.requiredNumber(row, eSlot);
    double n = Values.requiredNumber(row, nSlot);
    if (!BritishNationalGrid.inExtent(e, n)) {
      throw new BadRowException(row.name(eSlot) + "/" + row.name(nSlot) + " (" + row.get(eSlot) + ", "
          + row.get(nSlot) + ") is " + OUTSIDE_GB + ": 0..700000 east, 0..1300000 north");
    }
    LatLon ll = BritishNationalGrid.toLatLon(e, n);
    return new Position(ll.lat(), ll.lon(), e, n);
  }

  private static void checkAgreement(Fields row, Position fromLatLon, int eSlot, int nSlot) {
    double e = Values.requiredNumber(row, eSlot);
    double n = Values.requiredNumber(row, nSlot);
    double apart = Math.hypot(fromLatLon.easting() - e, fromLatLon.northing() - n);
    if (apart > MAX_DISAGREEMENT_M) {
      throw new BadRowException(String.format(java.util.Locale.ROOT,
          "lat/lon and easting/northing disagree by %.0f m (more than %.0f m): lat/lon project to (%.0f, %.0f); give one pair or correct it",
          apart, MAX_DISAGREEMENT_M, fromLatLon.easting(), fromLatLon.northing()));
    }
  }
}
