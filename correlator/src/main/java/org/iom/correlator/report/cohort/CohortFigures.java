package org.iom.correlator.report.cohort;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Display rounding for the cohort writers: hours, days, expected fixes and percentages to 2 dp, half-up. */
final class CohortFigures {
  private CohortFigures() {}

  static BigDecimal hours(long ms) {
    return BigDecimal.valueOf(ms).divide(BigDecimal.valueOf(CohortReport.HOUR_MS), 2, RoundingMode.HALF_UP);
  }

  static BigDecimal days(long ms) {
    return BigDecimal.valueOf(ms).divide(BigDecimal.valueOf(CohortReport.DAY_MS), 2, RoundingMode.HALF_UP);
  }

  static BigDecimal twoDp(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }
}
