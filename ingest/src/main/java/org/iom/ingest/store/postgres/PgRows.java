package org.iom.ingest.store.postgres;

import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.iom.ingest.geo.Position;
import org.iom.ingest.model.Cohort;
import org.iom.ingest.model.CohortMembership;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.Offender;
import org.iom.ingest.model.ProvenOffence;
import org.iom.ingest.model.RecordKind;
import org.iom.ingest.model.Tag;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.model.Zone;
import org.iom.ingest.model.ZoneKind;
import org.iom.ingest.model.ZoneSchedule;
import org.iom.ingest.store.StoredRejection;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Rows to records and back. Column lists ({@code *_COLUMNS}) and mappers are kept side by side
 * so a SELECT and its mapper cannot drift apart. Times travel as {@code timestamptz}
 * ({@link OffsetDateTime} at UTC on the wire, exact to the microsecond).
 *
 * <p>Stateless and thread-safe (JTS readers and writers are created per call).
 */
final class PgRows {
  static final int BNG_SRID = 27700;
  private static final GeometryFactory BNG = new GeometryFactory(new PrecisionModel(), BNG_SRID);

  private PgRows() {}

  static OffsetDateTime utc(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(Row row, int column) {
    OffsetDateTime t = row.getOffsetDateTime(column);
    return t == null ? null : t.toInstant();
  }

  static final String FIX_COLUMNS =
      "tag_id, recorded_at, lat, lon, easting, northing, accuracy_m, speed_kmh, battery_pct, event";

  static Fix fix(Row r) {
    Short battery = r.getShort(8);
    return new Fix(r.getString(0), instant(r, 1), position(r, 2), r.getDouble(6), r.getDouble(7),
        battery == null ? null : battery.intValue(), r.getString(9));
  }

  /** lat, lon, easting, northing from four columns starting at {@code first}. */
  static Position position(Row r, int first) {
    return new Position(r.getDouble(first), r.getDouble(first + 1), r.getDouble(first + 2), r.getDouble(first + 3));
  }

  static final String ASSIGNMENT_COLUMNS = "offender_id, tag_id, fitted_at, removed_at";

  static TagAssignment assignment(Row r) {
    return new TagAssignment(r.getString(0), r.getString(1), instant(r, 2), instant(r, 3));
  }

  static final String TAG_COLUMNS = "tag_id, cadence_s";

  static Tag tag(Row r) {
    return new Tag(r.getString(0), Duration.ofSeconds(r.getInteger(1)));
  }

  static final String CRIME_COLUMNS =
      "crime_ref, offence_code, committed_from, committed_to, lat, lon, easting, northing, offence_type, radius_m";

  static Crime crime(Row r) {
    return new Crime(r.getString(0), r.getString(1), instant(r, 2), instant(r, 3), position(r, 4),
        r.getString(8), r.getDouble(9));
  }

  static final String OFFENDER_COLUMNS = "offender_id, display_name, manager_id, cohort";

  static Offender offender(Row r) {
    String cohort = r.getString(3);
    return new Offender(r.getString(0), r.getString(1), r.getString(2), cohort == null ? null : Cohort.valueOf(cohort));
  }

  static final String MEMBERSHIP_COLUMNS = "offender_id, cohort, joined_on, left_on";

  static CohortMembership membership(Row r) {
    return new CohortMembership(r.getString(0), Cohort.valueOf(r.getString(1)), r.getLocalDate(2), r.getLocalDate(3));
  }

  static final String OFFENCE_COLUMNS = "offender_id, offence_date, offence_code, conviction_date, crime_ref";

  static ProvenOffence offence(Row r) {
    return new ProvenOffence(r.getString(0), r.getLocalDate(1), r.getString(2), r.getLocalDate(3), r.getString(4));
  }

  static final String ZONE_COLUMNS =
      "zone_id, offender_id, kind, schedule, area_wkb, geojson, grace_s, tolerance_m";

  static Zone zone(Row r) {
    return new Zone(r.getString(0), r.getString(1), ZoneKind.valueOf(r.getString(2)),
        ZoneSchedule.parse(r.getString(3)), geometry(r.getBuffer(4), r.getString(0)), r.getString(5),
        r.getInteger(6), r.getDouble(7));
  }

  static Buffer wkb(Geometry area) {
    return Buffer.buffer(new WKBWriter(2).write(area));
  }

  private static Geometry geometry(Buffer wkb, String zoneId) {
    try {
      return new WKBReader(BNG).read(wkb.getBytes());
    } catch (ParseException e) {
      throw new IllegalStateException("stored geometry of zone " + zoneId + " is not valid WKB", e);
    }
  }

  static final String REJECTION_COLUMNS = "kind, source, line, reason, raw, received_at";

  static StoredRejection rejection(Row r) {
    return new StoredRejection(RecordKind.valueOf(r.getString(0)), r.getString(1), r.getLong(2), r.getString(3),
        r.getString(4), instant(r, 5));
  }

  /** PostgreSQL text cannot hold NUL characters; a rejected row's raw text may contain them. */
  static String text(String s) {
    return s == null || s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
  }
}
