package org.iom.correlator.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.iom.correlator.index.Scenario.crime;
import static org.iom.correlator.index.Scenario.t;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.iom.correlator.match.Match;
import org.iom.correlator.match.MatchKind;
import org.iom.correlator.match.MatchRule;
import org.iom.ingest.model.Crime;
import org.junit.jupiter.api.Test;

/** SPEC.md's matching rule, case by case, checked on the index matcher and on the brute-force oracle. */
class MatchingRuleTest {
  private static final MatchRule RULE = MatchRule.defaults();
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private static void expect(Scenario s, MatchRule rule, Crime crime, Consumer<List<Match>> check) {
    for (Scenario.Named m : s.matchers(rule)) {
      List<Match> matches = m.matcher().match(crime);
      try {
        check.accept(matches);
      } catch (AssertionError e) {
        throw new AssertionError(m.name() + " matcher: " + e.getMessage() + "\nmatches: " + matches, e);
      }
    }
  }

  private static Scenario tagOfOneOffender() {
    return new Scenario().assign("O1", "T1", "2025-01-01T00:00:00Z", null);
  }

  @Test
  void walkPastTheCrimeGivesClosestApproachTimeAndFixesWithin() {
    // 1 m/s along y=0 from x=-300 at 10:00 to x=300 at 10:10; crime 30 m off the line at x=0.
    Scenario s = tagOfOneOffender().walk("T1", t("2025-06-01T10:00:00Z"), MINUTE, 11, -300, 0, 60, 0);
    expect(s, RULE, crime("C1", "2025-06-01T10:05:00Z", null, 0, 30), ms -> {
      assertThat(ms).hasSize(1);
      Match m = ms.get(0);
      assertThat(m.kind()).isEqualTo(MatchKind.PRESENT);
      assertThat(m.offenderId()).isEqualTo("O1");
      assertThat(m.tagId()).isEqualTo("T1");
      assertThat(m.closestM()).isCloseTo(30, within(1e-9));
      assertThat(m.closestAt()).isEqualTo(t("2025-06-01T10:05:00Z"));
      // inside for the chord 2*sqrt(100^2 - 30^2) m at 1 m/s
      assertThat(m.minutesWithin()).isCloseTo(2 * Math.sqrt(100 * 100 - 30 * 30) / 60, within(1e-6));
      assertThat(m.fixesWithin()).isEqualTo(3);
      assertThat(m.gapMinutes()).isZero();
      assertThat(m.windowFrom()).isEqualTo(t("2025-06-01T09:35:00Z"));
    });
  }

  @Test
  void fixesExactlyMaxGapApartFormASegment() {
    Scenario s = tagOfOneOffender().fix("T1", "2025-06-01T10:00:00Z", -300, 0).fix("T1", "2025-06-01T10:10:00Z", 300, 0);
    expect(s, RULE.withBuffer(Duration.ZERO), crime("C1", "2025-06-01T10:05:00Z", null, 0, 0), ms -> {
      assertThat(ms).singleElement().satisfies(m -> {
        assertThat(m.kind()).isEqualTo(MatchKind.PRESENT);
        assertThat(m.closestM()).isCloseTo(0, within(1e-9));
        assertThat(m.closestAt()).isEqualTo(t("2025-06-01T10:05:00Z"));
        assertThat(m.minutesWithin()).isZero(); // zero-length window
        assertThat(m.fixesWithin()).isZero();
      });
    });
  }

  @Test
  void oneMillisecondMoreThanMaxGapIsAGap() {
    Scenario s = tagOfOneOffender().fix("T1", "2025-06-01T10:00:00Z", -300, 0).fix("T1", "2025-06-01T10:10:00.001Z", 300, 0);
    expect(s, RULE, crime("C1", "2025-06-01T10:05:00Z", null, 0, 0), ms -> {
      assertThat(ms).singleElement().satisfies(m -> {
        assertThat(m.kind()).isEqualTo(MatchKind.GAP);
        assertThat(m.closestM()).isCloseTo(300, within(1e-9));
        assertThat(m.closestAt()).isEqualTo(t("2025-06-01T10:00:00Z")); // both edges 300 m: earliest
        assertThat(m.minutesWithin()).isZero();
        assertThat(m.fixesWithin()).isZero();
        assertThat(m.gapMinutes()).isCloseTo(10 + 1 / 60_000.0, within(1e-9));
      });
    });
  }

