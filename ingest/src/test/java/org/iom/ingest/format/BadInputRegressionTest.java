package org.iom.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Minimal inputs that the bad-input fuzz test (correlator {@code BadInputFuzzContract}) found
 * getting past the readers and failing in the store, answered 5xx. Each must be a row rejection.
 */
class BadInputRegressionTest {

  @ParameterizedTest
  @ValueSource(strings = {"0999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59-18:00",
      "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z"})
  void aTimeOutsideTheStorableYearsIsARowRejection(String time) throws Exception {
    var crimes = Collected.read(Readers.crimes(InputFormat.CSV, Collected.OPTIONS),
        "crime_ref,offence_code,committed_from,lat,lon\nC1,28E," + time + ",52.9,-1.4\n");
    var fixes = Collected.read(Readers.fixes(InputFormat.NDJSON, Collected.OPTIONS.withFutureTolerance(
        java.time.Duration.ofDays(3_000_000))),
        "{\"tag_id\":\"T1\",\"recorded_at\":\"" + time + "\",\"lat\":52.9,\"lon\":-1.4}\n");

    assertThat(crimes.onlyRejection().reason()).contains("committed_from").contains("outside the years 1000-9999");
    assertThat(fixes.onlyRejection().reason()).contains("recorded_at").contains("outside the years 1000-9999");
  }

  @Test
  void theFirstAndLastStorableInstantsAreAccepted() throws Exception {
    var fixes = Collected.read(Readers.fixes(InputFormat.CSV, Collected.OPTIONS),
        "tag_id,recorded_at,lat,lon\nT1,1000-01-01T00:00:00Z,52.9,-1.4\n");
    var crimes = Collected.read(Readers.crimes(InputFormat.CSV, Collected.OPTIONS),
        "crime_ref,offence_code,committed_from,lat,lon\nC1,28E,9999-12-31T23:59:59.999999999Z,52.9,-1.4\n");
    assertThat(fixes.accepted).hasSize(1);
    assertThat(crimes.accepted).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0000-01-01", "0999-12-31"})
  void aDateOutsideTheStorableYearsIsARowRejection(String date) throws Exception {
    var out = Collected.read(Readers.memberships(InputFormat.CSV, Collected.OPTIONS),
        "offender_id,cohort,joined_on\nO1,FIXED," + date + "\n");
    assertThat(out.onlyRejection().reason()).contains("joined_on").contains("outside the years 1000-9999");
  }

  @Test
  void aNulCharacterEscapedInNdjsonIsARowRejection() throws Exception {
    var out = Collected.read(Readers.offenders(InputFormat.NDJSON, Collected.OPTIONS),
        "{\"offender_id\":\"O1\",\"display_name\":\"A\\u0000B\"}\n{\"offender_id\":\"O2\"}\n");
    assertThat(out.acceptedLines()).containsExactly(2L);
    assertThat(out.onlyRejectionOrFirst().reason()).contains("display_name").contains("NUL");
  }

  @Test
  void aNulByteInCsvAfterTheSniffedStartIsARowRejection() throws Exception {
    String padding = "\n".repeat(TextInput.SNIFF_BYTES + 10);
    var out = Collected.read(Readers.offenders(InputFormat.CSV, Collected.OPTIONS),
        "offender_id,display_name\nO1,A\n" + padding + "O2,B\u0000C\n");
    assertThat(out.acceptedLines()).containsExactly(2L);
    assertThat(out.onlyRejectionOrFirst().reason()).contains("display_name").contains("NUL");
  }

  @Test
  void aLoneSurrogateEscapedInJsonIsARowRejection() throws Exception {
    var offenders = Collected.read(Readers.offenders(InputFormat.NDJSON, Collected.OPTIONS),
        "{\"offender_id\":\"O\\ud800\"}\n{\"offender_id\":\"O\\ud83d\\ude00\"}\n");
    assertThat(offenders.acceptedLines()).containsExactly(2L);
    assertThat(offenders.onlyRejectionOrFirst().reason()).contains("offender_id").contains("surrogate");
  }

  @Test
  void aNulCharacterInAZonePropertyIsARowRejection() throws Exception {
    var out = Collected.read(Readers.zones(InputFormat.GEOJSON, Collected.OPTIONS), """
        {"type":"Feature","properties":{"zone_id":"Z\\u00001","offender_id":"O1","kind":"EXCLUSION"},
         "geometry":{"type":"Polygon","coordinates":[[[-1.48,52.92],[-1.47,52.92],[-1.47,52.93],[-1.48,52.92]]]}}
        """);
    assertThat(out.onlyRejection().reason()).contains("zone_id").contains("NUL");
  }

  /** A body of hundreds of MB without a line break ran the server out of memory, answered 500. */
  @Test
  void anNdjsonLineOverTheLimitIsRejectedWithoutBeingHeld() throws Exception {
    String huge = "{\"offender_id\":\"" + "x".repeat(NdjsonRecordReader.MAX_LINE_CHARS) + "\"}";
    var out = Collected.read(Readers.offenders(InputFormat.NDJSON, Collected.OPTIONS),
        "{\"offender_id\":\"O1\"}\r\n" + huge + "\r\n{\"offender_id\":\"O3\"}\r{\"offender_id\":\"O4\"}");
    assertThat(out.acceptedLines()).containsExactly(1L, 3L, 4L);
    Rejection tooLong = out.onlyRejectionOrFirst();
    assertThat(tooLong.line()).isEqualTo(2);
    assertThat(tooLong.reason()).contains("longer than 1048576 characters");
    assertThat(tooLong.raw()).hasSizeLessThan(300);
  }

  /** Text or an attribute value of hundreds of MB in GPX ran the server out of memory, answered 500. */
  @Test
  void aGpxTextRunOverTheLimitIsAWholeFileError() {
    String gpx = "<gpx version=\"1.1\"><trk><trkseg><trkpt lat=\"" + "5".repeat(GpxFixReader.MAX_TEXT_RUN_BYTES + 1) + "\"/>";
    assertThatThrownBy(() -> Collected.read(Readers.fixes(InputFormat.GPX, Collected.OPTIONS), gpx))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("without a tag");
  }

  /** Zones are held as a tree several times the text's size: a body of the HTTP limit could exhaust memory. */
  @Test
  void aGeoJsonDocumentOverItsOwnLimitIsRefusedAsTooLarge() {
    String geojson = "{\"type\":\"FeatureCollection\",\"features\":[" + "[0],".repeat(GeoJsonZoneReader.MAX_DOCUMENT_BYTES / 4) + "]}";
    assertThatThrownBy(() -> Collected.read(Readers.zones(InputFormat.GEOJSON, Collected.OPTIONS), geojson))
        .isInstanceOf(InputTooLargeException.class)
        .hasMessageContaining("split it");
  }
}
