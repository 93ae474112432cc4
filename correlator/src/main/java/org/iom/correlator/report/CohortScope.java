package org.iom.correlator.report;

import java.util.Locale;
import org.iom.ingest.model.Cohort;

/** Which memberships a report covers: one cohort type, or all of them. */
public enum CohortScope {
  FIXED, FLEX, FREE, ALL;

  public boolean includes(Cohort cohort) {
    return this == ALL || name().equals(cohort.name());
  }

  /** Case-insensitive; throws with the accepted values named. */
  public static CohortScope parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("cohort '" + text + "' is not one of FIXED, FLEX, FREE, ALL");
    }
  }
}
