package org.iom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.iom.correlator.match.CrimeMatcher;
import org.iom.correlator.match.Match;
import org.iom.correlator.match.MatchKind;
import org.iom.correlator.match.MatchRule;
import org.iom.ingest.model.Crime;
import org.junit.jupiter.api.Test;

/** The benchmark's floor and its data must be right before their timings mean anything. */
class BruteForceScanTest {
  @Test
  void bruteForceScanAgreesWithTheIndexOnEveryCrime() throws Exception {
    TrailColumns data = TrailColumns.generate(20, 4, 7, Instant.parse("2025-01-01T00:00:00Z"), 2);
    List<Crime> crimes = BenchCrimes.place(data, 400, 8);
    MatchRule rule = MatchRule.defaults();
    CrimeMatcher index = data.buildIndex().matcher(rule);
    BruteForceScan brute = new BruteForceScan(data, rule);
    int present = 0, gap = 0;
    for (Crime c : crimes) {
      List<Match> want = index.match(c);
      assertThat(brute.match(c)).as(c.crimeRef()).isEqualTo(want);
      for (Match m : want) {
        if (m.kind() == MatchKind.PRESENT) present++;
        else gap++;
      }
    }
    assertThat(present).as("PRESENT matches among the placed crimes").isGreaterThan(20);
    assertThat(gap).as("GAP matches among the placed crimes").isGreaterThan(0);
  }

  @Test
  void crimesAreDeterministicAndMixTheirWindows() throws Exception {
    TrailColumns data = TrailColumns.generate(5, 2, 3, Instant.parse("2025-01-01T00:00:00Z"), 1);
    List<Crime> a = BenchCrimes.place(data, 200, 9);
    assertThat(BenchCrimes.place(data, 200, 9)).isEqualTo(a);
    assertThat(a).anyMatch(c -> c.committedFrom().equals(c.committedTo()));
    assertThat(a).anyMatch(c -> c.committedTo().toEpochMilli() - c.committedFrom().toEpochMilli() > 4 * 3_600_000L);
    assertThat(a).allMatch(c -> c.committedTo().toEpochMilli() - c.committedFrom().toEpochMilli() <= 8 * 3_600_000L);
  }

  @Test
  void slicesKeepTheFixesOfTheirPeriodOnly() throws Exception {
    TrailColumns data = TrailColumns.generate(3, 3, 5, Instant.parse("2025-01-01T00:00:00Z"), 1);
    TrailColumns day = data.slice(Instant.parse("2025-01-02T00:00:00Z"), Instant.parse("2025-01-03T00:00:00Z"));
    assertThat(day.fixCount()).isPositive().isLessThan(data.fixCount());
    for (long[] times : day.epochMillis) {
      for (long t : times) assertThat(t).isBetween(Instant.parse("2025-01-02T00:00:00Z").toEpochMilli(),
          Instant.parse("2025-01-03T00:00:00Z").toEpochMilli() - 1);
    }
  }
}
