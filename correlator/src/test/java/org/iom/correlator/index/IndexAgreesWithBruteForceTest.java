package org.iom.correlator.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.iom.correlator.match.BruteForceMatcher;
import org.iom.correlator.match.CrimeMatcher;
import org.iom.correlator.match.Match;
import org.iom.correlator.match.MatchRule;
import org.iom.correlator.match.CrimeSearch;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.TagAssignment;
import org.junit.jupiter.api.Test;

/**
 * Seeded random trails (gaps short and hours long, exact max-gap steps, stationary spells,
 * re-sent and conflicting fixes, tags passed between offenders, crimes near and far with windows
 * of 0 to 8 h): the index matcher must agree with the brute-force oracle field by field, whether
 * it was bulk-built or fed out of order in late batches. A failure names its seed.
 */
class IndexAgreesWithBruteForceTest {
  private static final Instant START = Instant.parse("2025-03-29T20:00:00Z"); // spans the clock change
  private static final long SPAN_MS = Duration.ofHours(16).toMillis();
  private static final int TRIALS = 60;
  private final Map<String, Integer> seen = new TreeMap<>();

  @Test
  void bulkBuiltIndexAgreesWithTheOracle() {
    for (long seed = 1; seed <= TRIALS; seed++) {
      World w = World.random(new Random(seed));
      TrailIndex index = TrailIndex.builder().maxGap(w.rule.maxGap()).slotLength(w.slot)
          .addFixes(w.fixes).assignments(w.assignments).build();
      assertThat(index.fixCount()).as("seed %d fix count", seed).isEqualTo(w.distinctFixes());
      compare(seed, index.matcher(w.rule), new BruteForceMatcher(w.fixes, w.assignments, w.rule), w.crimes);
    }
    // The random data must reach every branch worth comparing.
    assertThat(seen).containsKeys("PRESENT", "GAP", "minutes>0", "gapMinutes>0", "fixesWithin=0 PRESENT", "one tag, two offenders");
  }

  @Test
  void lateOutOfOrderAppendsAgreeWithTheOracleAndReportWhatTheyChange() {
    for (long seed = 1001; seed <= 1000 + TRIALS; seed++) {
      Random rnd = new Random(seed);
      World w = World.random(rnd);
      int initial = rnd.nextInt(w.fixes.size() + 1);
      TrailIndex index = TrailIndex.builder().maxGap(w.rule.maxGap()).slotLength(w.slot)
          .addFixes(w.fixes.subList(0, initial)).build();
      index.setAssignments(w.assignments);
      CrimeMatcher matcher = index.matcher(w.rule);
      int at = initial;
      while (at < w.fixes.size()) {
        int end = Math.min(w.fixes.size(), at + 1 + rnd.nextInt(120));
        List<Fix> batch = w.fixes.subList(at, end);
        Map<String, List<Match>> before = matchEach(matcher, w.crimes);
        List<TrailChange> changes = index.appendFixes(batch);
        for (Crime crime : w.crimes) {
          CrimeSearch s = CrimeSearch.of(crime, w.rule);
          boolean touched = changes.stream().anyMatch(c -> c.touches(s.windowFrom(), s.windowTo()));
          if (!touched) {
            assertThat(matcher.match(crime)).as("seed %d: crime %s untouched by %s", seed, crime.crimeRef(), changes)
                .isEqualTo(before.get(crime.crimeRef()));
          }
        }
        at = end;
      }
      assertThat(index.fixCount()).as("seed %d fix count", seed).isEqualTo(w.distinctFixes());
      compare(seed, matcher, new BruteForceMatcher(w.fixes, w.assignments, w.rule), w.crimes);
    }
  }

  @Test
  void appendingOnlyKnownFixesChangesNothing() {
    World w = World.random(new Random(7));
    TrailIndex index = TrailIndex.builder().maxGap(w.rule.maxGap()).slotLength(w.slot).addFixes(w.fixes).build();
    assertThat(index.appendFixes(w.fixes)).isEmpty();
    assertThat(index.fixCount()).isEqualTo(w.distinctFixes());
  }

  private static Map<String, List<Match>> matchEach(CrimeMatcher matcher, List<Crime> crimes) {
    Map<String, List<Match>> out = new TreeMap<>();
    for (Crime c : crimes) out.put(c.crimeRef(), matcher.match(c));
    return out;
  }

