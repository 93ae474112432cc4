package org.iom.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadersTest {
  private final ReadOptions options = Collected.OPTIONS;

  @Test
  void everySupportedCombinationHasAReader() {
    for (InputFormat f : new InputFormat[] {InputFormat.CSV, InputFormat.NDJSON, InputFormat.GPX}) {
      assertThat(Readers.fixes(f, options)).isNotNull();
    }
    for (InputFormat f : new InputFormat[] {InputFormat.CSV, InputFormat.NDJSON}) {
      assertThat(Readers.assignments(f, options)).isNotNull();
      assertThat(Readers.crimes(f, options)).isNotNull();
      assertThat(Readers.offenders(f, options)).isNotNull();
      assertThat(Readers.memberships(f, options)).isNotNull();
      assertThat(Readers.offences(f, options)).isNotNull();
    }
    assertThat(Readers.zones(InputFormat.GEOJSON, options)).isNotNull();
  }

  @Test
  void unsupportedCombinationsSayWhatIsAccepted() {
    assertThatThrownBy(() -> Readers.fixes(InputFormat.GEOJSON, options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fixes cannot be read from GEOJSON (application/geo+json); send CSV, NDJSON or GPX");
    assertThatThrownBy(() -> Readers.crimes(InputFormat.GPX, options))
        .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("send CSV or NDJSON");
    assertThatThrownBy(() -> Readers.zones(InputFormat.CSV, options))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("zones cannot be read from CSV (text/csv); send GeoJSON");
    assertThatThrownBy(() -> Readers.memberships(InputFormat.GEOJSON, options))
        .hasMessageStartingWith("cohort memberships cannot be read from GEOJSON");
  }

  @Test
  void readersLeaveTheCallersStreamOpen() throws Exception {
    String fix = "tag_id,recorded_at,lat,lon\nT1,2025-03-01T12:00:00Z,52.9,-1.4\n";
    assertStaysOpen(Readers.fixes(InputFormat.CSV, options), fix);
    assertStaysOpen(Readers.fixes(InputFormat.NDJSON, options),
        "{\"tag_id\":\"T1\",\"recorded_at\":\"2025-03-01T12:00:00Z\",\"lat\":52.9,\"lon\":-1.4}\n");
    assertStaysOpen(Readers.fixes(InputFormat.GPX, options.withGpxTagId("T1")),
        "<gpx><wpt lat=\"52.9\" lon=\"-1.4\"><time>2025-03-01T12:00:00Z</time></wpt></gpx>");
    assertStaysOpen(Readers.zones(InputFormat.GEOJSON, options), "{\"type\":\"FeatureCollection\",\"features\":[]}");
  }

  private static <T> void assertStaysOpen(RecordReader<T> reader, String text) throws Exception {
    boolean[] closed = {false};
    var in = new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    reader.read(in, new Collected<>());
    assertThat(closed[0]).as(reader.getClass().getSimpleName()).isFalse();
  }

  @Test
  void optionsDefaultAndValidate() {
    assertThat(options.futureTolerance()).isEqualTo(ReadOptions.DEFAULT_FUTURE_TOLERANCE);
    assertThat(options.gpxTagId()).isNull();
    assertThat(options.withGpxTagId("  T1 ").gpxTagId()).isEqualTo("T1");
    assertThatThrownBy(() -> options.withFutureTolerance(java.time.Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLongerToleranceAdmitsFixesFurtherAhead() throws Exception {
    var lenient = Readers.fixes(InputFormat.CSV, options.withFutureTolerance(java.time.Duration.ofHours(1)));
    var out = Collected.read(lenient, "tag_id,recorded_at,lat,lon\nT1,2025-06-01T12:59:00Z,52.9,-1.4\nT1,2025-06-01T13:01:00Z,52.9,-1.4\n");
    assertThat(out.acceptedLines()).containsExactly(2L);
    assertThat(out.onlyRejectionOrFirst().reason()).contains("is more than 1 hour in the future (server time 2025-06-01T12:00:00Z)");
  }
}
