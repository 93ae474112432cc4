package org.iom.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.iom.ingest.model.Cohort;
import org.iom.ingest.model.CohortMembership;
import org.iom.ingest.model.Offender;
import org.iom.ingest.model.ProvenOffence;
import org.junit.jupiter.api.Test;

/** Offenders, cohort memberships and proven offences: the kinds without positions. */
class PeopleAndOffencesTest {
  @Test
  void offenders() throws Exception {
    var out = Collected.read(Readers.offenders(InputFormat.CSV, Collected.OPTIONS),
        "offender_id,display_name,manager_id,cohort\nO1,\"Smith, J\",mgr1,fixed\nO2,,,\nO3,,,SOMETIMES\n,x,,\n");
    assertThat(out.values()).containsExactly(new Offender("O1", "Smith, J", "mgr1", Cohort.FIXED),
        new Offender("O2", null, null, null));
    assertThat(out.rejected).extracting(Rejection::line).containsExactly(4L, 5L);
    assertThat(out.rejected).extracting(Rejection::reason)
        .containsExactly("cohort 'SOMETIMES' is not one of FIXED, FLEX, FREE", "offender_id is required");
  }

  @Test
  void anOffenderFileNeedsOnlyTheId() throws Exception {
    var out = Collected.read(Readers.offenders(InputFormat.CSV, Collected.OPTIONS), "Offender_ID\nO1\n");
    assertThat(out.only().offenderId()).isEqualTo("O1");
  }

  @Test
  void memberships() throws Exception {
    var out = Collected.read(Readers.memberships(InputFormat.CSV, Collected.OPTIONS),
        "offender_id,cohort,joined_on,left_on\nO1,FLEX,2024-01-15,2024-09-30\nO1,free,2024-10-01,\n"
        + "O2,FIXED,2024-05-01,2024-04-01\nO3,FIXED,01/05/2024,\nO4,,2024-05-01,\nO5,FIXED,2024-02-30,\n");
    assertThat(out.values()).containsExactly(
        new CohortMembership("O1", Cohort.FLEX, LocalDate.of(2024, 1, 15), LocalDate.of(2024, 9, 30)),
        new CohortMembership("O1", Cohort.FREE, LocalDate.of(2024, 10, 1), null));
    assertThat(out.rejected).extracting(Rejection::reason).containsExactly(
        "left_on 2024-04-01 is before joined_on 2024-05-01",
        "joined_on '01/05/2024' is not a date in yyyy-MM-dd form (e.g. 2025-03-01)",
        "cohort is required",
        "joined_on '2024-02-30' is not a date in yyyy-MM-dd form (e.g. 2025-03-01)");
    assertThat(out.rejected).extracting(Rejection::line).containsExactly(4L, 5L, 6L, 7L);
  }

  @Test
  void membershipsNeedTheirColumns() {
    assertThatThrownBy(() -> Collected.read(Readers.memberships(InputFormat.CSV, Collected.OPTIONS), "offender_id\nO1\n"))
        .isInstanceOf(InvalidFileException.class)
        .hasMessage("missing required columns cohort, joined_on in the cohort memberships header; found offender_id");
  }

  @Test
  void offences() throws Exception {
    var out = Collected.read(Readers.offences(InputFormat.CSV, Collected.OPTIONS),
        "offender_id,offence_date,offence_code,conviction_date,crime_ref\n"
        + "O1,2024-03-01,28E,2024-06-01,CR1\nO1,2024-04-01,LOCAL7,,\nO1,2024-04-01,46,2024-03-01,\n");
    assertThat(out.values()).containsExactly(
        new ProvenOffence("O1", LocalDate.of(2024, 3, 1), "28E", LocalDate.of(2024, 6, 1), "CR1"),
        new ProvenOffence("O1", LocalDate.of(2024, 4, 1), "LOCAL7", null, null));
    assertThat(out.warnings).singleElement().satisfies(w -> {
      assertThat(w.line()).isEqualTo(3);
      assertThat(w.message()).startsWith("offence_code 'LOCAL7' is not a known Home Office offence code");
    });
    assertThat(out.onlyRejectionOrFirst().reason()).isEqualTo("conviction_date 2024-03-01 is before offence_date 2024-04-01");
  }

  @Test
  void ndjsonOffencesAndMemberships() throws Exception {
    var offences = Collected.read(Readers.offences(InputFormat.NDJSON, Collected.OPTIONS),
        "{\"offender_id\":\"O1\",\"offence_date\":\"2024-03-01\",\"offence_code\":\"39\"}\n");
    assertThat(offences.only().offenceCode()).isEqualTo("39");
    var memberships = Collected.read(Readers.memberships(InputFormat.NDJSON, Collected.OPTIONS),
        "{\"offender_id\":\"O1\",\"cohort\":\"Fixed\",\"joined_on\":\"2024-03-01\"}\n");
    assertThat(memberships.only().cohort()).isEqualTo(Cohort.FIXED);
  }
}
