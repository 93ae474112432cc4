package org.iom.correlator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.iom.ingest.model.Cohort;
import org.iom.ingest.model.CohortMembership;
import org.iom.ingest.model.ProvenOffence;
import org.junit.jupiter.api.Test;

/** Named edge cases of docs/idiom.md, one behaviour per test. */
class IdiomWindowRulesTest {
  private static final FinancialYear BASE = FinancialYear.parse("2015-16");
  private final IdiomCalculator calculator = new IdiomCalculator(ReferenceData.builtIn());

  private static LocalDate d(String text) {
    return LocalDate.parse(text);
  }

  private static ProvenOffence burglary(String id, String date) {
    return new ProvenOffence(id, d(date), "28E", null, null);
  }

  private IdiomReport run(List<CohortMembership> m, List<ProvenOffence> o, String asOf) {
    return calculator.compute(m, o, IdiomRequest.of(CohortScope.ALL, d(asOf), BASE));
  }

  @Test
  void calendarMonthsClampAtMonthEnd() {
    CohortMembership m = new CohortMembership("A", Cohort.FIXED, d("2024-08-31"), d("2024-08-31"));
    assertThat(DateWindow.pre(m).from()).isEqualTo(d("2024-02-29"));
    assertThat(DateWindow.during(m).to()).isEqualTo(d("2024-08-31")); // left the day they joined: empty
    assertThat(DateWindow.post(m).to()).isEqualTo(d("2025-02-28"));
  }

  @Test
  void postWindowEndingOnTheReportDateCountsAndOneDayEarlierIsProvisional() {
    CohortMembership m = new CohortMembership("A", Cohort.FIXED, d("2024-01-01"), d("2024-06-01"));
    List<ProvenOffence> o = List.of(burglary("A", "2024-11-30"), burglary("A", "2024-12-01"));
    IdiomReport ended = run(List.of(m), o, "2024-11-30"); // POST [2024-06-01, 2024-12-01): last day 30 Nov
    assertThat(ended.window(WindowKind.POST).offences()).isEqualTo(1);
    assertThat(ended.provisional()).isEmpty();
    IdiomReport early = run(List.of(m), o, "2024-11-29");
    assertThat(early.window(WindowKind.POST).offences()).isZero();
    assertThat(early.window(WindowKind.POST).memberships()).isZero();
    assertThat(early.provisional()).singleElement()
        .satisfies(p -> assertThat(p.reason()).isEqualTo("POST window runs to 2024-11-30, after the report date"));
    assertThat(early.preToPost().memberships()).isZero();
  }

  @Test
  void runningDuringWindowIsPartialAndCountsUpToTheReportDate() {
    CohortMembership m = new CohortMembership("A", Cohort.FLEX, d("2025-01-15"), null);
    List<ProvenOffence> o = List.of(burglary("A", "2025-03-01"), burglary("A", "2025-03-02"));
    IdiomReport r = run(List.of(m), o, "2025-03-01");
    assertThat(r.window(WindowKind.DURING).offences()).isEqualTo(1);
    assertThat(r.window(WindowKind.DURING).partialMemberships()).isEqualTo(1);
    assertThat(r.offencesAfterAsOf()).isEqualTo(1);
    assertThat(r.memberships().get(0).windows().get(WindowKind.DURING).status()).isEqualTo(WindowStatus.PARTIAL);
    assertThat(r.preToDuring().memberships()).isZero();
  }

  @Test
  void membershipWithoutLeftOnHasNoPostWindowAndSaysSo() {
    CohortMembership m = new CohortMembership("A", Cohort.FREE, d("2023-01-01"), null);
    IdiomReport r = run(List.of(m), List.of(burglary("A", "2024-01-01")), "2025-01-01");
    IdiomReport.MembershipWindow post = r.memberships().get(0).windows().get(WindowKind.POST);
    assertThat(post.status()).isEqualTo(WindowStatus.NONE);
    assertThat(post.note()).isEqualTo("no left_on: still on the scheme, so no POST window");
    assertThat(r.window(WindowKind.POST).withoutWindow()).isEqualTo(1);
    assertThat(ReportNotes.of(ReportView.full(r))).anyMatch(n -> n.contains("have no left_on"));
  }

  @Test
  void rejoinerOffenceInTwoMembershipsWindowsCountsInEachAndIsListed() {
    CohortMembership first = new CohortMembership("A", Cohort.FIXED, d("2023-01-01"), d("2023-03-01"));
    CohortMembership second = new CohortMembership("A", Cohort.FLEX, d("2023-07-01"), d("2023-12-01"));
    IdiomReport r = run(List.of(second, first), List.of(burglary("A", "2023-05-10")), "2025-01-01");
    assertThat(r.window(WindowKind.POST).offences()).isEqualTo(1); // POST of the first
    assertThat(r.window(WindowKind.PRE).offences()).isEqualTo(1); // PRE of the second
    assertThat(r.cohortOffenders()).isEqualTo(1);
    assertThat(r.cohortMemberships()).isEqualTo(2);
    assertThat(r.overlaps()).singleElement().satisfies(o -> assertThat(o.windows())
        .containsExactly("POST of FIXED joined 2023-01-01", "PRE of FLEX joined 2023-07-01"));
    assertThat(r.memberships()).extracting(row -> row.membership().joinedOn())
        .containsExactly(d("2023-01-01"), d("2023-07-01"));
  }

  @Test
  void cohortFilterAndSmallCohortFlag() {
    CohortMembership fixed = new CohortMembership("A", Cohort.FIXED, d("2023-01-01"), null);
    CohortMembership flex = new CohortMembership("B", Cohort.FLEX, d("2023-01-01"), null);
    IdiomReport r = calculator.compute(List.of(fixed, flex), List.of(),
        IdiomRequest.of(CohortScope.FLEX, d("2024-01-01"), BASE));
    assertThat(r.cohortOffenders()).isEqualTo(1);
    assertThat(r.smallCohort()).isTrue();
  }

  @Test
  void uncostedOffencesAreCountedWithAReasonNeverSilentlyZero() {
    CohortMembership m = new CohortMembership("A", Cohort.FIXED, d("2023-07-01"), null);
    List<ProvenOffence> o = List.of(new ProvenOffence("A", d("2023-02-01"), "46", null, null),
        new ProvenOffence("A", d("2023-02-02"), "ZZ9", null, null), burglary("A", "2023-02-03"));
    IdiomReport.WindowSummary pre = run(List.of(m), o, "2024-01-01").window(WindowKind.PRE);
    assertThat(pre.offences()).isEqualTo(3);
    assertThat(pre.uncostedOffences()).isEqualTo(2);
    assertThat(pre.costGbp()).isEqualByComparingTo("5930");
    assertThat(pre.uncostedByCode().get("46").reason()).isEqualTo("no cost category in the offence map");
    assertThat(pre.uncostedByCode().get("ZZ9").reason()).isEqualTo("offence code not in the offence map");
  }

  @Test
  void conflictingDuplicateMembershipIsAnError() {
    CohortMembership a = new CohortMembership("A", Cohort.FIXED, d("2023-01-01"), null);
    CohortMembership b = new CohortMembership("A", Cohort.FIXED, d("2023-01-01"), d("2023-05-01"));
    assertThatThrownBy(() -> run(List.of(a, b), List.of(), "2024-01-01"))
        .hasMessageContaining("offender A has two FIXED memberships joined on 2023-01-01");
  }
}
