package org.iom.ingest.format;

import java.util.Objects;
import org.iom.ingest.model.CohortMembership;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.Offender;
import org.iom.ingest.model.ProvenOffence;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.model.Zone;

/**
 * The readers for every interchange format of SPEC.md. Each returned reader is stateless and
 * thread-safe; one {@code read} call reads one input, streaming rows to the sink (memory does not
 * grow with the input, except for GeoJSON zones, which are held per document). Readers do not
 * close the stream they are given.
 *
 * <h2>Formats and their accepted variants</h2>
 *
 * <table>
 *   <caption>Which format each kind accepts</caption>
 *   <tr><th>kind</th><th>CSV</th><th>NDJSON</th><th>GPX</th><th>GeoJSON</th></tr>
 *   <tr><td>fixes</td><td>yes</td><td>yes</td><td>yes</td><td>no</td></tr>
 *   <tr><td>assignments, crimes, offenders, cohort memberships, offences</td><td>yes</td><td>yes</td><td>no</td><td>no</td></tr>
 *   <tr><td>zones</td><td>no</td><td>no</td><td>no</td><td>yes</td></tr>
 * </table>
 *
 * <h3>All text formats</h3>
 * <ul>
 *   <li>UTF-8; a UTF-8 byte-order mark at the start is ignored. A file that is empty, a ZIP (an
 *       Excel workbook) or gzip archive, UTF-16, binary (contains a NUL byte) or not UTF-8 (e.g.
 *       a Windows-1252 pound sign) is refused as a whole with one message; the first 64 KiB are
 *       checked before any row is read, a bad byte later stops the read where it is found.</li>
 *   <li>Values are trimmed; an empty value is the same as an absent one. A row with a NUL
 *       character or a lone UTF-16 surrogate in any value is rejected (no store can keep it).</li>
 *   <li>Memory stays bounded: an NDJSON line over 1 MiB is rejected unread; a GPX text or
 *       attribute over 1 MiB and a GeoJSON zone document over 16 MiB are refused whole (see
 *       docs/bad-input.md).</li>
 *   <li>Times: ISO-8601 with {@code Z} or an offset, e.g. {@code 2025-03-01T12:34:56Z},
 *       {@code 2025-03-01T12:34:56.123Z}, {@code 2025-03-01T13:34:56+01:00}; stored as UTC. A time
 *       without an offset is refused (its instant would be a guess), and so is a time or date
 *       outside the years 1000-9999 (UTC).</li>
 *   <li>Dates ({@code joined_on}, {@code left_on}, {@code offence_date}, {@code conviction_date}):
 *       {@code yyyy-MM-dd}.</li>
 *   <li>Numbers: plain decimals, optionally with an exponent ({@code 51.5}, {@code -0.12},
 *       {@code 1e3}); {@code NaN}, {@code Infinity}, hexadecimal and suffixes are refused.
 *       {@code battery_pct} and {@code grace_s} are whole numbers.</li>
 *   <li>Positions: {@code lat, lon} (WGS84 degrees) or {@code easting, northing} (British National
 *       Grid metres). A row may give either pair; a file may mix them row by row. When a row gives
 *       both, lat/lon is used, and the row is refused if the pairs are more than 50 m apart.
 *       Refused: latitude outside -90..90, longitude outside -180..180, (0, 0) ("null island"),
 *       and anything outside the National Grid's extent (easting 0..700 km, northing 0..1300 km),
 *       reported as "outside Great Britain".</li>
 * </ul>
 *
 * <h3>CSV</h3>
 * RFC 4180: a header row; comma separators; fields may be quoted with {@code "}, contain commas,
 * line breaks and doubled quotes; CRLF or LF line ends. Column names are matched trimmed and
 * case-insensitively, in any order; unknown columns are ignored; a known column named twice is a
 * whole-file error. Required columns missing from the header are a whole-file error naming them
 * and the columns found. Lines are physical: the header is line 1, and a record containing a
 * quoted line break is reported at the line where it starts. Blank lines are skipped. A row with
 * more or fewer fields than the header is rejected.
 *
 * <h3>NDJSON</h3>
 * One JSON object per line, keys as the CSV column names (trimmed, any case); values are strings
 * or numbers, {@code null} means absent; unknown keys are ignored. The first line is line 1;
 * blank lines are skipped but counted. A line that is not valid JSON, or not an object, is a
 * rejection; only a file in which none of the first 100 non-blank lines is JSON is refused whole
 * (e.g. a pretty-printed JSON array, or CSV).
 *
 * <h3>GPX (fixes)</h3>
 * GPX 1.0 or 1.1. Each {@code <trkpt>} (and each top-level {@code <wpt>}) is a fix: attributes
 * {@code lat}, {@code lon} and a {@code <time>} child, which must carry {@code Z} or an offset.
 * {@code <rtept>} (a planned route), elevation, hdop and extensions are ignored. The tag is the
 * track's {@code <name>}, else the file's name ({@code <metadata><name>}, or {@code <gpx><name>}
 * in GPX 1.0), else {@link ReadOptions#gpxTagId()}; a point with none is rejected. A point's line
 * is the line of its start tag. Read with the JDK's StAX parser, DTDs and external entities off.
 *
 * <h3>GeoJSON (zones)</h3>
 * RFC 7946: a FeatureCollection of Features, or one Feature; anything else is refused whole.
 * Per feature: properties {@code zone_id}, {@code offender_id}, {@code kind} ({@code EXCLUSION} or
 * {@code INCLUSION}, any case) required; {@code schedule} ({@code always} when absent, or
 * {@code HH:mm-HH:mm} local Europe/London, spanning midnight when the end is not after the
 * start), {@code grace_s} (default 120) and {@code tolerance_m} (default 50) optional; a Polygon
 * or MultiPolygon geometry in [lon, lat] order, valid (closed, not self-intersecting), every vertex
 * inside Great Britain. It is projected vertex by vertex to the British National Grid. A bad
 * feature is rejected at the line where its object starts.
 *
 * <h3>Per kind</h3>
 * <ul>
 *   <li>fixes: {@code tag_id, recorded_at}, position; optional {@code accuracy_m} (not
 *       negative), {@code speed_kmh}, {@code battery_pct} (0..100), {@code event}. A fix more
 *       than {@link ReadOptions#futureTolerance()} after the clock is refused.</li>
 *   <li>assignments: {@code offender_id, tag_id, fitted_at}; optional {@code removed_at} (after
 *       {@code fitted_at}; empty while fitted). An assignment overlapping an earlier one of the
 *       same tag in the same file is rejected naming that line; an identical repeat is accepted.</li>
 *   <li>crimes: {@code crime_ref, offence_code, committed_from}, position; optional
 *       {@code committed_to} (not before {@code committed_from}; empty means the same),
 *       {@code offence_type}, {@code radius_m} (positive). An offence code not in
 *       {@link ReadOptions#offenceCodes()} is accepted with a warning.</li>
 *   <li>offenders: {@code offender_id}; optional {@code display_name, manager_id, cohort}.</li>
 *   <li>cohort memberships: {@code offender_id, cohort, joined_on}; optional {@code left_on} (not
 *       before {@code joined_on}). Cohort is {@code FIXED}, {@code FLEX} or {@code FREE}, any case.</li>
 *   <li>offences: {@code offender_id, offence_date, offence_code}; optional
 *       {@code conviction_date} (not before {@code offence_date}), {@code crime_ref}. Unknown
 *       offence codes are accepted with a warning.</li>
 * </ul>
 */
