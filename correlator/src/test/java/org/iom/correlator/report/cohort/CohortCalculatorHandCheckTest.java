package org.iom.correlator.report.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iom.correlator.report.cohort.CohortSample.t;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.iom.correlator.alert.AlertKind;
import org.iom.correlator.match.MatchKind;
import org.iom.correlator.report.CohortScope;
import org.iom.correlator.report.cohort.CohortReport.OffenderRow;
import org.iom.ingest.model.Cohort;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.TagAssignment;
import org.junit.jupiter.api.Test;

/** Every figure of {@link CohortSample} worked out by hand (comments give the arithmetic). */
class CohortCalculatorHandCheckTest {
  private static final long HOUR = 3_600_000L;
  private final CohortReport report = new CohortCalculator()
      .compute(CohortSample.request(CohortScope.FIXED), CohortSample.inputs(), CohortSample.fixes());

  @Test
  void peopleOnTheSchemeAndTagDays() {
    // FIXED memberships overlapping [1 Mar, 8 Mar): A, B (3-4 Mar), G (from 2 Mar, once), H.
    // D left on 1 Mar, E joins on 8 Mar, F left the day it joined, C is FLEX.
    assertThat(report.people().onScheme()).isEqualTo(4);
    assertThat(report.people().memberships()).isEqualTo(4);
    assertThat(report.people().byCohort()).isEqualTo(Map.of(Cohort.FIXED, 4));
    // Tagged while on the scheme: A (T1), B (T2 from 4 Mar 12:00), H (T4 from 6 Mar); G has no tag.
    assertThat(report.people().tagged()).isEqualTo(3);
    assertThat(report.people().tagAssignments()).isEqualTo(3);
    // A 7 x 24 h = 168 h; B 4 Mar 12:00 to 5 Mar 00:00 (left) = 12 h; H 6 Mar to 8 Mar = 48 h; 228 h = 9.5 days
    assertThat(report.people().taggedMs()).isEqualTo(228 * HOUR);
    assertThat(report.people().tagDays()).isEqualByComparingTo("9.5");
  }

  @Test
  void completenessWithAKnownGapAndSilentEdges() {
    OffenderRow a = row("A");
    // every minute of the week (10,080) except 10:01..11:59 on 2 March (119)
    assertThat(a.received()).isEqualTo(10_080 - 119);
    assertThat(a.expected()).isEqualByComparingTo("10080");
    assertThat(a.gaps()).isEqualTo(1);
    assertThat(a.gapMs()).isEqualTo(2 * HOUR);
    assertThat(a.silentMs()).isZero();

    OffenderRow b = row("B");
    // 12:00..18:00 on 4 March = 361 fixes (the 11:00 fix predates the fitting); expected 12 h x 60 = 720
    assertThat(b.received()).isEqualTo(361);
    assertThat(b.expected()).isEqualByComparingTo("720");
    // 18:00 to the next fix at 06:00 on 5 March is a 12 h gap; only 18:00-24:00 is on the scheme
    assertThat(b.gaps()).isEqualTo(1);
    assertThat(b.gapMs()).isEqualTo(6 * HOUR);
    assertThat(b.silentMs()).isZero();

    OffenderRow h = row("H");
    // 01:00 on 6 March to 00:00 on 7 March inclusive: 23 x 60 + 1 (a re-sent fix counts once)
    assertThat(h.received()).isEqualTo(1381);
    assertThat(h.expected()).isEqualByComparingTo("2880");
    // no fix before the first (1 h) nor after the last (24 h): silent edges, not gaps
    assertThat(h.gaps()).isZero();
    assertThat(h.silentMs()).isEqualTo(25 * HOUR);

    var c = report.completeness();
    assertThat(c.received()).isEqualTo(9961 + 361 + 1381);
    assertThat(c.expected()).isEqualByComparingTo("13680"); // 228 h x 60
    assertThat(c.percent().orElseThrow()).isEqualByComparingTo(
        new BigDecimal("1170300").divide(new BigDecimal("13680"), CohortReport.PRECISION));
    assertThat(CohortFigures.twoDp(c.percent().orElseThrow())).isEqualByComparingTo("85.55");
    assertThat(c.gaps()).isEqualTo(2);
    assertThat(c.gapMs()).isEqualTo(8 * HOUR);
    assertThat(c.silentMs()).isEqualTo(25 * HOUR);
    // A 98.82%, B 50.14%, H 47.95%
    assertThat(c.bands()).containsEntry(CompletenessBand.FROM_95, 1).containsEntry(CompletenessBand.FROM_80_TO_95, 0)
        .containsEntry(CompletenessBand.FROM_50_TO_80, 1).containsEntry(CompletenessBand.UNDER_50, 1);
    assertThat(row("G").percent()).isEmpty();
  }

