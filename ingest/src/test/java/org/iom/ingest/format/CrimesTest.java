package org.iom.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.iom.ingest.model.Crime;
import org.junit.jupiter.api.Test;

class CrimesTest {
  private final RecordReader<Crime> csv = Readers.crimes(InputFormat.CSV, Collected.OPTIONS);
  private static final String HEADER = "crime_ref,offence_code,committed_from,committed_to,lat,lon,offence_type,radius_m\n";

  @Test
  void readsCrimesDefaultingCommittedToToFrom() throws Exception {
    var out = Collected.read(csv, HEADER
        + "CR1,28E,2025-03-01T22:00:00Z,2025-03-02T02:00:00Z,52.92,-1.47,\"Burglary, residential\",150\n"
        + "CR2,34B,2025-03-01T22:00:00Z,,52.92,-1.47,,\n");
    assertThat(out.rejected).isEmpty();
    assertThat(out.warnings).isEmpty();
    Crime first = out.values().get(0);
    assertThat(first.committedTo()).isEqualTo(Instant.parse("2025-03-02T02:00:00Z"));
    assertThat(first.offenceType()).isEqualTo("Burglary, residential");
    assertThat(first.radiusM()).isEqualTo(150.0);
    Crime second = out.values().get(1);
    assertThat(second.committedTo()).isEqualTo(second.committedFrom());
    assertThat(second.radiusM()).isNull();
  }

  @Test
  void readsEastingNorthing() throws Exception {
    var out = Collected.read(csv, "crime_ref,offence_code,committed_from,easting,northing\nCR1,45,2025-03-01T22:00:00Z,435000,336000\n");
    assertThat(out.only().location().northing()).isEqualTo(336000);
  }

  @Test
  void acceptsAnUnknownOffenceCodeWithAWarning() throws Exception {
    var out = Collected.read(csv, HEADER + "CR1,99Z,2025-03-01T22:00:00Z,,52.92,-1.47,,\n");
    assertThat(out.only().offenceCode()).isEqualTo("99Z");
    assertThat(out.warnings).singleElement().satisfies(w -> {
      assertThat(w.line()).isEqualTo(2);
      assertThat(w.message()).startsWith("offence_code '99Z' is not a known Home Office offence code");
    });
  }

  @Test
  void legacyAndLowerCaseCodesAreKnown() throws Exception {
    var out = Collected.read(csv, HEADER + "CR1,28a,2025-03-01T22:00:00Z,,52.92,-1.47,,\nCR2,37.2,2025-03-01T22:00:00Z,,52.92,-1.47,,\n");
    assertThat(out.accepted).hasSize(2);
    assertThat(out.warnings).isEmpty();
  }

  @Test
  void rejectsBadCrimes() throws Exception {
    var out = Collected.read(csv, HEADER
        + "CR1,28E,2025-03-02T02:00:00Z,2025-03-01T22:00:00Z,52.92,-1.47,,\n"
        + "CR2,28E,2025-03-01T22:00:00Z,,52.92,-1.47,,0\n"
        + ",28E,2025-03-01T22:00:00Z,,52.92,-1.47,,\n"
        + "CR4,28E,yesterday,,52.92,-1.47,,\n"
        + "CR5,,2025-03-01T22:00:00Z,,52.92,-1.47,,\n");
    assertThat(out.rejected).extracting(Rejection::line).containsExactly(2L, 3L, 4L, 5L, 6L);
    assertThat(out.rejected).extracting(Rejection::reason).containsExactly(
        "committed_to 2025-03-01T22:00:00Z is before committed_from 2025-03-02T02:00:00Z",
        "radius_m 0 must be a positive number of metres",
        "crime_ref is required",
        "committed_from 'yesterday' is not an ISO-8601 time with an offset or Z (e.g. 2025-03-01T12:34:56Z)",
        "offence_code is required");
    assertThat(out.warnings).isEmpty();
  }

  @Test
  void aMissingColumnNamesItAndTheColumnsFound() {
    assertThatThrownBy(() -> Collected.read(csv, "crime_ref,committed_from,lat,lon\n"))
        .isInstanceOf(InvalidFileException.class)
        .hasMessage("missing required column offence_code in the crimes header; found crime_ref, committed_from, lat, lon");
  }

  @Test
  void ndjsonCrimes() throws Exception {
    var out = Collected.read(Readers.crimes(InputFormat.NDJSON, Collected.OPTIONS),
        "{\"crime_ref\":\"CR1\",\"offence_code\":\"XX\",\"committed_from\":\"2025-03-01T22:00:00Z\",\"lat\":52.92,\"lon\":-1.47,\"radius_m\":75}\n");
    assertThat(out.only().radiusM()).isEqualTo(75.0);
    assertThat(out.warnings).extracting(Collected.Warning::line).containsExactly(1L);
  }
}
