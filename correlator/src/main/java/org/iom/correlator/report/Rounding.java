package org.iom.correlator.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Display rounding, applied by writers only: pounds to pence, percentages to two decimals, both
 * half-up (the convention of published tables). Computation never rounds below
 * {@link GdpDeflators#PRECISION}.
 */
public final class Rounding {
  private Rounding() {}

  public static BigDecimal pence(BigDecimal gbp) {
    return gbp.setScale(2, RoundingMode.HALF_UP);
  }

  public static BigDecimal percent(BigDecimal percent) {
    return percent.setScale(2, RoundingMode.HALF_UP);
  }

  /** Whole percent, for the headline ("a 76% reduction"). */
  public static BigDecimal wholePercent(BigDecimal percent) {
    return percent.setScale(0, RoundingMode.HALF_UP);
  }

  /** Uplift factors: six decimals, as DOMAIN.md quotes them (1.340835). */
  public static BigDecimal factor(BigDecimal factor) {
    return factor.setScale(6, RoundingMode.HALF_UP);
  }
}