  private void compare(long seed, CrimeMatcher indexed, CrimeMatcher oracle, List<Crime> crimes) {
    int matched = 0;
    for (Crime crime : crimes) {
      List<Match> got = indexed.match(crime);
      List<Match> want = oracle.match(crime);
      String where = "seed " + seed + ", crime " + crime + "\n got  " + got + "\n want " + want;
      assertThat(got.stream().map(m -> m.offenderId() + "/" + m.kind()).toList()).as(where)
          .isEqualTo(want.stream().map(m -> m.offenderId() + "/" + m.kind()).toList());
      for (int i = 0; i < got.size(); i++) {
        Match g = got.get(i), e = want.get(i);
        assertThat(Math.abs(g.closestM() - e.closestM())).as(where).isLessThanOrEqualTo(0.5);
        assertThat(Math.abs(g.minutesWithin() - e.minutesWithin())).as(where).isLessThanOrEqualTo(0.05);
        assertThat(Math.abs(g.gapMinutes() - e.gapMinutes())).as(where).isLessThanOrEqualTo(0.05);
        assertThat(g.fixesWithin()).as(where).isEqualTo(e.fixesWithin());
        assertThat(g.tagId()).as(where).isEqualTo(e.tagId());
        assertThat(Math.abs(g.closestAt().toEpochMilli() - e.closestAt().toEpochMilli())).as(where).isLessThanOrEqualTo(1);
        assertThat(g.windowFrom()).isEqualTo(e.windowFrom());
        assertThat(g.windowTo()).isEqualTo(e.windowTo());
      }
      matched += got.size();
      for (Match m : got) {
        seen.merge(m.kind().name(), 1, Integer::sum);
        if (m.minutesWithin() > 0) seen.merge("minutes>0", 1, Integer::sum);
        if (m.gapMinutes() > 0) seen.merge("gapMinutes>0", 1, Integer::sum);
        if (m.kind() == org.iom.correlator.match.MatchKind.PRESENT && m.fixesWithin() == 0) {
          seen.merge("fixesWithin=0 PRESENT", 1, Integer::sum);
        }
      }
      if (got.stream().map(Match::tagId).distinct().count() < got.size()) seen.merge("one tag, two offenders", 1, Integer::sum);
    }
    assertThat(matched).as("seed %d should exercise some matches", seed).isPositive();
  }

  /** One random data set and rule. Positions are whole centimetres, as the index stores them. */
  private record World(MatchRule rule, Duration slot, List<Fix> fixes, List<TagAssignment> assignments, List<Crime> crimes) {
    static World random(Random rnd) {
      Duration maxGap = Duration.ofMinutes(rnd.nextBoolean() ? 10 : 5);
      Duration buffer = List.of(Duration.ZERO, Duration.ofMinutes(7), Duration.ofMinutes(30)).get(rnd.nextInt(3));
      MatchRule rule = MatchRule.defaults().withMaxGap(maxGap).withBuffer(buffer)
          .withRadiusM(rnd.nextBoolean() ? 100 : 60).withGapRadiusM(rnd.nextBoolean() ? 1000 : 400)
          .withRadiusOverride("34B", 150);
      Duration slot = List.of(maxGap, Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(3)).get(rnd.nextInt(4));
      int tags = 2 + rnd.nextInt(4);
      int offenders = 2 + rnd.nextInt(3);
      List<Fix> fixes = new ArrayList<>();
      List<TagAssignment> assignments = new ArrayList<>();
      for (int k = 0; k < tags; k++) {
        String tag = "T" + k;
        List<Long> times = trail(rnd, tag, maxGap.toMillis(), fixes);
        assignments.addAll(assignmentsOf(rnd, tag, offenders, times));
      }
      if (rnd.nextBoolean()) Collections.shuffle(fixes, rnd);
      List<Crime> crimes = new ArrayList<>();
      for (int c = 0; c < 40; c++) crimes.add(crime(rnd, "C" + c, fixes));
      return new World(rule, slot, fixes, assignments, crimes);
    }

    long distinctFixes() {
      return fixes.stream().map(f -> f.tagId() + "@" + f.recordedAt().toEpochMilli()).distinct().count();
    }

