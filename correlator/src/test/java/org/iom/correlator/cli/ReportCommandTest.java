package org.iom.correlator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.iom.ingest.model.Cohort;
import org.iom.ingest.model.CohortMembership;
import org.iom.ingest.model.ProvenOffence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
  @TempDir Path dir;
  private final List<Path> read = new ArrayList<>();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    List<CohortMembership> memberships = List.of(
        new CohortMembership("A", Cohort.FIXED, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 7, 1)));
    List<ProvenOffence> offences = List.of(new ProvenOffence("A", LocalDate.of(2022, 12, 1), "28E", null, null),
        new ProvenOffence("A", LocalDate.of(2023, 9, 1), "45", null, null));
    ReportCommand command = new ReportCommand(p -> {
      read.add(p);
      return memberships;
    }, p -> {
      read.add(p);
      return offences;
    });
    CommandLine cli = new CommandLine(command);
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void writesJsonFromTheSuppliedReadersWithReplacementReferenceFiles() throws Exception {
    Path deflators = Files.writeString(dir.resolve("d.csv"), "financial_year,index,vintage\n2015-16,50,TEST\n2024-25,100,TEST\n");
    Path out = dir.resolve("r.json");
    int status = run("idiom", "--memberships", "m.csv", "--offences", "o.csv", "--as-of", "2024-06-30",
        "--price-year", "2024-25", "--cohort", "fixed", "--deflators", deflators.toString(), "--out", out.toString());
    assertThat(status).as(err.toString()).isZero();
    assertThat(read).containsExactly(Path.of("m.csv"), Path.of("o.csv"));
    JsonNode json = new ObjectMapper().readTree(out.toFile());
    assertThat(json.get("cohort").asText()).isEqualTo("FIXED");
    assertThat(json.at("/windows/PRE/cost_gbp").decimalValue()).isEqualByComparingTo("11860.00"); // 5930 x 100/50
    assertThat(json.at("/windows/POST/cost_gbp").decimalValue()).isEqualByComparingTo("1740.00");
    assertThat(json.at("/reference/deflators/vintage").asText()).isEqualTo("TEST");
  }

  @Test
  void writesHtmlAndCsv() throws Exception {
    for (String format : List.of("html", "csv")) {
      Path out = dir.resolve("r." + format);
      assertThat(run("idiom", "--memberships", "m", "--offences", "o", "--as-of", "2024-06-30", "--price-year",
          "2024-25", "--format", format, "--out", out.toString())).isZero();
      assertThat(Files.size(out)).isGreaterThan(1000);
    }
  }

  @Test
  void badReferenceFileOrPriceYearExitsOneWithTheReason() throws Exception {
    Path costs = Files.writeString(dir.resolve("c.csv"), "scheme,category,base_price_year,cost_gbp,source\nX,a,2015-16,ten,s\n");
    assertThat(run("idiom", "--memberships", "m", "--offences", "o", "--as-of", "2024-06-30", "--price-year",
        "2024-25", "--costs", costs.toString())).isEqualTo(1);
    assertThat(err.toString()).contains(costs + " line 2: cost_gbp 'ten' is not a plain decimal number");
    assertThat(run("idiom", "--memberships", "m", "--offences", "o", "--as-of", "2024-06-30", "--price-year",
        "2023-24")).isEqualTo(1);
    assertThat(err.toString()).contains("no GDP deflator for 2023-24");
    assertThat(run("idiom", "--memberships", "m", "--offences", "o", "--as-of", "2024-06-30", "--price-year",
        "2024-25", "--costs", dir.resolve("missing.csv").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("cannot read").contains("missing.csv");
  }
}
