package org.iom.ingest.model;

import java.time.LocalDate;

/**
 * One spell of an offender on a cohort; a person may leave and rejoin, so IDIOM windows belong
 * to the membership. Keyed by {@code (offenderId, cohort, joinedOn)}.
 *
 * @param leftOn the day they left, or null while still on the scheme
 */
public record CohortMembership(String offenderId, Cohort cohort, LocalDate joinedOn, LocalDate leftOn) {
  public CohortMembership {
    offenderId = Require.id(offenderId, "offender_id");
    Require.present(cohort, "cohort");
    Require.present(joinedOn, "joined_on");
    if (leftOn != null && leftOn.isBefore(joinedOn)) {
      throw new IllegalArgumentException("left_on " + leftOn + " is before joined_on " + joinedOn);
    }
  }
}