    private static List<Long> trail(Random rnd, String tag, long maxGap, List<Fix> out) {
      List<Long> times = new ArrayList<>();
      long t = START.toEpochMilli() + rnd.nextInt(3_600_000);
      double x = rnd.nextDouble() * 2000, y = rnd.nextDouble() * 2000;
      double vx = 0, vy = 0;
      long end = START.toEpochMilli() + SPAN_MS;
      while (t < end) {
        Fix fix = Fix.of(tag, Instant.ofEpochMilli(t), Scenario.grid(cm(x), cm(y)));
        out.add(fix);
        times.add(t);
        int dice = rnd.nextInt(100);
        if (dice < 3) out.add(fix); // re-sent
        else if (dice < 5) out.add(Fix.of(tag, fix.recordedAt(), Scenario.grid(cm(x + 300), cm(y)))); // conflict
        int step = rnd.nextInt(100);
        long dt;
        if (step < 70) dt = 15_000 + rnd.nextInt(165_000) + (rnd.nextInt(4) == 0 ? rnd.nextInt(1000) : 0);
        else if (step < 78) dt = maxGap;
        else if (step < 83) dt = maxGap + 1;
        else if (step < 95) dt = maxGap + 1 + rnd.nextInt(3 * 3_600_000);
        else dt = 3 * 3_600_000 + rnd.nextInt(4 * 3_600_000);
        if (rnd.nextInt(5) == 0) {
          vx = 0;
          vy = 0; // a stationary spell
        } else if (rnd.nextInt(3) == 0) {
          vx = (rnd.nextDouble() - 0.5) * 4;
          vy = (rnd.nextDouble() - 0.5) * 4; // metres per second
        }
        double seconds = Math.min(dt, 600_000) / 1000.0;
        x = Math.max(-500, Math.min(2500, x + vx * seconds));
        y = Math.max(-500, Math.min(2500, y + vy * seconds));
        t += dt;
      }
      return times;
    }

    private static double cm(double metres) {
      return Math.round(metres * 100) / 100.0;
    }

    /** Consecutive, non-overlapping assignments; some pieces unassigned; boundaries often on a fix. */
    private static List<TagAssignment> assignmentsOf(Random rnd, String tag, int offenders, List<Long> times) {
      List<TagAssignment> out = new ArrayList<>();
      long from = START.toEpochMilli() - 3_600_000;
      int pieces = 1 + rnd.nextInt(3);
      for (int p = 0; p < pieces; p++) {
        boolean last = p == pieces - 1;
        Long to = null;
        if (!last) {
          long cut = rnd.nextBoolean() && !times.isEmpty()
              ? times.get(rnd.nextInt(times.size()))
              : START.toEpochMilli() + (long) (rnd.nextDouble() * SPAN_MS);
          if (cut <= from) continue;
          to = cut;
        } else if (rnd.nextBoolean()) {
          to = START.toEpochMilli() + SPAN_MS + 3_600_000;
        }
        if (rnd.nextInt(5) != 0) {
          out.add(new TagAssignment("O" + rnd.nextInt(offenders), tag, Instant.ofEpochMilli(from),
              to == null ? null : Instant.ofEpochMilli(to)));
        }
        if (to == null) break;
        from = to;
      }
      return out;
    }

    private static Crime crime(Random rnd, String ref, List<Fix> fixes) {
      Instant from;
      double dx, dy;
      if (rnd.nextInt(10) < 6) {
        Fix near = fixes.get(rnd.nextInt(fixes.size()));
        double angle = rnd.nextDouble() * 2 * Math.PI, dist = rnd.nextDouble() * 250;
        dx = near.position().easting() - Scenario.E0 + dist * Math.cos(angle);
        dy = near.position().northing() - Scenario.N0 + dist * Math.sin(angle);
        from = near.recordedAt().plusMillis(rnd.nextInt(2_400_000) - 1_200_000);
      } else {
        dx = rnd.nextDouble() * 3000 - 500;
        dy = rnd.nextDouble() * 3000 - 500;
        from = START.plusMillis((long) (rnd.nextDouble() * SPAN_MS));
      }
      Instant to = switch (rnd.nextInt(4)) {
        case 0 -> null;
        case 1 -> from.plusMillis(rnd.nextInt(600_000));
        default -> from.plusMillis((long) (rnd.nextDouble() * 8 * 3_600_000));
      };
      Double radius = rnd.nextInt(5) == 0 ? 30 + rnd.nextDouble() * 270 : null;
      String code = rnd.nextBoolean() ? "28E" : "34B";
      return new Crime(ref, code, from, to, Scenario.grid(dx, dy), null, radius);
    }
  }
}