  @Test
  void fittedAtIsInclusiveAndRemovedAtExclusive() {
    // The tag passes from O1 to O2 at 10:00; the fix at exactly 10:00 is O2's.
    Scenario s = new Scenario()
        .assign("O1", "T1", "2025-06-01T09:00:00Z", "2025-06-01T10:00:00Z")
        .assign("O2", "T1", "2025-06-01T10:00:00Z", null)
        .fix("T1", "2025-06-01T09:59:00Z", 0, 500)
        .fix("T1", "2025-06-01T10:00:00Z", 0, 0);
    expect(s, RULE.withBuffer(Duration.ZERO), crime("C1", "2025-06-01T10:00:00Z", null, 0, 0), ms -> {
      assertThat(ms).singleElement().satisfies(m -> {
        assertThat(m.offenderId()).isEqualTo("O2");
        assertThat(m.kind()).isEqualTo(MatchKind.PRESENT);
        assertThat(m.fixesWithin()).isEqualTo(1);
      });
    });
  }

  @Test
  void segmentsNeverCrossAnAssignmentBoundary() {
    // The straight line from 09:59 to 10:01 passes over the crime, but the two fixes are different offenders'.
    Scenario s = new Scenario()
        .assign("O1", "T1", "2025-06-01T09:00:00Z", "2025-06-01T10:00:00Z")
        .assign("O2", "T1", "2025-06-01T10:00:00Z", null)
        .fix("T1", "2025-06-01T09:59:00Z", -300, 0)
        .fix("T1", "2025-06-01T10:01:00Z", 300, 0);
    expect(s, RULE, crime("C1", "2025-06-01T10:00:00Z", null, 0, 0), ms -> assertThat(ms).isEmpty());
  }

  @Test
  void fixesOutsideEveryAssignmentAreNobodys() {
    Scenario s = new Scenario()
        .assign("O1", "T1", "2025-06-01T11:00:00Z", null)
        .walk("T1", t("2025-06-01T09:50:00Z"), MINUTE, 20, 0, 0, 0, 0);
    expect(s, RULE, crime("C1", "2025-06-01T10:00:00Z", null, 0, 0), ms -> assertThat(ms).isEmpty());
  }

  @Test
  void isolatedFixIsAPositionAtItsInstant() {
    Scenario s = tagOfOneOffender()
        .fix("T1", "2025-06-01T09:30:00Z", 5_000, 0)
        .fix("T1", "2025-06-01T10:00:00Z", 0, 50)
        .fix("T1", "2025-06-01T10:30:00Z", 5_000, 0);
    expect(s, RULE.withBuffer(Duration.ofMinutes(5)), crime("C1", "2025-06-01T10:00:00Z", null, 0, 0), ms -> {
      assertThat(ms).singleElement().satisfies(m -> {
        assertThat(m.kind()).isEqualTo(MatchKind.PRESENT);
        assertThat(m.closestM()).isEqualTo(50.0);
        assertThat(m.closestAt()).isEqualTo(t("2025-06-01T10:00:00Z"));
        assertThat(m.minutesWithin()).isZero();
        assertThat(m.fixesWithin()).isEqualTo(1);
        assertThat(m.gapMinutes()).isEqualTo(10.0);
      });
    });
  }

  @Test
  void minutesAreRealUtcMinutesAcrossTheClockChange() {
    // Stationary 10 m from the crime, a fix a minute, 00:00Z-02:00Z on the day UK clocks go forward at 01:00Z.
    Scenario s = tagOfOneOffender().walk("T1", t("2025-03-30T00:00:00Z"), MINUTE, 121, 10, 0, 0, 0);
    expect(s, RULE, crime("C1", "2025-03-30T01:00:00Z", null, 0, 0), ms -> {
      assertThat(ms).singleElement().satisfies(m -> {
        assertThat(m.minutesWithin()).isCloseTo(60.0, within(1e-9));
        assertThat(m.fixesWithin()).isEqualTo(61);
        assertThat(m.closestM()).isEqualTo(10.0);
        assertThat(m.closestAt()).isEqualTo(t("2025-03-30T00:30:00Z")); // ties: earliest
      });
    });
  }

