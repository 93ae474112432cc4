package org.iom.correlator.report.cohort;

import java.math.BigDecimal;

/** Bands of an offender's data completeness (fixes received / expected), for the aggregate chart. */
public enum CompletenessBand {
  UNDER_50("under 50%"),
  FROM_50_TO_80("50% to under 80%"),
  FROM_80_TO_95("80% to under 95%"),
  FROM_95("95% and over");

  private final String label;

  CompletenessBand(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** @param percent received / expected x 100, unrounded */
  public static CompletenessBand of(BigDecimal percent) {
    if (percent.compareTo(BigDecimal.valueOf(50)) < 0) return UNDER_50;
    if (percent.compareTo(BigDecimal.valueOf(80)) < 0) return FROM_50_TO_80;
    if (percent.compareTo(BigDecimal.valueOf(95)) < 0) return FROM_80_TO_95;
    return FROM_95;
  }
}
