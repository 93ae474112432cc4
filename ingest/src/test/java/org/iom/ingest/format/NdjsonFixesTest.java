package org.iom.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.iom.ingest.model.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NdjsonFixesTest {
  private final RecordReader<Fix> reader = Readers.fixes(InputFormat.NDJSON, Collected.OPTIONS);

  @Test
  void readsObjectsWithNumbersOrStringsAndCountsBlankLines() throws Exception {
    var out = Collected.read(reader, """
        {"tag_id":"T1","recorded_at":"2025-03-01T12:00:00Z","lat":52.9,"lon":-1.4,"battery_pct":80,"extra":{"x":[1,2]}}

        {"Tag_ID":" T2 ","RECORDED_AT":"2025-03-01T12:00:00+01:00","lat":"52.9","lon":"-1.4","event":null,"accuracy_m":4.5}
        """);
    assertThat(out.rejected).isEmpty();
    assertThat(out.acceptedLines()).containsExactly(1L, 3L);
    Fix a = out.values().get(0);
    assertThat(a.position().lat()).isEqualTo(52.9);
    assertThat(a.batteryPct()).isEqualTo(80);
    Fix b = out.values().get(1);
    assertThat(b.tagId()).isEqualTo("T2");
    assertThat(b.recordedAt()).isEqualTo(Instant.parse("2025-03-01T11:00:00Z"));
    assertThat(b.accuracyM()).isEqualTo(4.5);
    assertThat(b.event()).isNull();
  }

  @Test
  void readsEastingNorthing() throws Exception {
    var out = Collected.read(reader, "{\"tag_id\":\"T1\",\"recorded_at\":\"2025-03-01T12:00:00Z\",\"easting\":435000,\"northing\":336000}\n");
    assertThat(out.only().position().easting()).isEqualTo(435000);
  }

  @Test
  void aMalformedLineIsARejectionNotAWholeFileError() throws Exception {
    var out = Collected.read(reader, """
        {"tag_id":"T1","recorded_at":"2025-03-01T12:00:00Z","lat":52.9,"lon":-1.4}
        {"tag_id":"T1","recorded_at":
        [1,2]
        {"tag_id":"T1","recorded_at":"2025-03-01T12:01:00Z","lat":52.9,"lon":-1.4} trailing
        {"tag_id":"T1","recorded_at":"2025-03-01T12:02:00Z","lat":{"deg":52.9},"lon":-1.4}
        {"tag_id":"T1","recorded_at":"2025-03-01T12:03:00Z","lat":52.9,"lon":-1.4}
        """);
    assertThat(out.acceptedLines()).containsExactly(1L, 6L);
    assertThat(out.rejected).extracting(Rejection::line).containsExactly(2L, 3L, 4L, 5L);
    assertThat(out.rejected.get(0).reason()).startsWith("not valid JSON: ");
    assertThat(out.rejected.get(0).raw()).isEqualTo("{\"tag_id\":\"T1\",\"recorded_at\":");
    assertThat(out.rejected.get(1).reason()).isEqualTo("the line is a JSON array, not an object");
    assertThat(out.rejected.get(2).reason()).startsWith("not valid JSON");
    assertThat(out.rejected.get(3).reason()).isEqualTo("lat is a JSON object; expected text or a number");
  }

  @Test
  void malformedLinesBeforeTheFirstGoodOneAreStillReportedInOrder() throws Exception {
    var out = Collected.read(reader, "not json\n{\"tag_id\":\"T1\",\"recorded_at\":\"2025-03-01T12:00:00Z\",\"lat\":52.9,\"lon\":-1.4}\n");
    assertThat(out.order).containsExactly("R1", "A2");
  }

  @Test
  void aFileWithNoJsonAtAllIsAWholeFileError() {
    assertThatThrownBy(() -> Collected.read(reader, "tag_id,recorded_at,lat,lon\nT1,2025-03-01T12:00:00Z,52.9,-1.4\n"))
        .isInstanceOf(InvalidFileException.class).hasMessageStartingWith("not NDJSON: no line is JSON (CSV?");
    assertThatThrownBy(() -> Collected.read(reader, "[\n  {\"tag_id\": \"T1\",\n  \"lat\": 52.9}\n]\n"))
        .isInstanceOf(InvalidFileException.class).hasMessageContaining("pretty-printed JSON");
  }

  @Test
  void emptyInputIsAWholeFileError() {
    assertThatThrownBy(() -> Collected.read(reader, "\n\n")).isInstanceOf(InvalidFileException.class).hasMessage("the file is empty");
  }

  /** The two formats share one decoder: the same bad values must give the same reasons. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      T1 | not-a-time           | 52.9 | -1.4
      T1 | 2025-03-01T12:00:00  | 52.9 | -1.4
      T1 | 2025-03-01T12:00:00Z | NaN  | -1.4
      T1 | 2025-03-01T12:00:00Z | 0    | 0
      T1 | 2025-03-01T12:00:00Z | 95   | -1.4
      T1 | 2030-01-01T00:00:00Z | 52.9 | -1.4
      T1 | 2025-03-01T12:00:00Z | 48.8 | 2.3
      """)
  void csvAndNdjsonGiveTheSameReasons(String tag, String time, String lat, String lon) throws Exception {
    var csv = Collected.read(Readers.fixes(InputFormat.CSV, Collected.OPTIONS),
        "tag_id,recorded_at,lat,lon\n" + String.join(",", tag, time, lat, lon) + "\n");
    var ndjson = Collected.read(reader, "{\"tag_id\":\"" + tag + "\",\"recorded_at\":\"" + time + "\",\"lat\":\"" + lat
        + "\",\"lon\":\"" + lon + "\"}\n");
    assertThat(ndjson.onlyRejection().reason()).isEqualTo(csv.onlyRejection().reason());
    assertThat(ndjson.onlyRejection().line()).isEqualTo(1);
    assertThat(csv.onlyRejection().line()).isEqualTo(2);
  }
}