public final class Readers {
  private Readers() {}

  public static RecordReader<Fix> fixes(InputFormat format, ReadOptions options) {
    return switch (check(format, options)) {
      case CSV -> new CsvRecordReader<>(FixRows.INSTANCE, options);
      case NDJSON -> new NdjsonRecordReader<>(FixRows.INSTANCE, options);
      case GPX -> new GpxFixReader(options);
      default -> throw unsupported("fixes", format, "CSV, NDJSON or GPX");
    };
  }

  public static RecordReader<TagAssignment> assignments(InputFormat format, ReadOptions options) {
    return tabular(AssignmentRows.INSTANCE, format, options);
  }

  public static RecordReader<Crime> crimes(InputFormat format, ReadOptions options) {
    return tabular(CrimeRows.INSTANCE, format, options);
  }

  public static RecordReader<Offender> offenders(InputFormat format, ReadOptions options) {
    return tabular(OffenderRows.INSTANCE, format, options);
  }

  public static RecordReader<CohortMembership> memberships(InputFormat format, ReadOptions options) {
    return tabular(MembershipRows.INSTANCE, format, options);
  }

  public static RecordReader<ProvenOffence> offences(InputFormat format, ReadOptions options) {
    return tabular(OffenceRows.INSTANCE, format, options);
  }

  public static RecordReader<Zone> zones(InputFormat format, ReadOptions options) {
    if (check(format, options) != InputFormat.GEOJSON) throw unsupported("zones", format, "GeoJSON");
    return new GeoJsonZoneReader(options);
  }

  private static <T> RecordReader<T> tabular(RowKind<T> kind, InputFormat format, ReadOptions options) {
    return switch (check(format, options)) {
      case CSV -> new CsvRecordReader<>(kind, options);
      case NDJSON -> new NdjsonRecordReader<>(kind, options);
      default -> throw unsupported(kind.name(), format, "CSV or NDJSON");
    };
  }

  private static InputFormat check(InputFormat format, ReadOptions options) {
    Objects.requireNonNull(options, "options");
    return Objects.requireNonNull(format, "format");
  }

  private static IllegalArgumentException unsupported(String kind, InputFormat format, String accepted) {
    return new IllegalArgumentException(kind + " cannot be read from " + format + " (" + format.mediaType()
        + "); send " + accepted);
  }

  /**
   * A GeoJSON Polygon or MultiPolygon geometry in WGS84 {@code [lon, lat]}, checked as zones are
   * (valid, inside Great Britain) and projected to EPSG:27700 metres, e.g. an enquiry's area.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static org.locationtech.jts.geom.Geometry gridArea(String geoJsonGeometry) {
    try {
      return ZoneRows.area(geoJsonGeometry);
    } catch (BadRowException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