  @Test
  void crimesAndMatchesByKind() {
    // K1, K2 inside; K3 ends the instant the period starts (closed span); K4 starts when it ends; K5 before
    assertThat(report.crimes().crossReferenced()).isEqualTo(3);
    // counted: K1-A PRESENT, K2-B PRESENT, K3-A GAP, K2-G GAP; not K1-B (B joined 3 Mar), K2-C (FLEX), K4-A
    assertThat(report.crimes().matchesByKind()).isEqualTo(Map.of(MatchKind.PRESENT, 2, MatchKind.GAP, 2));
    assertThat(report.crimes().matches()).isEqualTo(4);
    assertThat(report.crimes().withMatches()).isEqualTo(3);
    assertThat(report.crimes().offendersMatched()).isEqualTo(3);
    assertThat(row("A").matchesPresent()).isEqualTo(1);
    assertThat(row("A").matchesGap()).isEqualTo(1);
  }

  @Test
  void alertsByOutcomeAndLicenceAlertsByKind() {
    var crime = report.alerts().crime();
    // alerts 1-4 count (like their matches); 5 (B before joining) and 7 (K4) do not; 6 is withdrawn
    assertThat(crime.total()).isEqualTo(4);
    assertThat(crime.byOutcome()).isEqualTo(Map.of(AlertOutcome.POSITIVE_LINE_OF_ENQUIRY, 1,
        AlertOutcome.ELIMINATED, 1, AlertOutcome.NO_FURTHER_ACTION, 0, AlertOutcome.STILL_OPEN, 2));
    assertThat(crime.newAlerts()).isEqualTo(1);
    assertThat(crime.acknowledged()).isEqualTo(1);
    assertThat(crime.withdrawn()).isEqualTo(1);
    // licence: 8 (A, zone) and 10 (H, silent) count; 9 (B after leaving) and 11 (FLEX) do not
    var licence = report.alerts().licence();
    assertThat(licence.total()).isEqualTo(2);
    assertThat(licence.byOutcome()).containsEntry(AlertOutcome.STILL_OPEN, 1)
        .containsEntry(AlertOutcome.NO_FURTHER_ACTION, 1);
    assertThat(report.alerts().licenceByKind()).isEqualTo(Map.of(AlertKind.ZONE_EXCLUSION, 1,
        AlertKind.CURFEW_BREACH, 0, AlertKind.CURFEW_NO_DATA, 0, AlertKind.TAG_SILENT, 1));
    assertThat(row("A").positiveLines()).isEqualTo(1);
    assertThat(row("A").crimeAlerts()).isEqualTo(2);
  }

  @Test
  void caseloadPerManager() {
    // A and B with m1, G with m2, H without a manager; C (m3) is not on the scheme
    assertThat(report.caseload().byManager()).isEqualTo(Map.of("m1", 2, "m2", 1));
    assertThat(report.caseload().unassigned()).isEqualTo(1);
    assertThat(report.caseload().withoutOffenderRecord()).isZero();
  }

  @Test
  void allCohortsAddTheFlexOffender() {
    CohortReport all = new CohortCalculator()
        .compute(CohortSample.request(CohortScope.ALL), CohortSample.inputs(), CohortSample.fixes());
    assertThat(all.people().onScheme()).isEqualTo(5);
    assertThat(all.people().byCohort()).isEqualTo(Map.of(Cohort.FIXED, 4, Cohort.FLEX, 1));
    // C: T3 all week (168 h), 61 fixes on 2 March 00:00-01:00, silent 24 h before and 143 h after
    OffenderRow c = all.offenders().stream().filter(o -> o.offenderId().equals("C")).findFirst().orElseThrow();
    assertThat(c.received()).isEqualTo(61);
    assertThat(c.silentMs()).isEqualTo(167 * HOUR);
    assertThat(all.crimes().matchesByKind()).containsEntry(MatchKind.PRESENT, 3);
  }

