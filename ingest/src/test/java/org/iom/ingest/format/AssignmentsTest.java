package org.iom.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.iom.ingest.model.TagAssignment;
import org.junit.jupiter.api.Test;

class AssignmentsTest {
  private final RecordReader<TagAssignment> csv = Readers.assignments(InputFormat.CSV, Collected.OPTIONS);

  @Test
  void readsOpenAndClosedAssignments() throws Exception {
    var out = Collected.read(csv, "offender_id,tag_id,fitted_at,removed_at\n"
        + "O1,T1,2025-01-01T09:00:00Z,2025-02-01T09:00:00Z\nO2,T1,2025-02-01T09:00:00Z,\n");
    assertThat(out.rejected).isEmpty();
    assertThat(out.values()).containsExactly(
        new TagAssignment("O1", "T1", Instant.parse("2025-01-01T09:00:00Z"), Instant.parse("2025-02-01T09:00:00Z")),
        new TagAssignment("O2", "T1", Instant.parse("2025-02-01T09:00:00Z"), null));
  }

  @Test
  void rejectsRemovalBeforeOrAtFitting() throws Exception {
    var out = Collected.read(csv, "offender_id,tag_id,fitted_at,removed_at\n"
        + "O1,T1,2025-02-01T09:00:00Z,2025-01-01T09:00:00Z\nO1,T2,2025-02-01T09:00:00Z,2025-02-01T09:00:00Z\n");
    assertThat(out.rejected).extracting(Rejection::line).containsExactly(2L, 3L);
    assertThat(out.rejected.get(0).reason())
        .isEqualTo("removed_at 2025-01-01T09:00:00Z is before fitted_at 2025-02-01T09:00:00Z");
    assertThat(out.rejected.get(1).reason()).startsWith("removed_at 2025-02-01T09:00:00Z is equal to fitted_at");
  }

  @Test
  void rejectsAnOverlapWithinTheFileNamingTheEarlierLine() throws Exception {
    var out = Collected.read(csv, "offender_id,tag_id,fitted_at,removed_at\n"
        + "O1,T1,2025-01-01T00:00:00Z,\n"
        + "O9,T2,2025-01-01T00:00:00Z,2025-03-01T00:00:00Z\n"
        + "O2,T1,2025-02-01T00:00:00Z,2025-02-10T00:00:00Z\n"
        + "O3,T2,2025-03-01T00:00:00Z,\n"
        + "O4,T2,2025-02-28T00:00:00Z,2025-03-02T00:00:00Z\n");
    assertThat(out.acceptedLines()).containsExactly(2L, 3L, 5L);
    assertThat(out.rejected).extracting(Rejection::line).containsExactly(4L, 6L);
    assertThat(out.rejected.get(0).reason()).isEqualTo("tag T1 is already assigned to O1 from 2025-01-01T00:00:00Z"
        + " (still fitted) on line 2; assignments of one tag must not overlap");
    assertThat(out.rejected.get(1).reason()).contains("on line 3");
  }

  @Test
  void anIdenticalRepeatedRowIsAccepted() throws Exception {
    var out = Collected.read(csv, "offender_id,tag_id,fitted_at\nO1,T1,2025-01-01T00:00:00Z\nO1,T1,2025-01-01T00:00:00Z\n");
    assertThat(out.acceptedLines()).containsExactly(2L, 3L);
  }

  @Test
  void theOverlapCheckIsPerRead() throws Exception {
    String row = "offender_id,tag_id,fitted_at\nO1,T1,2025-01-01T00:00:00Z\n";
    Collected.read(csv, row);
    var second = Collected.read(csv, "offender_id,tag_id,fitted_at\nO2,T1,2025-01-02T00:00:00Z\n");
    assertThat(second.acceptedLines()).containsExactly(2L);
  }

  @Test
  void ndjsonAppliesTheSameRules() throws Exception {
    var out = Collected.read(Readers.assignments(InputFormat.NDJSON, Collected.OPTIONS),
        "{\"offender_id\":\"O1\",\"tag_id\":\"T1\",\"fitted_at\":\"2025-01-01T00:00:00Z\",\"removed_at\":null}\n"
        + "{\"offender_id\":\"O2\",\"tag_id\":\"T1\",\"fitted_at\":\"2025-01-05T00:00:00Z\"}\n"
        + "{\"offender_id\":\"O2\",\"fitted_at\":\"2025-01-05T00:00:00Z\"}\n");
    assertThat(out.acceptedLines()).containsExactly(1L);
    assertThat(out.rejected).extracting(Rejection::reason)
        .containsExactly("tag T1 is already assigned to O1 from 2025-01-01T00:00:00Z (still fitted) on line 1;"
            + " assignments of one tag must not overlap", "tag_id is required");
  }
}
