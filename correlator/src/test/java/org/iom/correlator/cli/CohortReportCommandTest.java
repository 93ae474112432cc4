package org.iom.correlator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code report cohort} from SPEC.md files: matches from the batch engine, no alerts, full and partner views. */
class CohortReportCommandTest {
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void files() throws Exception {
    Files.writeString(dir.resolve("memberships.csv"), "offender_id,cohort,joined_on,left_on\n"
        + "A,FIXED,2025-01-01,\nB,FLEX,2025-01-01,\n");
    Files.writeString(dir.resolve("offenders.csv"), "offender_id,display_name,manager_id\nA,Alan,m1\nB,,m2\n");
    Files.writeString(dir.resolve("assignments.csv"), "offender_id,tag_id,fitted_at,removed_at\n"
        + "A,T1,2025-02-01T00:00:00Z,\n");
    StringBuilder fixes = new StringBuilder("tag_id,recorded_at,easting,northing\n");
    Instant gapFrom = Instant.parse("2025-03-01T10:00:00Z");
    Instant gapTo = Instant.parse("2025-03-01T12:00:00Z");
    for (Instant t = Instant.parse("2025-03-01T00:00:00Z"); t.isBefore(Instant.parse("2025-03-02T00:00:00Z"));
        t = t.plusSeconds(60)) {
      if (t.isAfter(gapFrom) && t.isBefore(gapTo)) continue;
      fixes.append("T1,").append(t).append(",430000,433000\n");
    }
    Files.writeString(dir.resolve("fixes.csv"), fixes);
    Files.writeString(dir.resolve("crimes.csv"), "crime_ref,offence_code,committed_from,committed_to,easting,northing\n"
        + "K1,28E,2025-03-01T15:00:00Z,,430020,433000\n"       // T1 is 20 m away: PRESENT
        + "K2,28E,2025-03-01T11:00:00Z,,430300,433000\n"       // in the gap, 300 m from its edges: GAP
        + "K3,28E,2025-03-01T18:00:00Z,,440000,433000\n"       // 10 km away: no match
        + "K4,28E,2025-03-05T18:00:00Z,,430000,433000\n");     // after the period
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("report", "cohort", "--memberships", p("memberships.csv"),
        "--offenders", p("offenders.csv"), "--assignments", p("assignments.csv"), "--fixes", p("fixes.csv"),
        "--crimes", p("crimes.csv"), "--generated-at", "2025-04-01T00:00:00Z"));
    all.addAll(List.of(args));
    return cli.execute(all.toArray(String[]::new));
  }

  @Test
  void fullViewFromFiles() throws Exception {
    Path out = dir.resolve("cohort.json");
    int status = run("--from", "2025-03-01", "--to", "2025-03-02", "--cohort", "fixed", "--out", out.toString());
    assertThat(status).as(err.toString()).isZero();
    assertThat(err.toString()).contains("alerts: none here");
    JsonNode j = new ObjectMapper().readTree(out.toFile());
    assertThat(j.at("/people/on_scheme").asInt()).isEqualTo(1);
    assertThat(j.at("/people/tag_days").decimalValue()).isEqualByComparingTo("1.00");
    assertThat(j.at("/completeness/fixes_received").asLong()).isEqualTo(1440 - 119);
    assertThat(j.at("/completeness/gap_hours").decimalValue()).isEqualByComparingTo("2.00");
    assertThat(j.at("/crimes/cross_referenced").asInt()).isEqualTo(3);
    assertThat(j.at("/matches/by_kind/PRESENT").asInt()).isEqualTo(1);
    assertThat(j.at("/matches/by_kind/GAP").asInt()).isEqualTo(1);
    assertThat(j.at("/alerts/available").asBoolean()).isFalse();
    assertThat(j.at("/alerts/crime").isNull()).isTrue();
    assertThat(j.at("/caseload/by_manager/0/manager").asText()).isEqualTo("m1");
    assertThat(j.at("/offenders/0/offender_id").asText()).isEqualTo("A");
  }

  @Test
  void partnerHtmlAndCsv() throws Exception {
    Path html = dir.resolve("cohort.html");
    assertThat(run("--from", "2025-03-01", "--to", "2025-03-02", "--partner", "--format", "html", "--out",
        html.toString())).as(err.toString()).isZero();
    assertThat(Files.readString(html)).contains("<svg").contains("Partner view").doesNotContain("m1");
    Path zip = dir.resolve("cohort.zip");
    assertThat(run("--from", "2025-03-01", "--to", "2025-03-02", "--format", "csv", "--out", zip.toString())).isZero();
    assertThat(Files.readAllBytes(zip)).startsWith('P', 'K');
  }

  @Test
  void badInputExitsOneWithTheReason() {
    assertThat(run("--from", "2025-03-02", "--to", "2025-03-01")).isEqualTo(1);
    assertThat(err.toString()).contains("must be after");
    assertThat(run("--from", "2025-03-01", "--to", "2025-03-02", "--cohort", "NONE")).isEqualTo(1);
    assertThat(err.toString()).contains("FIXED, FLEX, FREE, ALL");
  }

  private String p(String name) {
    return dir.resolve(name).toString();
  }
}
