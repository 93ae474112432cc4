package org.iom.correlator.zones;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.iom.ingest.model.Zone;
import org.iom.ingest.model.ZoneKind;
import org.junit.jupiter.api.Test;

/**
 * The detector against the sampling oracle on seeded random polygons, trails and schedules: every
 * episode the oracle sees (sampled every 100 ms) is reported with entry and exit within 100 ms,
 * and every reported episode is seen; grace filters exactly by duration; and evaluating a window
 * on a partial load gives the same events as on the whole trail.
 */
class DetectorAgreesWithOracleTest {
  private static final long STEP_MS = 100;
  /** Episodes shorter than this are below what 100 ms sampling can resolve reliably. */
  private static final long RESOLVABLE_MS = 300;
  private static final LicenceRule RULE = LicenceRule.defaults();
  private final LicenceConditionDetector detector = new LicenceConditionDetector(RULE);

  @Test
  void entryAndExitTimesAgreeWithDenseSampling() {
    int episodesCompared = 0;
    for (long seed = 1; seed <= 60; seed++) {
      RandomCase c = new RandomCase(seed);
      List<BruteForceZoneOracle.Run> runs = BruteForceZoneOracle.runs(c.assignments, c.fixesByTag);
      for (Zone zone : c.zones) {
        Zone noGrace = withGrace(zone, 0);
        List<LicenceEvent> events = evaluateAll(c, noGrace);
        LicenceEventKind violation = zone.kind() == ZoneKind.EXCLUSION ? LicenceEventKind.ZONE_EXCLUSION : LicenceEventKind.CURFEW_BREACH;
        List<BruteForceZoneOracle.Sampled> sampled =
            BruteForceZoneOracle.violations(zone, runs, RandomCase.MAX_GAP_MS, c.first - 1000, c.now, STEP_MS);
        episodesCompared += BruteForceZoneOracle.assertAgrees("seed " + seed + " " + zone.zoneId() + " " + zone.kind() + " " + zone.schedule(),
            of(events, violation), sampled, STEP_MS, RESOLVABLE_MS);
        if (zone.kind() == ZoneKind.INCLUSION) {
          List<BruteForceZoneOracle.Sampled> gaps =
              BruteForceZoneOracle.noData(zone, runs, RandomCase.MAX_GAP_MS, c.now, c.first - 1000, c.now, STEP_MS);
          episodesCompared += BruteForceZoneOracle.assertAgrees("seed " + seed + " no data " + zone.schedule(),
              of(events, LicenceEventKind.CURFEW_NO_DATA), gaps, STEP_MS, RESOLVABLE_MS);
        }
      }
    }
    assertThat(episodesCompared).as("episodes compared").isGreaterThan(100);
  }

  @Test
  void graceKeepsExactlyTheEpisodesAtLeastThatLong() {
    for (long seed = 1; seed <= 60; seed++) {
      RandomCase c = new RandomCase(seed);
      for (Zone zone : c.zones) {
        List<LicenceEvent> all = evaluateAll(c, withGrace(zone, 0));
        List<LicenceEvent> graced = evaluateAll(c, zone);
        long graceMs = zone.graceS() * 1000L;
        List<LicenceEvent> expected = all.stream()
            .filter(e -> e.kind() == LicenceEventKind.CURFEW_NO_DATA || e.kind() == LicenceEventKind.TAG_SILENT
                || e.duration().toMillis() >= graceMs)
            .toList();
        assertThat(graced).as("seed %d %s grace %d s", seed, zone.zoneId(), zone.graceS()).isEqualTo(expected);
      }
    }
  }

  @Test
  void aWindowEvaluatedOnAPartialLoadMatchesTheWholeTrail() {
    Random rnd = new Random(7);
    int windows = 0;
    int widened = 0;
    for (long seed = 1; seed <= 60; seed++) {
      RandomCase c = new RandomCase(seed);
      List<LicenceEvent> whole = detector.evaluate(c.trail(), c.zones, Instant.ofEpochMilli(c.first - 3_600_000),
          Instant.ofEpochMilli(c.now), Instant.ofEpochMilli(c.now)).events();
      for (int k = 0; k < 5; k++) {
        long from = c.first + (long) (rnd.nextDouble() * (c.now - c.first));
        long to = Math.min(c.now, from + rnd.nextInt(3_600_000));
        long pad = rnd.nextInt(4) * 600_000L;
        Evaluation partial;
        int attempts = 0;
        while (true) {
          long dataFrom = from - pad;
          long dataTo = Math.min(c.now, to + pad);
          partial = detector.evaluate(c.trail(dataFrom, dataTo), c.zones, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to),
              Instant.ofEpochMilli(c.now));
          if (partial.complete()) break;
          pad = Math.max(600_000, pad * 2);
          attempts++;
          assertThat(attempts).as("widening terminates").isLessThan(20);
        }
        if (attempts > 0) widened++;
        long f = from;
        long t = to;
        List<LicenceEvent> expected = whole.stream()
            .filter(e -> e.start().toEpochMilli() <= t && e.end().toEpochMilli() >= f).toList();
        assertThat(partial.events()).as("seed %d window [%s, %s]", seed, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))
            .isEqualTo(expected);
        windows++;
      }
    }
    assertThat(windows).isEqualTo(300);
    assertThat(widened).as("windows that needed a wider load").isGreaterThan(5);
  }

  private List<LicenceEvent> evaluateAll(RandomCase c, Zone zone) {
    Evaluation result = detector.evaluate(c.trail(), List.of(zone), Instant.ofEpochMilli(c.first - 3_600_000),
        Instant.ofEpochMilli(c.now), Instant.ofEpochMilli(c.now));
    assertThat(result.complete()).isTrue();
    return result.events();
  }

  private static List<LicenceEvent> of(List<LicenceEvent> events, LicenceEventKind kind) {
    return events.stream().filter(e -> e.kind() == kind).toList();
  }

  private static Zone withGrace(Zone z, int graceS) {
    return new Zone(z.zoneId(), z.offenderId(), z.kind(), z.schedule(), z.area(), z.geoJson(), graceS, z.toleranceM());
  }

}