  @Test
  void windowIsClosedAtBothEnds() {
    Scenario s = tagOfOneOffender()
        .fix("T1", "2025-06-01T09:00:00Z", 0, 0)
        .fix("T1", "2025-06-01T09:30:00Z", 0, 0)
        .fix("T1", "2025-06-01T10:30:00Z", 0, 0)
        .fix("T1", "2025-06-01T10:30:00.001Z", 0, 0);
    expect(s, RULE, crime("C1", "2025-06-01T10:00:00Z", null, 0, 0), ms -> {
      assertThat(ms).singleElement().satisfies(m -> {
        assertThat(m.fixesWithin()).isEqualTo(2);
        assertThat(m.closestAt()).isEqualTo(t("2025-06-01T09:30:00Z"));
        assertThat(m.gapMinutes()).isEqualTo(60.0);
      });
    });
  }

  @Test
  void zeroLengthWindowInsideAGapIsAGapMatchWithNoGapMinutes() {
    Scenario s = tagOfOneOffender().fix("T1", "2025-06-01T10:00:00Z", 0, 200).fix("T1", "2025-06-01T12:00:00Z", 0, 400);
    expect(s, RULE.withBuffer(Duration.ZERO), crime("C1", "2025-06-01T11:00:00Z", null, 0, 0), ms -> {
      assertThat(ms).singleElement().satisfies(m -> {
        assertThat(m.kind()).isEqualTo(MatchKind.GAP);
        assertThat(m.closestM()).isEqualTo(200.0);
        assertThat(m.closestAt()).isEqualTo(t("2025-06-01T10:00:00Z"));
        assertThat(m.gapMinutes()).isZero();
      });
    });
  }

  @Test
  void gapEndingExactlyAtTheWindowStartDoesNotOverlapIt() {
    Scenario s = tagOfOneOffender().fix("T1", "2025-06-01T10:00:00Z", 0, 200).fix("T1", "2025-06-01T10:30:00Z", 0, 200);
    MatchRule rule = RULE.withBuffer(Duration.ofMinutes(15));
    expect(s, rule, crime("C1", "2025-06-01T10:45:00Z", null, 0, 0), ms -> assertThat(ms).isEmpty());
    expect(s, rule.withBuffer(Duration.ofMinutes(15).plusMillis(1)), crime("C1", "2025-06-01T10:45:00Z", null, 0, 0),
        ms -> assertThat(ms).singleElement().satisfies(m -> {
          assertThat(m.kind()).isEqualTo(MatchKind.GAP);
          assertThat(m.gapMinutes()).isCloseTo(1 / 60_000.0, within(1e-12));
        }));
  }

  @Test
  void windowInsideAGapOfManyHoursFindsTheFarEdges() {
    Scenario s = tagOfOneOffender()
        .fix("T1", "2025-06-01T03:00:00Z", 500, 0)
        .fix("T1", "2025-06-01T15:00:00Z", 0, 900);
    expect(s, RULE, crime("C1", "2025-06-01T09:00:00Z", null, 0, 0), ms -> {
      assertThat(ms).singleElement().satisfies(m -> {
        assertThat(m.kind()).isEqualTo(MatchKind.GAP);
        assertThat(m.closestM()).isEqualTo(500.0);
        assertThat(m.closestAt()).isEqualTo(t("2025-06-01T03:00:00Z"));
        assertThat(m.gapMinutes()).isEqualTo(60.0);
      });
    });
    Scenario far = tagOfOneOffender()
        .fix("T1", "2025-06-01T03:00:00Z", 1500, 0)
        .fix("T1", "2025-06-01T15:00:00Z", 0, 1001);
    expect(far, RULE, crime("C1", "2025-06-01T09:00:00Z", null, 0, 0), ms -> assertThat(ms).isEmpty());
  }

