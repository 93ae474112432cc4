package org.iom.correlator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.iom.ingest.model.Cohort;
import org.iom.ingest.model.CohortMembership;
import org.iom.ingest.model.ProvenOffence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated cohorts (rejoiners, open memberships, memberships joining after the report date) with
 * offences on both sides of every window boundary, legacy and current codes, uncosted and
 * unmapped codes, duplicates and offences after the report date. The expected figures are
 * recomputed here from DOMAIN.md's rules and unit costs, without calling report code.
 */
class IdiomCalculatorHandCheckTest {
  private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
  /** DOMAIN.md unit costs, 2015-16 prices, by code; null = uncosted or unmapped. */
  private static final Map<String, BigDecimal> COST = new HashMap<>();
  private static final List<String> CODES =
      List.of("28A", "28E", "29", "29A", "34B", "34A", "48", "37.2", "45", "39", "56A", "58D", "46", "44", "30A", "99Z");

  static {
    for (String c : List.of("28A", "28E", "29", "29A")) COST.put(c, new BigDecimal("5930"));
    COST.put("34B", new BigDecimal("11320"));
    COST.put("48", new BigDecimal("10290"));
    COST.put("37.2", new BigDecimal("10290"));
    COST.put("45", new BigDecimal("870"));
    COST.put("39", new BigDecimal("1380"));
    COST.put("56A", new BigDecimal("8420"));
    COST.put("58D", new BigDecimal("1350"));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void totalsMatchAHandRecomputation(long seed) {
    Random random = new Random(seed);
    List<CohortMembership> memberships = new ArrayList<>();
    List<ProvenOffence> offences = new ArrayList<>();
    generate(random, memberships, offences);

    for (CohortScope scope : CohortScope.values()) {
      for (String year : List.of("2015-16", "2024-25")) {
        FinancialYear priceYear = FinancialYear.parse(year);
        IdiomReport report = new IdiomCalculator(ReferenceData.builtIn())
            .compute(memberships, offences, IdiomRequest.of(scope, AS_OF, priceYear));
        Expected e = expected(memberships, offences, scope);
        // factor D(target)/D(base) from DOMAIN.md's index values
        BigDecimal factorNumerator = year.equals("2015-16") ? new BigDecimal("74.5804") : new BigDecimal("100.0");
        for (WindowKind k : WindowKind.values()) {
          IdiomReport.WindowSummary w = report.window(k);
          Bucket b = e.windows.get(k);
          assertThat(w.offences()).as("%s %s offences", scope, k).isEqualTo(b.offences);
          assertThat(w.uncostedOffences()).as("%s %s uncosted", scope, k).isEqualTo(b.uncosted);
          assertThat(w.memberships()).as("%s %s memberships", scope, k).isEqualTo(b.memberships);
          assertThat(w.offenders()).as("%s %s offenders", scope, k).isEqualTo(b.offenders.size());
          assertThat(w.costGbp()).as("%s %s cost", scope, k)
              .isEqualByComparingTo(uplift(b.base, factorNumerator));
        }
        assertThat(report.preToPost().memberships()).isEqualTo(e.comparedPost);
        assertThat(report.preToPost().fromCostGbp()).isEqualByComparingTo(uplift(e.comparedPre, factorNumerator));
        assertThat(report.preToPost().toCostGbp()).isEqualByComparingTo(uplift(e.comparedPostCost, factorNumerator));
        if (e.comparedPre.signum() != 0) {
          BigDecimal percent = e.comparedPostCost.subtract(e.comparedPre).multiply(BigDecimal.valueOf(100))
              .divide(e.comparedPre, MathContext.DECIMAL128);
          assertThat(report.preToPost().percent().orElseThrow().setScale(10, RoundingMode.HALF_UP))
              .isEqualByComparingTo(percent.setScale(10, RoundingMode.HALF_UP));
        }
        assertThat(report.window(WindowKind.POST).provisionalMemberships()).isEqualTo(e.provisional);
        assertThat(report.provisional()).hasSize(e.provisional);
        assertThat(report.window(WindowKind.DURING).partialMemberships()).isEqualTo(e.partial);
        assertThat(report.excluded()).hasSize(e.excluded);
        if (scope == CohortScope.ALL) {
          coverage.provisional |= e.provisional > 0;
          coverage.partial |= e.partial > 0;
          coverage.excluded |= e.excluded > 0;
          coverage.overlaps |= !report.overlaps().isEmpty();
          coverage.uncosted |= report.window(WindowKind.POST).uncostedOffences() > 0;
          coverage.duplicates |= report.duplicateOffences() > 0;
        }
      }
    }
  }

  /** The generated data must exercise every case this test claims to check. */
  @AfterAll
  static void generatedDataCoveredEveryCase() {
    assertThat(coverage.provisional).as("a provisional POST window").isTrue();
    assertThat(coverage.partial).as("a partial DURING window").isTrue();
    assertThat(coverage.excluded).as("a membership joining after the report date").isTrue();
    assertThat(coverage.overlaps).as("a rejoiner with overlapping windows").isTrue();
    assertThat(coverage.uncosted).as("uncosted offences in POST").isTrue();
    assertThat(coverage.duplicates).as("duplicate offence records").isTrue();
  }

  private static final class Coverage {
    boolean provisional;
    boolean partial;
    boolean excluded;
    boolean overlaps;
    boolean uncosted;
    boolean duplicates;
  }

  private static final Coverage coverage = new Coverage();

  /** Base (2015-16) money uplifted: base * D(target) / 74.5804. */
  private static BigDecimal uplift(BigDecimal base, BigDecimal target) {
    return base.multiply(target).divide(new BigDecimal("74.5804"), MathContext.DECIMAL128);
  }

  private static void generate(Random random, List<CohortMembership> memberships, List<ProvenOffence> offences) {
    LocalDate first = LocalDate.of(2022, 1, 1);
    for (int i = 0; i < 40; i++) {
      String id = "OFF-" + i;
      // up to Aug 2025: some join after AS_OF; offender 0 has a POST window ending on 28 Feb
      LocalDate joined = i == 0 ? LocalDate.of(2024, 3, 1) : first.plusDays(random.nextInt(1310));
      int spells = random.nextInt(10) < 3 ? 2 : 1;
      for (int s = 0; s < spells; s++) {
        Cohort cohort = Cohort.values()[random.nextInt(3)];
        LocalDate left = random.nextInt(100) < 15 ? null : joined.plusDays(random.nextInt(400));
        if (i == 0 && s == 0) left = LocalDate.of(2024, 8, 31); // POST ends 2025-02-28
        CohortMembership m = new CohortMembership(id, cohort, joined, left);
        memberships.add(m);
        if (random.nextBoolean()) memberships.add(m); // identical re-sent row
        // both sides of every boundary, computed here independently of DateWindow
        List<LocalDate> edges = new ArrayList<>(List.of(joined.minusMonths(6), joined, joined.plusMonths(6)));
        if (left != null) edges.addAll(List.of(left, left.plusMonths(6)));
        for (LocalDate edge : edges) {
          offences.add(offence(random, id, edge.minusDays(1)));
          offences.add(offence(random, id, edge));
        }
        for (int k = 0; k < 6; k++) offences.add(offence(random, id, joined.plusDays(random.nextInt(900) - 300)));
        if (left == null || s == spells - 1) break;
        joined = left.plusDays(30 + random.nextInt(300)); // rejoin: may overlap the first POST window
      }
      if (random.nextInt(4) == 0) offences.add(offences.get(offences.size() - 1)); // duplicate offence
    }
    offences.add(new ProvenOffence("OFF-1", AS_OF.plusDays(1), "28E", null, null)); // after the report date
  }

  private static ProvenOffence offence(Random random, String id, LocalDate date) {
    String code = CODES.get(random.nextInt(CODES.size()));
    if (random.nextInt(5) == 0) code = code.toLowerCase(); // codes compare case-insensitively
    return new ProvenOffence(id, date, code, null, null);
  }

  private static final class Bucket {
    int offences;
    int uncosted;
    int memberships;
    Set<String> offenders = new LinkedHashSet<>();
    BigDecimal base = BigDecimal.ZERO;
  }

  private static final class Expected {
    Map<WindowKind, Bucket> windows = new HashMap<>();
    int comparedPost;
    BigDecimal comparedPre = BigDecimal.ZERO;
    BigDecimal comparedPostCost = BigDecimal.ZERO;
    int provisional;
    int partial;
    int excluded;
  }

  private static Expected expected(List<CohortMembership> all, List<ProvenOffence> allOffences, CohortScope scope) {
    Expected e = new Expected();
    for (WindowKind k : WindowKind.values()) e.windows.put(k, new Bucket());
    Set<CohortMembership> memberships = new LinkedHashSet<>(all);
    Set<ProvenOffence> offences = new LinkedHashSet<>(allOffences);
    for (CohortMembership m : memberships) {
      if (scope != CohortScope.ALL && !scope.name().equals(m.cohort().name())) continue;
      if (m.joinedOn().isAfter(AS_OF)) {
        e.excluded++;
        continue;
      }
      LocalDate j = m.joinedOn();
      LocalDate l = m.leftOn();
      LocalDate duringEnd = l != null && l.isBefore(j.plusMonths(6)) ? l : j.plusMonths(6);
      boolean postCounted = l != null && !l.plusMonths(6).isAfter(AS_OF.plusDays(1));
      if (l != null && !postCounted) e.provisional++;
      if (duringEnd.isAfter(AS_OF.plusDays(1))) e.partial++;
      e.windows.get(WindowKind.PRE).memberships++;
      e.windows.get(WindowKind.PRE).offenders.add(m.offenderId());
      e.windows.get(WindowKind.DURING).memberships++;
      e.windows.get(WindowKind.DURING).offenders.add(m.offenderId());
      if (postCounted) {
        e.windows.get(WindowKind.POST).memberships++;
        e.windows.get(WindowKind.POST).offenders.add(m.offenderId());
        e.comparedPost++;
      }
      for (ProvenOffence o : offences) {
        if (!o.offenderId().equals(m.offenderId()) || o.offenceDate().isAfter(AS_OF)) continue;
        LocalDate d = o.offenceDate();
        BigDecimal cost = COST.get(o.offenceCode().toUpperCase());
        if (!d.isBefore(j.minusMonths(6)) && d.isBefore(j)) {
          add(e.windows.get(WindowKind.PRE), cost);
          if (postCounted && cost != null) e.comparedPre = e.comparedPre.add(cost);
        }
        if (!d.isBefore(j) && d.isBefore(duringEnd)) add(e.windows.get(WindowKind.DURING), cost);
        if (postCounted && !d.isBefore(l) && d.isBefore(l.plusMonths(6))) {
          add(e.windows.get(WindowKind.POST), cost);
          if (cost != null) e.comparedPostCost = e.comparedPostCost.add(cost);
        }
      }
    }
    return e;
  }

  private static void add(Bucket b, BigDecimal cost) {
    b.offences++;
    if (cost == null) b.uncosted++;
    else b.base = b.base.add(cost);
  }
}
