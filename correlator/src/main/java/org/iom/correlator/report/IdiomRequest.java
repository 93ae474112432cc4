package org.iom.correlator.report;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to report.
 *
 * @param asOf                the report date, <b>inclusive</b>: offences dated on or before it
 *                            count; a window has ended when its last day is on or before it
 * @param priceYear           financial year whose prices all costs are uplifted to
 * @param smallCohortBelow    a cohort with fewer distinct offenders than this is flagged (default 10)
 * @param convictionLagMonths a counted window that ended less than this many months before the
 *                            report date is marked "convictions may still come through" (default
 *                            6, as in MoJ proven-reoffending statistics); marking only, still counted
 */
public record IdiomRequest(
    CohortScope scope, LocalDate asOf, FinancialYear priceYear, int smallCohortBelow, int convictionLagMonths) {
  public static final int DEFAULT_SMALL_COHORT_BELOW = 10;
  public static final int DEFAULT_CONVICTION_LAG_MONTHS = 6;

  public IdiomRequest {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(priceYear, "priceYear");
    if (smallCohortBelow < 0) throw new IllegalArgumentException("smallCohortBelow must not be negative");
    if (convictionLagMonths < 0) throw new IllegalArgumentException("convictionLagMonths must not be negative");
  }

  public static IdiomRequest of(CohortScope scope, LocalDate asOf, FinancialYear priceYear) {
    return new IdiomRequest(scope, asOf, priceYear, DEFAULT_SMALL_COHORT_BELOW, DEFAULT_CONVICTION_LAG_MONTHS);
  }
}
