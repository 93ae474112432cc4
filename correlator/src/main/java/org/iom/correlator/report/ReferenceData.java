package org.iom.correlator.report;

import java.util.Objects;

/**
 * The three replaceable tables a report is priced with. Each is printed in the report so a reader
 * can check the arithmetic. Immutable and thread-safe.
 */
public record ReferenceData(CostScheme costScheme, OffenceMap offenceMap, GdpDeflators deflators) {
  public ReferenceData {
    Objects.requireNonNull(costScheme, "costScheme");
    Objects.requireNonNull(offenceMap, "offenceMap");
    Objects.requireNonNull(deflators, "deflators");
  }

  /** The shipped tables: HO2018 unit costs, the HOCR acquisitive-crime map, March 2026 deflators. */
  public static ReferenceData builtIn() {
    return new ReferenceData(CostScheme.builtIn(), OffenceMap.builtIn(), GdpDeflators.builtIn());
  }
}
