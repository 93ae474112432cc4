package org.iom.correlator.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.iom.correlator.match.MatchRule;
import picocli.CommandLine.Option;

/** The matching rule's parameters, shared by {@code correlate}, {@code serve} and {@code demo}. */
final class RuleOptions {
  @Option(names = "--radius", defaultValue = "100", description = "Default radius in metres (default ${DEFAULT-VALUE}).")
  double radiusM;

  @Option(names = "--buffer", defaultValue = "30", description = "Window buffer in minutes either side (default ${DEFAULT-VALUE}).")
  long bufferMinutes;

  @Option(names = "--max-gap", defaultValue = "10", description = "Longest interval in minutes that is a segment, not a gap (default ${DEFAULT-VALUE}).")
  long maxGapMinutes;

  @Option(names = "--gap-radius", defaultValue = "1000", description = "Gap-edge radius in metres for GAP matches (default ${DEFAULT-VALUE}).")
  double gapRadiusM;

  @Option(names = "--radius-table", paramLabel = "FILE",
      description = "CSV offence_code,radius_m: per-offence-code radius overrides (a crime's own radius_m still wins).")
  Path radiusTable;

  /**
   * @throws IllegalArgumentException for a value the rule refuses
   * @throws IOException              when the radius table cannot be read
   */
  MatchRule rule() throws IOException {
    MatchRule rule = MatchRule.defaults()
        .withRadiusM(radiusM)
        .withBuffer(Duration.ofMinutes(bufferMinutes))
        .withMaxGap(Duration.ofMinutes(maxGapMinutes))
        .withGapRadiusM(gapRadiusM);
    if (radiusTable != null) {
      for (RadiusOverride o : RadiusOverride.read(radiusTable)) rule = rule.withRadiusOverride(o.offenceCode(), o.radiusM());
    }
    return rule;
  }
}