  @Test
  void londonDaysAcrossTheClockChange() {
    // March 2025: clocks go forward on 30 March, so the period is 743 hours, ending at 23:00 UTC on 31 March
    CohortRequest march = CohortRequest.of(CohortScope.FIXED, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 1),
        t("2025-05-01T00:00:00Z"));
    assertThat(march.periodStart()).isEqualTo(t("2025-03-01T00:00:00Z"));
    assertThat(march.periodEnd()).isEqualTo(t("2025-03-31T23:00:00Z"));
    CohortReport r = new CohortCalculator().compute(march,
        new CohortInputs(List.of(CohortSample.m("A", Cohort.FIXED, "2025-01-01", null)), List.of(),
            List.of(new TagAssignment("A", "T1", t("2025-01-01T00:00:00Z"), null)), List.of(), List.of(), List.of(),
            true), List.of());
    assertThat(r.people().taggedMs()).isEqualTo(743 * HOUR);
    // no fix at all in the assignment: the whole time is silent, not a gap
    assertThat(r.completeness().silentMs()).isEqualTo(743 * HOUR);
    assertThat(r.completeness().gaps()).isZero();
  }

  @Test
  void timeMeasuresStopWhenTheReportIsMade() {
    CohortRequest running = CohortRequest.of(CohortScope.FIXED, CohortSample.FROM, CohortSample.TO,
        t("2025-03-03T00:00:00Z"));
    CohortReport r = new CohortCalculator().compute(running, CohortSample.inputs(), CohortSample.fixes());
    assertThat(running.periodRunning()).isTrue();
    // only A is tagged by 3 March: 48 h
    assertThat(r.people().taggedMs()).isEqualTo(48 * HOUR);
    assertThat(r.people().onScheme()).isEqualTo(4);
  }

  @Test
  void gapExactlyMaxGapIsNoGapAndOneMillisecondMoreIs() {
    CohortRequest q = new CohortRequest(CohortScope.FIXED, CohortSample.FROM, CohortSample.TO, CohortSample.GENERATED,
        Duration.ofSeconds(60), Duration.ofMinutes(10));
    CohortInputs in = new CohortInputs(List.of(CohortSample.m("A", Cohort.FIXED, "2025-01-01", null)), List.of(),
        List.of(new TagAssignment("A", "T1", t("2025-03-01T00:00:00Z"), t("2025-03-01T01:00:00Z"))), List.of(),
        List.of(), List.of(), true);
    List<Fix> fixes = List.of(Fix.of("T1", t("2025-03-01T00:00:00Z"), CohortSample.HERE),
        Fix.of("T1", t("2025-03-01T00:10:00Z"), CohortSample.HERE),
        Fix.of("T1", t("2025-03-01T00:20:00.001Z"), CohortSample.HERE),
        Fix.of("T1", t("2025-03-01T00:55:00Z"), CohortSample.HERE));
    CohortReport r = new CohortCalculator().compute(q, in, fixes);
    assertThat(r.completeness().gaps()).isEqualTo(2); // 00:10 -> 00:20.001 and 00:20.001 -> 00:55
    assertThat(r.completeness().gapMs()).isEqualTo(10 * 60_000L + 1 + 35 * 60_000L - 1);
    assertThat(r.completeness().silentMs()).isZero(); // 00:55 -> 01:00 is 5 min, under the max gap
  }

  @Test
  void aFeedOutOfTimeOrderIsRefused() {
    Coverage coverage = Coverage.of(CohortSample.request(CohortScope.FIXED), CohortSample.memberships(),
        CohortSample.assignments());
    FixTally tally = new FixTally(coverage, Duration.ofMinutes(10));
    tally.accept(Fix.of("T1", t("2025-03-02T00:00:00Z"), CohortSample.HERE));
    assertThatThrownBy(() -> tally.accept(Fix.of("T1", t("2025-03-01T00:00:00Z"), CohortSample.HERE)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("T1");
  }

  private OffenderRow row(String id) {
    return report.offenders().stream().filter(o -> o.offenderId().equals(id)).findFirst().orElseThrow();
  }
}
