package org.iom.ingest.model;

import java.util.Locale;

/** National Neighbourhood Crime IOM cohorts. */
public enum Cohort {
  FIXED, FLEX, FREE;

  /** Case-insensitive; throws with the accepted values named. */
  public static Cohort parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("cohort '" + text + "' is not one of FIXED, FLEX, FREE");
    }
  }
}
