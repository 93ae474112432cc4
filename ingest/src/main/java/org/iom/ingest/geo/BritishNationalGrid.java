package org.iom.ingest.geo;

import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The one projection point: WGS84 (EPSG:4326) to and from the British National Grid
 * (EPSG:27700), through proj4j with the EPSG database's 7-parameter Helmert datum shift.
 * That shift is good to a few metres against Ordnance Survey's OSTN15 (tested within 5 m),
 * well inside the GPS error of a tag.
 *
 * <p>Thread-safe: proj4j transforms keep scratch state, so each thread gets its own.
 * Cost: about a microsecond per conversion.
 */
public final class BritishNationalGrid {
  /** The grid's defined extent (EPSG:27700 bounds), metres. */
  public static final double MIN_EASTING = 0, MAX_EASTING = 700_000;
  public static final double MIN_NORTHING = 0, MAX_NORTHING = 1_300_000;

  private static final CRSFactory CRS = new CRSFactory();
  private static final CoordinateReferenceSystem WGS84 = CRS.createFromName("EPSG:4326");
  private static final CoordinateReferenceSystem BNG = CRS.createFromName("EPSG:27700");

  private static final ThreadLocal<CoordinateTransform> TO_GRID =
      ThreadLocal.withInitial(() -> new BasicCoordinateTransform(WGS84, BNG));
  private static final ThreadLocal<CoordinateTransform> TO_WGS84 =
      ThreadLocal.withInitial(() -> new BasicCoordinateTransform(BNG, WGS84));

  private BritishNationalGrid() {}

  /** Projects WGS84 degrees to grid metres. Does not check the extent; see {@link #inExtent}. */
  public static GridPoint toGrid(double lat, double lon) {
    ProjCoordinate out = TO_GRID.get().transform(new ProjCoordinate(lon, lat), new ProjCoordinate());
    return new GridPoint(out.x, out.y);
  }

  /** Converts grid metres to WGS84 degrees. */
  public static LatLon toLatLon(double easting, double northing) {
    ProjCoordinate out =
        TO_WGS84.get().transform(new ProjCoordinate(easting, northing), new ProjCoordinate());
    return new LatLon(out.y, out.x);
  }

  /** True when the grid point lies inside the National Grid's defined extent. */
  public static boolean inExtent(double easting, double northing) {
    return easting >= MIN_EASTING && easting <= MAX_EASTING
        && northing >= MIN_NORTHING && northing <= MAX_NORTHING;
  }
}
