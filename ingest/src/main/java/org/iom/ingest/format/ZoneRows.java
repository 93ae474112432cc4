package org.iom.ingest.format;

import java.util.List;
import java.util.Locale;
import org.iom.ingest.geo.Position;
import org.iom.ingest.model.Zone;
import org.iom.ingest.model.ZoneKind;
import org.iom.ingest.model.ZoneSchedule;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Zones: GeoJSON properties {@code zone_id, offender_id, kind} (EXCLUSION or INCLUSION, any case);
 * optional {@code schedule} ({@code always}, the default, or {@code HH:mm-HH:mm} Europe/London),
 * {@code grace_s} (whole seconds, default 120), {@code tolerance_m} (metres, default 50); and the
 * feature's geometry (a Polygon or MultiPolygon in WGS84 lon/lat, RFC 7946), carried in the
 * {@code geometry} slot as GeoJSON text. Each coordinate is checked and projected to the British
 * National Grid into a new geometry (SRID 27700).
 */
final class ZoneRows extends RowKind<Zone> {
  static final int ZONE_ID = 0, OFFENDER_ID = 1, KIND = 2, SCHEDULE = 3, GRACE_S = 4, TOLERANCE_M = 5, GEOMETRY = 6;
  static final ZoneRows INSTANCE = new ZoneRows();
  private static final GeometryFactory GRID = new GeometryFactory(new PrecisionModel(), 27700);

  private ZoneRows() {
    super("zones", List.of("zone_id", "offender_id", "kind", "schedule", "grace_s", "tolerance_m", "geometry"),
        List.of("zone_id", "offender_id", "kind", "geometry"), false);
  }

  @Override
  RowDecoder<Zone> newDecoder(ReadOptions options) {
    return (row, line, warnings) -> {
      String zoneId = Values.required(row, ZONE_ID);
      String offenderId = Values.required(row, OFFENDER_ID);
      ZoneKind kind = kind(row);
      ZoneSchedule schedule = ZoneSchedule.parse(row.get(SCHEDULE));
      Integer grace = Values.optionalInt(row, GRACE_S);
      if (grace != null && grace < 0) throw new BadRowException("grace_s " + grace + " must not be negative");
      Double tolerance = Values.optionalNumber(row, TOLERANCE_M);
      if (tolerance != null && tolerance < 0) throw new BadRowException("tolerance_m " + row.get(TOLERANCE_M) + " must not be negative");
      String geoJson = Values.required(row, GEOMETRY);
      Geometry area = toGrid(readPolygon(geoJson));
      return new Zone(zoneId, offenderId, kind, schedule, area, geoJson,
          grace == null ? Zone.DEFAULT_GRACE_S : grace, tolerance == null ? Zone.DEFAULT_TOLERANCE_M : tolerance);
    };
  }

  private static ZoneKind kind(Fields row) {
    String v = Values.required(row, KIND);
    try {
      return ZoneKind.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRowException("kind '" + v + "' is not EXCLUSION or INCLUSION");
    }
  }

  /** A polygon geometry read from GeoJSON, checked and projected to grid metres. */
  static Geometry area(String geoJson) {
    return toGrid(readPolygon(geoJson));
  }

  private static Geometry readPolygon(String geoJson) {
    Geometry g;
    try {
      g = new GeoJsonReader().read(geoJson);
    } catch (ParseException | RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) root = root.getCause();
      throw new BadRowException("geometry is not valid GeoJSON: " + root.getMessage());
    }
    if (!(g instanceof Polygon) && !(g instanceof MultiPolygon)) {
      throw new BadRowException("geometry is a " + g.getGeometryType() + "; a zone needs a Polygon or MultiPolygon");
    }
    if (g.isEmpty()) throw new BadRowException("geometry is an empty " + g.getGeometryType());
    TopologyValidationError error = new IsValidOp(g).getValidationError();
    if (error != null) {
      throw new BadRowException("geometry is not a valid polygon: " + error.getMessage()
          + (error.getCoordinate() == null ? "" : " near lon/lat (" + error.getCoordinate().x + ", " + error.getCoordinate().y + ")"));
    }
    return g;
  }

  /** A copy in grid metres; every vertex must be a valid WGS84 position inside Great Britain. */
  private static Geometry toGrid(Geometry wgs84) {
    Geometry grid = GRID.createGeometry(wgs84);
    grid.apply(new CoordinateSequenceFilter() {
      @Override
      public void filter(CoordinateSequence seq, int i) {
        double lon = seq.getX(i);
        double lat = seq.getY(i);
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
          throw new BadRowException("geometry coordinate [" + lon + ", " + lat + "] is not a WGS84 [lon, lat] pair"
              + " (GeoJSON is longitude first, in degrees)");
        }
        Position p;
        try {
          p = PositionDecoder.ofLatLon(lat, lon, "geometry vertex at lat/lon");
        } catch (BadRowException e) {
          boolean swapped = lon >= 49 && lon <= 61 && lat >= -9 && lat <= 2;
          throw swapped ? new BadRowException(e.getMessage() + "; the pair looks like [lat, lon]: GeoJSON is [lon, lat]") : e;
        }
        seq.setOrdinate(i, 0, p.easting());
        seq.setOrdinate(i, 1, p.northing());
      }

      @Override
      public boolean isDone() {
        return false;
      }

      @Override
      public boolean isGeometryChanged() {
        return true;
      }
    });
    return grid;
  }
}
