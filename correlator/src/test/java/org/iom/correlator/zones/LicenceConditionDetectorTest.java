package org.iom.correlator.zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iom.correlator.zones.ZoneFixtures.OFFENDER;
import static org.iom.correlator.zones.ZoneFixtures.TAG;
import static org.iom.correlator.zones.ZoneFixtures.X0;
import static org.iom.correlator.zones.ZoneFixtures.Y0;
import static org.iom.correlator.zones.ZoneFixtures.ms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.model.Zone;
import org.junit.jupiter.api.Test;

class LicenceConditionDetectorTest {
  private static final Instant FITTED = Instant.parse("2025-01-01T00:00:00Z");
  private static final long T0 = ms("2025-01-15T12:00:00Z");
  private static final Zone EXCLUSION = ZoneFixtures.exclusion("ZX", ZoneFixtures.square(100), "always", 120);
  private static final Zone CURFEW = ZoneFixtures.inclusion("ZC", ZoneFixtures.square(100), "19:00-07:00", 120, 50);
  private final LicenceConditionDetector detector = new LicenceConditionDetector(LicenceRule.defaults());

  /** A trail of one tag assigned to the offender since 1 January 2025. */
  private static final class Trail {
    final OffenderTrail.Builder builder;

    Trail() {
      this(FITTED);
    }

    Trail(Instant fitted) {
      builder = OffenderTrail.builder(OFFENDER).assignments(List.of(new TagAssignment(OFFENDER, TAG, fitted, null)));
    }

    Trail at(long t, double x, double y) {
      builder.fix(TAG, t, X0 + x, Y0 + y);
      return this;
    }

    /** Fixes every {@code step} ms on {@code [from, to]} at one place. */
    Trail still(long from, long to, long step, double x, double y) {
      for (long t = from; t <= to; t += step) at(t, x, y);
      return this;
    }
  }

  /** The zone events (the fixture's tag is fitted long before its first fix, so it was silent then). */
  private List<LicenceEvent> run(Trail trail, Zone zone, long now) {
    return runAll(trail, zone, now).stream().filter(e -> e.kind() != LicenceEventKind.TAG_SILENT).toList();
  }

  private List<LicenceEvent> runAll(Trail trail, Zone zone, long now) {
    Evaluation result = detector.evaluate(trail.builder.build(), List.of(zone), FITTED, Instant.ofEpochMilli(now), Instant.ofEpochMilli(now));
    assertThat(result.complete()).isTrue();
    return result.events();
  }

  private static List<LicenceEvent> only(List<LicenceEvent> events, LicenceEventKind kind) {
    return events.stream().filter(e -> e.kind() == kind).toList();
  }

