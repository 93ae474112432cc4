package org.iom.ingest.model;

import java.time.LocalDate;

/**
 * A proven offence (conviction or caution) for the IDIOM report; placed in windows by
 * {@code offenceDate}. Identical re-sent rows are duplicates.
 *
 * @param convictionDate optional, or null
 * @param crimeRef       optional link to a reported crime, or null
 */
public record ProvenOffence(
    String offenderId, LocalDate offenceDate, String offenceCode, LocalDate convictionDate, String crimeRef) {
  public ProvenOffence {
    offenderId = Require.id(offenderId, "offender_id");
    Require.present(offenceDate, "offence_date");
    offenceCode = Require.id(offenceCode, "offence_code");
    crimeRef = Require.blankToNull(crimeRef);
    if (convictionDate != null && convictionDate.isBefore(offenceDate)) {
      throw new IllegalArgumentException(
          "conviction_date " + convictionDate + " is before offence_date " + offenceDate);
    }
  }
}
