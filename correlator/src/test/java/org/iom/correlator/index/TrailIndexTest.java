package org.iom.correlator.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iom.correlator.index.Scenario.crime;
import static org.iom.correlator.index.Scenario.t;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iom.correlator.match.BruteForceMatcher;
import org.iom.correlator.match.CrimeMatcher;
import org.iom.correlator.match.Match;
import org.iom.correlator.match.MatchKind;
import org.iom.correlator.match.MatchRule;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.TagAssignment;
import org.junit.jupiter.api.Test;

class TrailIndexTest {
  private static final MatchRule RULE = MatchRule.defaults();

  @Test
  void slotsShorterThanMaxGapAreRefused() {
    assertThatThrownBy(() -> TrailIndex.builder().maxGap(Duration.ofMinutes(10)).slotLength(Duration.ofMinutes(5)).build())
        .hasMessageContaining("slot length");
  }

  @Test
  void aMatcherMustUseTheIndexsMaxGap() {
    TrailIndex index = TrailIndex.builder().build();
    assertThatThrownBy(() -> index.matcher(RULE.withMaxGap(Duration.ofMinutes(5)))).hasMessageContaining("max_gap");
  }

  @Test
  void badCoordinatesAreRejectedNamingTheFix() {
    TrailIndex index = TrailIndex.builder().build();
    assertThatThrownBy(() -> index.append("T9", new long[] {0, 1}, new double[] {1, Double.NaN}, new double[] {1, 1}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fix 1 of tag T9");
    assertThat(index.fixCount()).isZero();
  }

  @Test
  void overlappingAssignmentsOfOneTagAreRefused() {
    TrailIndex index = TrailIndex.builder().build();
    List<TagAssignment> overlapping = List.of(
        new TagAssignment("O1", "T1", t("2025-06-01T00:00:00Z"), t("2025-06-02T00:00:00Z")),
        new TagAssignment("O2", "T1", t("2025-06-01T12:00:00Z"), null));
    assertThatThrownBy(() -> index.setAssignments(overlapping)).hasMessageContaining("overlap");
  }

  @Test
  void aLateAssignmentAttributesFixesAlreadyIndexed() {
    Scenario s = new Scenario().walk("T1", t("2025-06-01T10:00:00Z"), Duration.ofMinutes(1), 11, -300, 0, 60, 0);
    TrailIndex index = TrailIndex.builder().addFixes(s.fixes).build();
    CrimeMatcher matcher = index.matcher(RULE);
    Crime c = crime("C1", "2025-06-01T10:05:00Z", null, 0, 0);
    assertThat(matcher.match(c)).isEmpty();
    index.setAssignments(List.of(new TagAssignment("O1", "T1", t("2025-06-01T00:00:00Z"), null)));
    assertThat(matcher.match(c)).extracting(Match::offenderId).containsExactly("O1");
  }

  @Test
  void aLateFixInsideAGapTurnsAGapMatchIntoPresence() {
    Scenario s = new Scenario()
        .assign("O1", "T1", "2025-06-01T00:00:00Z", null)
        .fix("T1", "2025-06-01T08:00:00Z", 0, 600)
        .fix("T1", "2025-06-01T14:00:00Z", 0, 600);
    TrailIndex index = TrailIndex.builder().addFixes(s.fixes).assignments(s.assignments).build();
    CrimeMatcher matcher = index.matcher(RULE);
    Crime c = crime("C1", "2025-06-01T11:00:00Z", null, 0, 0);
    assertThat(matcher.match(c)).singleElement().extracting(Match::kind).isEqualTo(MatchKind.GAP);

    Optional<TrailChange> change = index.append("T1", new long[] {t("2025-06-01T11:00:00Z").toEpochMilli()},
        new double[] {Scenario.E0 + 5}, new double[] {Scenario.N0}, 1);
    assertThat(change).hasValueSatisfying(ch -> {
      assertThat(ch.from()).isEqualTo(t("2025-06-01T08:00:00Z"));
      assertThat(ch.to()).isEqualTo(t("2025-06-01T14:00:00Z"));
      assertThat(ch.insertedFixes()).isEqualTo(1);
    });
    assertThat(matcher.match(c)).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(MatchKind.PRESENT);
      assertThat(m.closestM()).isEqualTo(5.0);
      assertThat(m.gapMinutes()).isEqualTo(60.0);
    });
  }

  @Test
  void queriesRunConcurrentlyWithAppends() throws Exception {
    Scenario s = new Scenario().assign("O1", "T1", "2025-06-01T00:00:00Z", null).assign("O2", "T2", "2025-06-01T00:00:00Z", null);
    for (int i = 0; i < 2_000; i++) {
      s.fix("T1", t("2025-06-01T00:00:00Z").plusSeconds(30L * i), (i % 200) * 5, 0);
      s.fix("T2", t("2025-06-01T00:00:00Z").plusSeconds(45L * i), 0, (i % 100) * 7);
    }
    List<Crime> crimes = new ArrayList<>();
    for (int h = 0; h < 16; h++) crimes.add(crime("C" + h, "2025-06-01T" + String.format("%02d", h) + ":10:00Z", null, 100, 100));
    TrailIndex index = TrailIndex.builder().assignments(s.assignments).build();
    CrimeMatcher matcher = index.matcher(RULE);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> writer = pool.submit(() -> {
        for (int from = 0; from < s.fixes.size(); from += 97) {
          index.appendFixes(s.fixes.subList(from, Math.min(s.fixes.size(), from + 97)));
        }
      });
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        readers.add(pool.submit(() -> {
          int n = 0;
          while (!writer.isDone()) n += matcher.matchAll(crimes).size();
          return n;
        }));
      }
      writer.get();
      for (Future<Integer> reader : readers) reader.get();
    } finally {
      pool.shutdownNow();
    }
    List<Fix> all = s.fixes;
    assertThat(matcher.matchAll(crimes)).isEqualTo(new BruteForceMatcher(all, s.assignments, RULE).matchAll(crimes));
  }
}