  @Test
  void exclusionEntryAndExitAreSolvedOnTheSegmentNotAtFixes() {
    Zone zone = ZoneFixtures.exclusion("ZX", ZoneFixtures.square(100), "always", 60);
    // (-30, 10) -> (130, 90) over 160 s: crosses x = 0 at 30 s and x = 100 at 130 s.
    List<LicenceEvent> events = run(new Trail().at(T0, -30, 10).at(T0 + 160_000, 130, 90), zone, T0 + 160_000);
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(LicenceEventKind.ZONE_EXCLUSION);
      assertThat(e.start()).isEqualTo(Instant.ofEpochMilli(T0 + 30_000));
      assertThat(e.end()).isEqualTo(Instant.ofEpochMilli(T0 + 130_000));
      assertThat(e.duration()).isEqualTo(Duration.ofSeconds(100));
      assertThat(e.ongoing()).isFalse();
      assertThat(e.key()).isEqualTo("ZONE_EXCLUSION|O-1|ZX|" + (T0 + 30_000));
    });
  }

  @Test
  void crossingTimesAreRoundedToTheNearestMillisecond() {
    Zone zone = ZoneFixtures.exclusion("ZX", ZoneFixtures.square(100), "always", 0);
    // In at x = 0 one third into a 1 s segment (333.3 ms); out two thirds into the last (3666.7 ms).
    Trail trail = new Trail().at(T0, -1, 50).at(T0 + 1000, 2, 50).at(T0 + 3000, 2, 50).at(T0 + 4000, -1, 50);
    assertThat(run(trail, zone, T0 + 4000)).singleElement().satisfies(e -> {
      assertThat(e.start()).isEqualTo(Instant.ofEpochMilli(T0 + 333));
      assertThat(e.end()).isEqualTo(Instant.ofEpochMilli(T0 + 3667));
    });
  }

  @Test
  void aStayShorterThanGraceIsNoViolationAndExactlyGraceIs() {
    // Straight through the 100 m square from x = -10 to 110: inside for 100/120 of the segment.
    List<LicenceEvent> shorter = run(new Trail().at(T0, -10, 50).at(T0 + 143_998, 110, 50), EXCLUSION, T0 + 143_998);
    assertThat(shorter).isEmpty();
    List<LicenceEvent> exact = run(new Trail().at(T0, -10, 50).at(T0 + 144_000, 110, 50), EXCLUSION, T0 + 144_000);
    assertThat(exact).singleElement().satisfies(e -> {
      assertThat(e.start()).isEqualTo(Instant.ofEpochMilli(T0 + 12_000));
      assertThat(e.duration()).isEqualTo(Duration.ofSeconds(120));
    });
  }

  @Test
  void aBriefExcursionSplitsAStayIntoTwoEpisodes() {
    // Inside at (50, 50) for 3 min, out to x = 150 and back within 2 s, inside 3 more min.
    Trail trail = new Trail().still(T0, T0 + 180_000, 60_000, 50, 50)
        .at(T0 + 181_000, 150, 50).at(T0 + 182_000, 50, 50)
        .still(T0 + 242_000, T0 + 362_000, 60_000, 50, 50).at(T0 + 422_000, 500, 50);
    List<LicenceEvent> events = run(trail, EXCLUSION, T0 + 422_000);
    assertThat(events).hasSize(2);
    assertThat(events.get(0).start()).isEqualTo(Instant.ofEpochMilli(T0));
    assertThat(events.get(0).end()).isEqualTo(Instant.ofEpochMilli(T0 + 180_500));
    assertThat(events.get(1).start()).isEqualTo(Instant.ofEpochMilli(T0 + 181_500));
    assertThat(events.get(0).key()).isNotEqualTo(events.get(1).key());
  }

  @Test
  void anOpenStayIsOngoingAndKeepsItsKeyWhenTheExitArrives() {
    Trail trail = new Trail().at(T0, -50, 50).still(T0 + 60_000, T0 + 600_000, 60_000, 50, 50);
    LicenceEvent open = run(trail, EXCLUSION, T0 + 660_000).get(0);
    assertThat(open.ongoing()).isTrue();
    assertThat(open.start()).isEqualTo(Instant.ofEpochMilli(T0 + 30_000));
    assertThat(open.end()).isEqualTo(Instant.ofEpochMilli(T0 + 600_000));
    LicenceEvent closed = run(trail.at(T0 + 660_000, 150, 50), EXCLUSION, T0 + 660_000).get(0);
    assertThat(closed.key()).isEqualTo(open.key());
    assertThat(closed.ongoing()).isFalse();
    assertThat(closed.end()).isEqualTo(Instant.ofEpochMilli(T0 + 630_000));
    // The tag falling silent inside: not ongoing once a gap must follow; the stay ends at the last fix.
    LicenceEvent stale = run(new Trail().at(T0, -50, 50).still(T0 + 60_000, T0 + 600_000, 60_000, 50, 50), EXCLUSION,
        T0 + 600_000 + 600_001).stream().filter(e -> e.kind() == LicenceEventKind.ZONE_EXCLUSION).findFirst().orElseThrow();
    assertThat(stale.ongoing()).isFalse();
    assertThat(stale.key()).isEqualTo(open.key());
  }

  @Test
  void aGapEndsAStay() {
    Trail trail = new Trail().still(T0, T0 + 300_000, 60_000, 50, 50).still(T0 + 1_200_000, T0 + 1_500_000, 60_000, 50, 50)
        .at(T0 + 1_560_000, 500, 50);
    List<LicenceEvent> events = run(trail, EXCLUSION, T0 + 1_560_000);
    assertThat(events).extracting(LicenceEvent::start).containsExactly(
        Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 1_200_000));
    assertThat(events.get(0).end()).isEqualTo(Instant.ofEpochMilli(T0 + 300_000));
  }

  @Test
  void curfewBreachAcrossMidnightIsOneEpisode() {
    long out = ms("2025-01-15T23:25:00Z");
    long back = ms("2025-01-16T00:30:00Z");
    Trail trail = new Trail().still(ms("2025-01-15T20:00:00Z"), out, 300_000, 50, 50)
        .still(out + 300_000, back, 300_000, 500, 50)
        .still(back + 300_000, ms("2025-01-16T02:00:00Z"), 300_000, 50, 50);
    List<LicenceEvent> events = only(run(trail, CURFEW, ms("2025-01-16T02:00:00Z")), LicenceEventKind.CURFEW_BREACH);
    // The buffer edge x = 150 lies 100/450 of the way out and 350/450 of the way back.
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.start()).isEqualTo(Instant.ofEpochMilli(out + Math.round(300_000 * 100 / 450.0)));
      assertThat(e.end()).isEqualTo(Instant.ofEpochMilli(back + Math.round(300_000 * 350 / 450.0)));
      assertThat(e.key()).isEqualTo("CURFEW_BREACH|O-1|ZC|" + (out + 66_667));
    });
  }

  @Test
  void breachTimeCountsOnlyFromTheCurfewStart() {
    long seven = ms("2025-01-15T19:00:00Z");
    for (long back : new long[] {90_000, 119_999, 120_000}) {
      // 1 m beyond the buffer from 18:00; steps back over it (x = 150) at exactly 19:00 + back.
      Trail trail = new Trail().still(seven - 3_600_000, seven + back - 60_000, 60_000, 151, 50)
          .at(seven + back - 1, 151, 50).at(seven + back + 1, 149, 50).still(seven + back + 60_000, seven + 900_000, 60_000, 50, 50);
      List<LicenceEvent> breaches = only(run(trail, CURFEW, seven + 900_000), LicenceEventKind.CURFEW_BREACH);
      if (back < 120_000) {
        assertThat(breaches).isEmpty();
      } else {
        assertThat(breaches).singleElement().satisfies(e -> {
          assertThat(e.start()).isEqualTo(Instant.ofEpochMilli(seven));
          assertThat(e.end()).isEqualTo(Instant.ofEpochMilli(seven + back));
        });
      }
    }
  }

  @Test
  void curfewNightsAcrossBothClockChangesOf2025() {
    long springFrom = ms("2025-03-29T12:00:00Z");
    long springTo = ms("2025-03-30T12:00:00Z");
    List<LicenceEvent> spring = only(run(new Trail().still(springFrom, springTo, 300_000, 1000, 1000), CURFEW, springTo),
        LicenceEventKind.CURFEW_BREACH);
    assertThat(spring).singleElement().satisfies(e -> {
      assertThat(e.start()).isEqualTo(Instant.parse("2025-03-29T19:00:00Z"));
      assertThat(e.end()).isEqualTo(Instant.parse("2025-03-30T06:00:00Z"));
      assertThat(e.duration()).isEqualTo(Duration.ofHours(11));
    });
    long autumnFrom = ms("2025-10-25T12:00:00Z");
    long autumnTo = ms("2025-10-26T12:00:00Z");
    List<LicenceEvent> autumn = only(run(new Trail().still(autumnFrom, autumnTo, 300_000, 1000, 1000), CURFEW, autumnTo),
        LicenceEventKind.CURFEW_BREACH);
    assertThat(autumn).singleElement().satisfies(e -> {
      assertThat(e.start()).isEqualTo(Instant.parse("2025-10-25T18:00:00Z"));
      assertThat(e.end()).isEqualTo(Instant.parse("2025-10-26T07:00:00Z"));
      assertThat(e.duration()).isEqualTo(Duration.ofHours(13));
    });
  }

  @Test
  void toleranceBufferFortyNineMetresOutIsFineFiftyOneIsABreach() {
    long from = ms("2025-01-15T21:00:00Z");
    long to = from + 3_600_000;
    assertThat(run(new Trail().still(from, to, 60_000, -49, 50), CURFEW, to)).isEmpty();
    // Diagonally off the corner: 48.9 m and 51.05 m from (0, 0); a polygonal buffer would blur this.
    assertThat(run(new Trail().still(from, to, 60_000, -34.6, -34.6), CURFEW, to)).isEmpty();
    assertThat(only(run(new Trail().still(from, to, 60_000, -36.1, -36.1), CURFEW, to), LicenceEventKind.CURFEW_BREACH))
        .singleElement().satisfies(e -> assertThat(e.duration()).isEqualTo(Duration.ofHours(1)));
    List<LicenceEvent> out51 = only(run(new Trail().still(from, to, 60_000, -51, 50), CURFEW, to), LicenceEventKind.CURFEW_BREACH);
    assertThat(out51).singleElement().satisfies(e -> {
      assertThat(e.start()).isEqualTo(Instant.ofEpochMilli(from));
      assertThat(e.end()).isEqualTo(Instant.ofEpochMilli(to));
      assertThat(e.ongoing()).isTrue();
    });
  }

  @Test
  void fiftyOneMetresOutForLessThanGraceIsNoBreach() {
    long from = ms("2025-01-15T21:00:00Z");
    for (long outside : new long[] {119_999, 120_000}) {
      // -49 -> -51 in 2 ms crosses the 50 m line at 1 ms; back the same way.
      Trail trail = new Trail().at(from, -49, 50).at(from + 2, -51, 50).still(from + 2, from + outside, 10_000, -51, 50)
          .at(from + outside, -51, 50).at(from + outside + 2, -49, 50).still(from + outside + 2, from + 600_000, 60_000, -49, 50);
      List<LicenceEvent> events = run(trail, CURFEW, from + 600_000);
      if (outside < 120_000) {
        assertThat(events).isEmpty();
      } else {
        assertThat(events).singleElement().satisfies(e -> {
          assertThat(e.start()).isEqualTo(Instant.ofEpochMilli(from + 1));
          assertThat(e.duration()).isEqualTo(Duration.ofMillis(120_000));
        });
      }
    }
  }

  @Test
  void aGapOfExactlyMaxGapIsDataAndOneMillisecondMoreIsNoData() {
    long nine = ms("2025-01-15T21:00:00Z");
    for (long gap : new long[] {600_000, 600_001}) {
      Trail trail = new Trail().still(nine - 3_600_000, nine, 300_000, 50, 50)
          .still(nine + gap, nine + gap + 3_600_000, 300_000, 50, 50);
      List<LicenceEvent> noData = only(run(trail, CURFEW, nine + gap + 3_600_000), LicenceEventKind.CURFEW_NO_DATA);
      if (gap == 600_000) {
        assertThat(noData).isEmpty();
      } else {
        assertThat(noData).singleElement().satisfies(e -> {
          assertThat(e.start()).isEqualTo(Instant.ofEpochMilli(nine));
          assertThat(e.end()).isEqualTo(Instant.ofEpochMilli(nine + gap));
          assertThat(e.key()).isEqualTo("CURFEW_NO_DATA|O-1|ZC|" + nine);
        });
      }
    }
  }

  @Test
  void noDataCountsOnlyTheCurfewPartOfAGapAndAnOpenGapIsOngoing() {
    long six = ms("2025-01-15T18:00:00Z");
    long eight = ms("2025-01-15T20:00:00Z");
    Trail trail = new Trail().still(six - 600_000, six, 300_000, 50, 50).still(eight, eight + 1_200_000, 300_000, 50, 50);
    List<LicenceEvent> noData = only(run(trail, CURFEW, eight + 1_200_000), LicenceEventKind.CURFEW_NO_DATA);
    assertThat(noData).singleElement().satisfies(e -> {
      assertThat(e.start()).isEqualTo(Instant.parse("2025-01-15T19:00:00Z"));
      assertThat(e.end()).isEqualTo(Instant.ofEpochMilli(eight));
    });
    long last = eight + 1_200_000;
    assertThat(only(run(trail, CURFEW, last + 600_000), LicenceEventKind.CURFEW_NO_DATA)).hasSize(1);
    List<LicenceEvent> open = only(run(trail, CURFEW, last + 1_800_000), LicenceEventKind.CURFEW_NO_DATA);
    assertThat(open).hasSize(2);
    assertThat(open.get(1).start()).isEqualTo(Instant.ofEpochMilli(last));
    assertThat(open.get(1).end()).isEqualTo(Instant.ofEpochMilli(last + 1_800_000));
    assertThat(open.get(1).ongoing()).isTrue();
  }

  @Test
  void tagSilentAtTheThresholdAndBetweenFixes() {
    long last = T0 + 600_000;
    Trail trail = new Trail(Instant.ofEpochMilli(T0)).still(T0, last, 60_000, 5000, 5000);
    long fourHours = Duration.ofHours(4).toMillis();
    assertThat(only(runAll(trail, EXCLUSION, last + fourHours - 1), LicenceEventKind.TAG_SILENT)).isEmpty();
    assertThat(only(runAll(trail, EXCLUSION, last + fourHours), LicenceEventKind.TAG_SILENT)).singleElement().satisfies(e -> {
      assertThat(e.tagId()).isEqualTo(TAG);
      assertThat(e.zoneId()).isNull();
      assertThat(e.start()).isEqualTo(Instant.ofEpochMilli(last));
      assertThat(e.end()).isEqualTo(Instant.ofEpochMilli(last + fourHours));
      assertThat(e.ongoing()).isTrue();
      assertThat(e.key()).isEqualTo("TAG_SILENT|O-1|T-1|" + last);
    });
    long next = last + 5 * 3_600_000L;
    List<LicenceEvent> between = only(runAll(trail.at(next, 5000, 5000), EXCLUSION, next + 60_000), LicenceEventKind.TAG_SILENT);
    assertThat(between).singleElement().satisfies(e -> {
      assertThat(e.key()).isEqualTo("TAG_SILENT|O-1|T-1|" + last);
      assertThat(e.end()).isEqualTo(Instant.ofEpochMilli(next));
      assertThat(e.ongoing()).isFalse();
    });
  }

  @Test
  void fixesOutsideTheAssignmentBelongToNoOne() {
    Instant fitted = Instant.ofEpochMilli(T0 + 600_000);
    Instant removed = Instant.ofEpochMilli(T0 + 1_200_000);
    OffenderTrail.Builder builder = OffenderTrail.builder(OFFENDER)
        .assignments(List.of(new TagAssignment(OFFENDER, TAG, fitted, removed), new TagAssignment("O-2", TAG, removed, null)));
    for (long t = T0; t <= T0 + 3_600_000; t += 60_000) builder.fix(TAG, t, X0 + 50, Y0 + 50);
    Evaluation result = detector.evaluate(builder.build(), List.of(EXCLUSION), FITTED, Instant.ofEpochMilli(T0 + 3_600_000),
        Instant.ofEpochMilli(T0 + 3_600_000));
    // Inside the whole hour, but the offender's only from fitting to removal (exclusive): 10 min less one fix.
    assertThat(result.events()).singleElement().satisfies(e -> {
      assertThat(e.start()).isEqualTo(fitted);
      assertThat(e.end()).isEqualTo(Instant.ofEpochMilli(T0 + 1_140_000));
      assertThat(e.ongoing()).isFalse();
    });
  }

  @Test
  void anEpisodeReachingTheEdgeOfTheLoadedDataAsksForMore() {
    // Inside from T0 on; loaded only from T0 + 30 min, with the edge fix before it.
    OffenderTrail.Builder builder = OffenderTrail.builder(OFFENDER)
        .assignments(List.of(new TagAssignment(OFFENDER, TAG, FITTED, null)))
        .covering(Instant.ofEpochMilli(T0 + 1_800_000), Instant.ofEpochMilli(T0 + 3_600_000));
    for (long t = T0 + 1_740_000; t <= T0 + 3_600_000; t += 60_000) builder.fix(TAG, t, X0 + 50, Y0 + 50);
    Evaluation partial = detector.evaluate(builder.build(), List.of(EXCLUSION), Instant.ofEpochMilli(T0 + 1_800_000),
        Instant.ofEpochMilli(T0 + 3_600_000), Instant.ofEpochMilli(T0 + 3_600_000));
    assertThat(partial.needsEarlierData()).isTrue();
    assertThat(partial.events()).isEmpty();
    assertThatThrownBy(() -> detector.evaluate(builder.build(), List.of(EXCLUSION), Instant.ofEpochMilli(T0),
        Instant.ofEpochMilli(T0 + 3_600_000), Instant.ofEpochMilli(T0 + 3_600_000)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not inside the loaded data");
  }

  @Test
  void aZoneOfAnotherOffenderIsRejected() {
    Zone other = new Zone("Z9", "O-2", EXCLUSION.kind(), EXCLUSION.schedule(), EXCLUSION.area(), null, 120, 50);
    assertThatThrownBy(() -> run(new Trail().at(T0, 0, 0), other, T0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zone Z9 is offender O-2's");
  }
}
