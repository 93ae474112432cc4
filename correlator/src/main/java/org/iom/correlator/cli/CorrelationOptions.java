package org.iom.correlator.cli;

import java.io.IOException;
import java.time.Duration;
import java.time.Period;
import org.iom.correlator.live.CorrelationSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How the running service correlates: the rule, and how much trail history it keeps in memory. */
final class CorrelationOptions {
  @Mixin RuleOptions rule;

  @Option(names = "--hot-days", defaultValue = "92",
      description = "Days of trails (back from start-up) held in memory; older crimes read trails from the store (default ${DEFAULT-VALUE}).")
  long hotDays;

  @Option(names = "--cold-cache-fixes", defaultValue = "20000000",
      description = "Older fixes kept in the cache for matching old crimes, about 28 bytes each (default ${DEFAULT-VALUE}).")
  long coldCacheFixes;

  @Option(names = "--retention-months", defaultValue = "12",
      description = "Months fixes are kept in PostgreSQL; older months are purged (partition drop) except alert evidence (default ${DEFAULT-VALUE}).")
  int retentionMonths;

  CorrelationSettings settings() throws IOException {
    return new CorrelationSettings(rule.rule(), Duration.ofDays(hotDays), coldCacheFixes, Period.ofMonths(retentionMonths));
  }
}
