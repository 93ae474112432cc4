package org.iom.correlator.zones;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iom.fixtures.Scenario;
import org.iom.fixtures.ScenarioConfig;
import org.iom.fixtures.ScenarioGenerator;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.model.Zone;
import org.iom.ingest.model.ZoneKind;
import org.junit.jupiter.api.Test;

/**
 * The detector on a geo-fixtures scenario (its curfew and exclusion zones, noisy trails with gaps
 * and refitted tags, across the 30 March 2025 clock change) agrees with the sampling oracle. The
 * scenario's ground truth plants no zone violations, so the oracle is the reference.
 */
class ScenarioZonesTest {
  /** Coarser than the random test's 100 ms: three days of samples for every zone. */
  private static final long STEP_MS = 500;
  private static final long RESOLVABLE_MS = 1_500;

  @Test
  void detectorAgreesWithTheOracleOnAScenarioSpanningTheSpringClockChange() {
    ScenarioConfig.Noise d = ScenarioConfig.Noise.DEFAULT;
    // More flat-battery days than the default, so curfews meet long gaps.
    ScenarioConfig.Noise noise = new ScenarioConfig.Noise(d.maxJitterS(), d.outlierRate(), d.dropoutsPerDay(), d.indoorGapRate(),
        0.5, 0.25, d.duplicateBatchRate(), d.lateBatchRate());
    ScenarioConfig config = ScenarioConfig.of(8, 3, 42).withStart(Instant.parse("2025-03-28T00:00:00Z")).withNoise(noise);
    Scenario scenario = ScenarioGenerator.generate(config);
    Map<String, List<double[]>> fixesByTag = new HashMap<>();
    scenario.forEachTagTrail((index, tagId, seconds, easting, northing, count) -> {
      List<double[]> fixes = new ArrayList<>(count);
      for (int i = 0; i < count; i++) fixes.add(new double[] {seconds[i] * 1000.0, easting[i], northing[i]});
      fixesByTag.put(tagId, fixes);
    });
    long now = config.end().toEpochMilli();
    LicenceConditionDetector detector = new LicenceConditionDetector(LicenceRule.defaults());
    Map<LicenceEventKind, Integer> reported = new EnumMap<>(LicenceEventKind.class);
    int zonesChecked = 0;
    for (String offender : scenario.zones().stream().map(Zone::offenderId).distinct().sorted().toList()) {
      List<TagAssignment> assignments = scenario.assignments().stream().filter(a -> a.offenderId().equals(offender)).toList();
      OffenderTrail.Builder builder = OffenderTrail.builder(offender).assignments(assignments);
      for (TagAssignment a : assignments) {
        for (double[] f : fixesByTag.getOrDefault(a.tagId(), List.of())) builder.fix(a.tagId(), (long) f[0], f[1], f[2]);
      }
      OffenderTrail trail = builder.build();
      List<BruteForceZoneOracle.Run> runs = BruteForceZoneOracle.runs(offender, assignments, fixesByTag);
      for (Zone zone : scenario.zones().stream().filter(z -> z.offenderId().equals(offender)).toList()) {
        Zone noGrace = new Zone(zone.zoneId(), offender, zone.kind(), zone.schedule(), zone.area(), null, 0, zone.toleranceM());
        Evaluation result = detector.evaluate(trail, List.of(noGrace), config.start(), config.end(), config.end());
        assertThat(result.complete()).isTrue();
        LicenceEventKind kind = zone.kind() == ZoneKind.EXCLUSION ? LicenceEventKind.ZONE_EXCLUSION : LicenceEventKind.CURFEW_BREACH;
        List<LicenceEvent> violations = result.events().stream().filter(e -> e.kind() == kind).toList();
        long from = config.start().toEpochMilli();
        BruteForceZoneOracle.assertAgrees(offender + " " + zone.zoneId(), violations,
            BruteForceZoneOracle.violations(zone, runs, LicenceRule.defaults().maxGap().toMillis(), from, now, STEP_MS),
            STEP_MS, RESOLVABLE_MS);
        if (zone.kind() == ZoneKind.INCLUSION) {
          List<LicenceEvent> noData = result.events().stream().filter(e -> e.kind() == LicenceEventKind.CURFEW_NO_DATA).toList();
          BruteForceZoneOracle.assertAgrees(offender + " " + zone.zoneId() + " no data", noData,
              BruteForceZoneOracle.noData(zone, runs, LicenceRule.defaults().maxGap().toMillis(), now, from, now, STEP_MS),
              STEP_MS, RESOLVABLE_MS);
        }
        // With the zone's own grace: exactly the no-grace episodes that last long enough.
        List<LicenceEvent> graced = detector.evaluate(trail, List.of(zone), config.start(), config.end(), config.end()).events();
        assertThat(graced).containsAll(result.events().stream()
            .filter(e -> e.kind() != kind || e.duration().toMillis() >= zone.graceS() * 1000L).toList());
        for (LicenceEvent e : graced) reported.merge(e.kind(), 1, Integer::sum);
        zonesChecked++;
      }
    }
    assertThat(zonesChecked).isGreaterThanOrEqualTo(4);
    assertThat(reported).as("the scenario's noise yields breaches and curfew gaps").containsKeys(
        LicenceEventKind.CURFEW_BREACH, LicenceEventKind.CURFEW_NO_DATA);
  }
}
