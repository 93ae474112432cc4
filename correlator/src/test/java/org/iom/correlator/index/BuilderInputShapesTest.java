package org.iom.correlator.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.iom.correlator.match.CrimeMatcher;
import org.iom.correlator.match.Match;
import org.iom.correlator.match.MatchRule;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.TagAssignment;
import org.junit.jupiter.api.Test;

/**
 * The bulk builder's paths give the same index: one large time-ordered call per tag (packed in
 * two halves in parallel, envelopes computed while packing), the same fixes shuffled over several
 * calls with re-sent duplicates (blocks sorted and de-duplicated at build), max gap set after the
 * fixes were added (envelopes recomputed), and fixes appended after an empty build. Checked on
 * every match of a few hundred crimes, field by field (exact equality).
 */
class BuilderInputShapesTest {
  private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
  private static final int FIXES_PER_TAG = 80_000; // above the parallel packing threshold (65,536)
  private static final String[] TAGS = {"T1", "T2", "T3"};

  @Test
  void everyBuilderPathGivesTheSameMatches() {
    Random rnd = new Random(42);
    long[][] t = new long[TAGS.length][];
    double[][] x = new double[TAGS.length][];
    double[][] y = new double[TAGS.length][];
    for (int k = 0; k < TAGS.length; k++) trail(rnd, t, x, y, k);
    List<TagAssignment> assignments = List.of(
        new TagAssignment("O1", "T1", T0, null),
        new TagAssignment("O2", "T2", T0, T0.plus(Duration.ofDays(14))),
        new TagAssignment("O3", "T2", T0.plus(Duration.ofDays(14)), null),
        new TagAssignment("O1", "T3", T0.plus(Duration.ofDays(20)), null));
    List<Crime> crimes = crimes(rnd, t, x, y);
    MatchRule rule = MatchRule.defaults();

    TrailIndex.Builder sorted = TrailIndex.builder().assignments(assignments);
    for (int k = 0; k < TAGS.length; k++) sorted.add(TAGS[k], t[k], x[k], y[k], t[k].length);
    CrimeMatcher reference = sorted.build().matcher(rule);

    TrailIndex.Builder shuffled = TrailIndex.builder().assignments(assignments);
    for (int k = 0; k < TAGS.length; k++) addShuffledWithDuplicates(shuffled, rnd, k, t, x, y);
    TrailIndex fromShuffled = shuffled.build();

    TrailIndex.Builder lateMaxGap = TrailIndex.builder().assignments(assignments);
    for (int k = 0; k < TAGS.length; k++) lateMaxGap.add(TAGS[k], t[k], x[k], y[k], t[k].length);
    MatchRule fiveMinutes = rule.withMaxGap(Duration.ofMinutes(5));
    CrimeMatcher lateGap = lateMaxGap.maxGap(Duration.ofMinutes(5)).build().matcher(fiveMinutes);
    TrailIndex.Builder earlyMaxGap = TrailIndex.builder().maxGap(Duration.ofMinutes(5)).assignments(assignments);
    for (int k = 0; k < TAGS.length; k++) earlyMaxGap.add(TAGS[k], t[k], x[k], y[k], t[k].length);
    CrimeMatcher earlyGap = earlyMaxGap.build().matcher(fiveMinutes);

    TrailIndex appended = TrailIndex.builder().assignments(assignments).build();
    for (int k = 0; k < TAGS.length; k++) {
      for (int from = 0; from < t[k].length; from += 20_000) {
        int n = Math.min(20_000, t[k].length - from);
        appended.append(TAGS[k], Arrays.copyOfRange(t[k], from, from + n), Arrays.copyOfRange(x[k], from, from + n),
            Arrays.copyOfRange(y[k], from, from + n), n);
      }
    }

    assertThat(fromShuffled.fixCount()).isEqualTo((long) FIXES_PER_TAG * TAGS.length);
    int matched = 0;
    for (Crime c : crimes) {
      List<Match> want = reference.match(c);
      matched += want.size();
      assertThat(fromShuffled.matcher(rule).match(c)).as(c.crimeRef()).isEqualTo(want);
      assertThat(appended.matcher(rule).match(c)).as(c.crimeRef()).isEqualTo(want);
      assertThat(lateGap.match(c)).as(c.crimeRef()).isEqualTo(earlyGap.match(c));
    }
    assertThat(matched).as("the crimes must produce matches to compare").isGreaterThan(100);
  }

  /** A walk with a fix every 20-40 s and now and then a gap of 6 min to 3 h; centimetre positions. */
  private static void trail(Random rnd, long[][] t, double[][] x, double[][] y, int k) {
    t[k] = new long[FIXES_PER_TAG];
    x[k] = new double[FIXES_PER_TAG];
    y[k] = new double[FIXES_PER_TAG];
    long now = T0.toEpochMilli() + rnd.nextInt(600_000);
    double px = 430_000, py = 340_000;
    for (int i = 0; i < FIXES_PER_TAG; i++) {
      now += rnd.nextInt(300) == 0 ? 360_000 + rnd.nextInt(3 * 3_600_000) : 20_000 + rnd.nextInt(20_001);
      px += rnd.nextGaussian() * 30;
      py += rnd.nextGaussian() * 30;
      if (Math.abs(px - 430_000) > 3_000) px = 430_000 + Math.signum(430_000 - px) * 10;
      if (Math.abs(py - 340_000) > 3_000) py = 340_000 + Math.signum(340_000 - py) * 10;
      t[k][i] = now;
      x[k][i] = Math.rint(px * 100) / 100;
      y[k][i] = Math.rint(py * 100) / 100;
    }
  }

  private static void addShuffledWithDuplicates(TrailIndex.Builder b, Random rnd, int k, long[][] t, double[][] x, double[][] y) {
    int n = t[k].length;
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) order.add(i);
    for (int i = 0; i < n / 100; i++) order.add(rnd.nextInt(n)); // re-sent fixes
    java.util.Collections.shuffle(order, rnd);
    int calls = 7;
    for (int c = 0; c < calls; c++) {
      List<Integer> part = order.subList(c * order.size() / calls, (c + 1) * order.size() / calls);
      long[] pt = new long[part.size()];
      double[] px = new double[part.size()];
      double[] py = new double[part.size()];
      for (int i = 0; i < part.size(); i++) {
        pt[i] = t[k][part.get(i)];
        px[i] = x[k][part.get(i)];
        py[i] = y[k][part.get(i)];
      }
      b.add(TAGS[k], pt, px, py, pt.length);
    }
  }

  /** Crimes near random fixes (0-300 m away) with windows of 0 to 6 h. */
  private static List<Crime> crimes(Random rnd, long[][] t, double[][] x, double[][] y) {
    List<Crime> out = new ArrayList<>();
    for (int c = 0; c < 300; c++) {
      int k = rnd.nextInt(TAGS.length);
      int i = rnd.nextInt(t[k].length);
      long length = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(6 * 3_600_000);
      double angle = rnd.nextDouble() * 2 * Math.PI, d = rnd.nextDouble() * 300;
      out.add(new Crime("C" + c, "28E", Instant.ofEpochMilli(t[k][i] - length / 2), Instant.ofEpochMilli(t[k][i] + length / 2),
          Scenario.grid(x[k][i] - Scenario.E0 + d * Math.cos(angle), y[k][i] - Scenario.N0 + d * Math.sin(angle)), null, null));
    }
    return out;
  }
}