  @Test
  void timeBeforeTheFirstFixAndAfterTheLastIsNotAGap() {
    Scenario s = tagOfOneOffender().fix("T1", "2025-06-01T10:00:00Z", 0, 200).fix("T1", "2025-06-01T12:00:00Z", 0, 200);
    expect(s, RULE, crime("C1", "2025-06-01T09:00:00Z", null, 0, 0), ms -> assertThat(ms).isEmpty());
    expect(s, RULE, crime("C2", "2025-06-01T13:00:00Z", null, 0, 0), ms -> assertThat(ms).isEmpty());
  }

  @Test
  void presentWinsOverGapAndGapMinutesStillCount() {
    Scenario s = tagOfOneOffender()
        .fix("T1", "2025-06-01T09:40:00Z", 0, 5)
        .fix("T1", "2025-06-01T10:00:00Z", 0, 80)
        .fix("T1", "2025-06-01T10:05:00Z", 0, 80);
    expect(s, RULE, crime("C1", "2025-06-01T10:00:00Z", null, 0, 0), ms -> {
      assertThat(ms).singleElement().satisfies(m -> {
        assertThat(m.kind()).isEqualTo(MatchKind.PRESENT);
        assertThat(m.closestM()).isEqualTo(5.0);
        assertThat(m.closestAt()).isEqualTo(t("2025-06-01T09:40:00Z"));
        assertThat(m.fixesWithin()).isEqualTo(3);
        assertThat(m.minutesWithin()).isEqualTo(5.0);
        assertThat(m.gapMinutes()).isEqualTo(20.0);
      });
    });
  }

  @Test
  void oneMatchPerOffenderCombinesItsTags() {
    Scenario s = new Scenario()
        .assign("O1", "T1", "2025-01-01T00:00:00Z", null)
        .assign("O1", "T2", "2025-01-01T00:00:00Z", null)
        .assign("O2", "T3", "2025-01-01T00:00:00Z", null)
        .walk("T1", t("2025-06-01T10:00:00Z"), MINUTE, 11, -300, 40, 60, 0)
        .walk("T2", t("2025-06-01T10:00:00Z"), MINUTE, 11, -300, 20, 60, 0)
        .walk("T3", t("2025-06-01T10:00:00Z"), MINUTE, 3, 0, 99, 0, 0);
    expect(s, RULE, crime("C1", "2025-06-01T10:05:00Z", null, 0, 0), ms -> {
      assertThat(ms).extracting(Match::offenderId).containsExactly("O1", "O2");
      Match o1 = ms.get(0);
      assertThat(o1.tagId()).isEqualTo("T2");
      assertThat(o1.closestM()).isCloseTo(20, within(1e-9));
      assertThat(o1.fixesWithin()).isEqualTo(6); // 3 of each tag
      double chord40 = 2 * Math.sqrt(100 * 100 - 40 * 40), chord20 = 2 * Math.sqrt(100 * 100 - 20 * 20);
      assertThat(o1.minutesWithin()).isCloseTo((chord40 + chord20) / 60, within(1e-6));
      assertThat(ms.get(1).minutesWithin()).isEqualTo(2.0);
    });
  }

  @Test
  void perCrimeRadiusDecides() {
    Scenario s = tagOfOneOffender().walk("T1", t("2025-06-01T10:00:00Z"), MINUTE, 11, -300, 30, 60, 0);
    expect(s, RULE, crime("C1", "2025-06-01T10:05:00Z", null, 0, 0, 25.0), ms -> assertThat(ms).isEmpty());
    expect(s, RULE, crime("C2", "2025-06-01T10:05:00Z", null, 0, 0, 30.0), ms -> assertThat(ms).singleElement()
        .satisfies(m -> assertThat(m.radiusM()).isEqualTo(30.0)));
  }

  @Test
  void resentFixesAreOneFixAndTheFirstOfAConflictIsKept() {
    Scenario s = tagOfOneOffender()
        .fix("T1", "2025-06-01T10:00:00Z", 0, 10)
        .fix("T1", "2025-06-01T10:00:00Z", 0, 10)
        .fix("T1", "2025-06-01T10:00:00Z", 0, 500);
    expect(s, RULE, crime("C1", "2025-06-01T10:00:00Z", null, 0, 0), ms -> assertThat(ms).singleElement().satisfies(m -> {
      assertThat(m.fixesWithin()).isEqualTo(1);
      assertThat(m.closestM()).isEqualTo(10.0);
    }));
  }
}
