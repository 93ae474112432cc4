package org.iom.correlator.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.iom.ingest.model.Cohort;
import org.iom.ingest.model.CohortMembership;
import org.iom.ingest.model.ProvenOffence;
import org.junit.jupiter.api.Test;

/**
 * SPEC.md's published example: a Fixed cohort of 230 offenders, 553 offences costing £1,395,109
 * before and 134 costing £334,104 after leaving, reported as a 76% reduction. A scheme loaded
 * from CSV text gives those exact base totals: 552 x 2,522 + 2,965 and 133 x 2,493 + 2,535.
 */
class PublishedFiguresTest {
  private static final String SCHEME = "scheme,category,base_price_year,cost_gbp,source\n"
      + "TEST,before typical,2015-16,2522,constructed for the test\n"
      + "TEST,before heavy,2015-16,2965,constructed for the test\n"
      + "TEST,after typical,2015-16,2493,constructed for the test\n"
      + "TEST,after heavy,2015-16,2535,constructed for the test\n";
  private static final String MAP = "offence_code,category,label\n"
      + "B1,before typical,x\nB2,before heavy,x\nA1,after typical,x\nA2,after heavy,x\n";
  private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

  private static IdiomReport report(String priceYear) {
    List<CohortMembership> memberships = new ArrayList<>();
    List<ProvenOffence> offences = new ArrayList<>();
    for (int i = 0; i < 230; i++) {
      LocalDate joined = LocalDate.of(2023, 1, 1).plusDays(i % 28);
      memberships.add(new CohortMembership("P" + i, Cohort.FIXED, joined, joined.plusMonths(6)));
    }
    for (int n = 0; n < 553; n++) {
      CohortMembership m = memberships.get(n % 230);
      // distinct dates so that no two offences are identical records
      offences.add(new ProvenOffence(m.offenderId(), m.joinedOn().minusDays(1 + n / 230), n == 0 ? "B2" : "B1",
          null, null));
    }
    for (int n = 0; n < 134; n++) {
      CohortMembership m = memberships.get(n);
      offences.add(new ProvenOffence(m.offenderId(), m.leftOn().plusDays(10), n == 0 ? "A2" : "A1", null, null));
    }
    ReferenceData reference = new ReferenceData(
        CostScheme.load("test-scheme.csv", stream(SCHEME), null),
        OffenceMap.load("test-map.csv", stream(MAP)),
        GdpDeflators.builtIn());
    return new IdiomCalculator(reference)
        .compute(memberships, offences, IdiomRequest.of(CohortScope.FIXED, AS_OF, FinancialYear.parse(priceYear)));
  }

  @Test
  void derbyshireCohortIsA76PercentReduction() {
    IdiomReport report = report("2015-16");
    IdiomReport.WindowSummary pre = report.window(WindowKind.PRE);
    IdiomReport.WindowSummary post = report.window(WindowKind.POST);
    assertThat(pre.offences()).isEqualTo(553);
    assertThat(post.offences()).isEqualTo(134);
    assertThat(pre.costGbp()).isEqualByComparingTo("1395109");
    assertThat(post.costGbp()).isEqualByComparingTo("334104");
    assertThat(report.cohortOffenders()).isEqualTo(230);
    assertThat(report.smallCohort()).isFalse();

    IdiomReport.Change change = report.preToPost();
    assertThat(change.memberships()).isEqualTo(230);
    assertThat(change.changeGbp()).isEqualByComparingTo("-1061005");
    assertThat(Rounding.percent(change.percent().orElseThrow())).isEqualByComparingTo("-76.05");
    assertThat(Rounding.wholePercent(change.percent().orElseThrow())).isEqualByComparingTo("-76");

    // DOMAIN.md's per-offence check: no proven-to-actual multiplier in the published figures
    assertThat(Rounding.pence(pre.costPerOffence().orElseThrow())).isEqualByComparingTo("2522.80");
    assertThat(Rounding.pence(post.costPerOffence().orElseThrow())).isEqualByComparingTo("2493.31");
  }

  @Test
  void everyFormatSaysSeventySixPercent() {
    ReportView view = ReportView.full(report("2015-16"));
    JsonNode json = new IdiomJsonWriter().toTree(view);
    assertThat(json.at("/change/pre_to_post/percent").decimalValue()).isEqualByComparingTo("-76.05");
    assertThat(json.at("/change/pre_to_post/cost_gbp").decimalValue()).isEqualByComparingTo("-1061005.00");
    assertThat(json.at("/windows/PRE/cost_gbp").decimalValue()).isEqualByComparingTo("1395109.00");
    assertThat(json.at("/windows/PRE/cost_per_offence_gbp").decimalValue()).isEqualByComparingTo("2522.80");
    assertThat(json.at("/windows/POST/cost_per_offence_gbp").decimalValue()).isEqualByComparingTo("2493.31");
    assertThat(new IdiomHtmlWriter().render(view))
        .contains("£1,395,109.00 before, £334,104.00 after: a 76% reduction (-76.05%, -£1,061,005.00)");
  }

  @Test
  void upliftScalesMoneyButNotThePercentage() {
    IdiomReport report = report("2024-25");
    // 1,395,109 * 100 / 74.5804 = 1,870,610.78 (factor 1.340835 in DOMAIN.md)
    assertThat(Rounding.pence(report.window(WindowKind.PRE).costGbp())).isEqualByComparingTo("1870610.78");
    assertThat(new BigDecimal("1395109").multiply(new BigDecimal("1.340835")))
        .isCloseTo(report.window(WindowKind.PRE).costGbp(), org.assertj.core.data.Offset.offset(new BigDecimal("1")));
    assertThat(Rounding.percent(report.preToPost().percent().orElseThrow())).isEqualByComparingTo("-76.05");
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
