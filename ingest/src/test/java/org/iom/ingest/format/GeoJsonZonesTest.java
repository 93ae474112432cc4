package org.iom.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalTime;
import org.iom.ingest.geo.BritishNationalGrid;
import org.iom.ingest.geo.GridPoint;
import org.iom.ingest.model.Zone;
import org.iom.ingest.model.ZoneKind;
import org.iom.ingest.model.ZoneSchedule;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class GeoJsonZonesTest {
  private final RecordReader<Zone> reader = Readers.zones(InputFormat.GEOJSON, Collected.OPTIONS);

  /** A square of about 110 m by 70 m in Derby. */
  private static final String SQUARE =
      "{\"type\":\"Polygon\",\"coordinates\":[[[-1.4760,52.9220],[-1.4750,52.9220],[-1.4750,52.9230],[-1.4760,52.9230],[-1.4760,52.9220]]]}";

  private static String feature(String properties, String geometry) {
    return "{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":" + geometry + "}";
  }

  @Test
  void readsAFeatureCollectionWithSchedulesAndDefaults() throws Exception {
    String doc = "{\"type\":\"FeatureCollection\",\"features\":[\n"
        + feature("{\"zone_id\":\"Z1\",\"offender_id\":\"O1\",\"kind\":\"inclusion\",\"schedule\":\"19:00-07:00\"}", SQUARE) + ",\n"
        + feature("{\"zone_id\":2,\"offender_id\":\"O1\",\"kind\":\"EXCLUSION\",\"schedule\":\"always\",\"grace_s\":300,\"tolerance_m\":10.5}", SQUARE)
        + "\n]}";
    var out = Collected.read(reader, doc);
    assertThat(out.rejected).isEmpty();
    assertThat(out.acceptedLines()).containsExactly(2L, 3L);
    Zone curfew = out.values().get(0);
    assertThat(curfew.zoneId()).isEqualTo("Z1");
    assertThat(curfew.kind()).isEqualTo(ZoneKind.INCLUSION);
    assertThat(curfew.schedule()).isEqualTo(new ZoneSchedule(LocalTime.of(19, 0), LocalTime.of(7, 0)));
    assertThat(curfew.graceS()).isEqualTo(Zone.DEFAULT_GRACE_S);
    assertThat(curfew.toleranceM()).isEqualTo(Zone.DEFAULT_TOLERANCE_M);
    // kept as received (numbers may be re-spelt: -1.4760 is -1.476)
    assertThat(new ObjectMapper().readTree(curfew.geoJson())).isEqualTo(new ObjectMapper().readTree(SQUARE));
    assertThat(curfew.area().getSRID()).isEqualTo(27700);
    GridPoint corner = BritishNationalGrid.toGrid(52.9220, -1.4760);
    Coordinate first = curfew.area().getCoordinates()[0];
    assertThat(first.x).isCloseTo(corner.easting(), within(1e-6));
    assertThat(first.y).isCloseTo(corner.northing(), within(1e-6));
    // about 67.5 m east-west by 111 m north-south
    assertThat(curfew.area().getArea()).isBetween(7_000.0, 8_000.0);
    Zone exclusion = out.values().get(1);
    assertThat(exclusion.zoneId()).isEqualTo("2");
    assertThat(exclusion.schedule().isAlways()).isTrue();
    assertThat(exclusion.graceS()).isEqualTo(300);
    assertThat(exclusion.toleranceM()).isEqualTo(10.5);
  }

  @Test
  void readsASingleFeatureAndAMultiPolygonWithAMissingScheduleMeaningAlways() throws Exception {
    String multi = "{\"type\":\"MultiPolygon\",\"coordinates\":[" + SQUARE.substring(SQUARE.indexOf("[[["), SQUARE.length() - 1) + "]}";
    var out = Collected.read(reader, "\n" + feature("{\"zone_id\":\"Z9\",\"offender_id\":\"O2\",\"kind\":\"EXCLUSION\"}", multi));
    Zone zone = out.only();
    assertThat(out.acceptedLines()).containsExactly(2L);
    assertThat(zone.schedule()).isEqualTo(ZoneSchedule.ALWAYS);
    assertThat(zone.area().getGeometryType()).isEqualTo("MultiPolygon");
  }

  @Test
  void rejectsBadFeaturesAtTheirLines() throws Exception {
    String bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[-1.476,52.922],[-1.475,52.923],[-1.475,52.922],[-1.476,52.923],[-1.476,52.922]]]}";
    String unclosed = "{\"type\":\"Polygon\",\"coordinates\":[[[-1.476,52.922],[-1.475,52.922],[-1.475,52.923],[-1.476,52.923]]]}";
    String paris = "{\"type\":\"Polygon\",\"coordinates\":[[[2.35,48.85],[2.36,48.85],[2.36,48.86],[2.35,48.85]]]}";
    String swapped = "{\"type\":\"Polygon\",\"coordinates\":[[[52.922,-1.476],[52.922,-1.475],[52.923,-1.475],[52.922,-1.476]]]}";
    String ok = "{\"zone_id\":\"Z\",\"offender_id\":\"O\",\"kind\":\"EXCLUSION\"}";
    String doc = "{\"type\":\"FeatureCollection\",\"features\":[\n"
        + feature("{\"offender_id\":\"O\",\"kind\":\"EXCLUSION\"}", SQUARE) + ",\n"
        + feature("{\"zone_id\":\"Z\",\"kind\":\"EXCLUSION\"}", SQUARE) + ",\n"
        + feature("{\"zone_id\":\"Z\",\"offender_id\":\"O\"}", SQUARE) + ",\n"
        + feature("{\"zone_id\":\"Z\",\"offender_id\":\"O\",\"kind\":\"CURFEW\"}", SQUARE) + ",\n"
        + feature(ok, "{\"type\":\"Point\",\"coordinates\":[-1.47,52.92]}") + ",\n"
        + feature(ok, bowtie) + ",\n"
        + feature(ok, unclosed) + ",\n"
        + feature("{\"zone_id\":\"Z\",\"offender_id\":\"O\",\"kind\":\"INCLUSION\",\"schedule\":\"7pm-7am\"}", SQUARE) + ",\n"
        + feature("{\"zone_id\":\"Z\",\"offender_id\":\"O\",\"kind\":\"INCLUSION\",\"grace_s\":-5}", SQUARE) + ",\n"
        + feature(ok, paris) + ",\n"
        + feature(ok, swapped) + ",\n"
        + "{\"type\":\"Feature\",\"geometry\":" + SQUARE + "},\n"
        + "{\"type\":\"Feature\",\"properties\":" + ok + ",\"geometry\":null},\n"
        + "{\"type\":\"Polygon\",\"coordinates\":[]},\n"
        + feature("{\"zone_id\":[1],\"offender_id\":\"O\",\"kind\":\"EXCLUSION\"}", SQUARE) + ",\n"
        + feature("{\"zone_id\":\"Z\",\"offender_id\":\"O\",\"kind\":\"EXCLUSION\",\"schedule\":\"19:00-19:00\"}", SQUARE) + "\n"
        + "]}";
    var out = Collected.read(reader, doc);
    assertThat(out.accepted).isEmpty();
    assertThat(out.rejected).extracting(Rejection::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L);
    assertThat(out.rejected).extracting(Rejection::reason).satisfiesExactly(
        r -> assertThat(r).isEqualTo("zone_id is required"),
        r -> assertThat(r).isEqualTo("offender_id is required"),
        r -> assertThat(r).isEqualTo("kind is required"),
        r -> assertThat(r).isEqualTo("kind 'CURFEW' is not EXCLUSION or INCLUSION"),
        r -> assertThat(r).isEqualTo("geometry is a Point; a zone needs a Polygon or MultiPolygon"),
        r -> assertThat(r).startsWith("geometry is not a valid polygon: Self-intersection"),
        r -> assertThat(r).startsWith("geometry is not valid GeoJSON: ").contains("closed"),
        r -> assertThat(r).isEqualTo("schedule '7pm-7am' is neither 'always' nor 'HH:mm-HH:mm'"),
        r -> assertThat(r).isEqualTo("grace_s -5 must not be negative"),
        r -> assertThat(r).contains("(48.85, 2.35) is outside Great Britain (British National Grid extent)"),
        r -> assertThat(r).contains("looks like [lat, lon]: GeoJSON is [lon, lat]"),
        r -> assertThat(r).isEqualTo("properties are missing; a zone needs zone_id, offender_id and kind"),
        r -> assertThat(r).isEqualTo("geometry is missing; a zone needs a Polygon or MultiPolygon"),
        r -> assertThat(r).isEqualTo("type is 'Polygon'; each element of features must be a Feature"),
        r -> assertThat(r).isEqualTo("zone_id is a JSON array; expected text or a number"),
        r -> assertThat(r).contains("schedule start and end are equal"));
    assertThat(out.rejected.get(0).raw()).startsWith("{\"type\":\"Feature\"");
  }

  @Test
  void wholeFileErrors() {
    assertThatThrownBy(() -> Collected.read(reader, "")).isInstanceOf(InvalidFileException.class).hasMessage("the file is empty");
    assertThatThrownBy(() -> Collected.read(reader, SQUARE))
        .isInstanceOf(InvalidFileException.class).hasMessageStartingWith("not GeoJSON zones: the top-level type is 'Polygon'");
    assertThatThrownBy(() -> Collected.read(reader, "[" + feature("{}", SQUARE) + "]"))
        .isInstanceOf(InvalidFileException.class).hasMessageStartingWith("not GeoJSON: the document is a JSON array");
    assertThatThrownBy(() -> Collected.read(reader, "{\"type\":\"FeatureCollection\",\n\"features\":[{\"type\":}]}"))
        .isInstanceOf(InvalidFileException.class).hasMessageStartingWith("not GeoJSON: the JSON is not valid at line 2");
    assertThatThrownBy(() -> Collected.read(reader, "{\"type\":\"FeatureCollection\"}"))
        .isInstanceOf(InvalidFileException.class).hasMessage("the FeatureCollection has no \"features\" array");
  }

  @Test
  void theTypeMayFollowTheFeatures() throws Exception {
    var out = Collected.read(reader, "{\"features\":[\n"
        + feature("{\"zone_id\":\"Z1\",\"offender_id\":\"O1\",\"kind\":\"EXCLUSION\"}", SQUARE) + "],\n\"type\":\"FeatureCollection\"}");
    assertThat(out.acceptedLines()).containsExactly(2L);
  }
}
