package org.iom.correlator.report.cohort;

import java.util.List;
import java.util.Objects;
import org.iom.correlator.alert.Alert;
import org.iom.correlator.match.Match;
import org.iom.ingest.model.CohortMembership;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.Offender;
import org.iom.ingest.model.TagAssignment;

/**
 * Everything a cohort report is computed from except the fixes (which are streamed into a
 * {@link FixTally}). Plain lists, so the calculator needs no database. Lists may hold more than
 * the report needs (all memberships, all assignments, all matches); the calculator selects.
 *
 * @param crimes          crimes to consider for cross-referencing (at least those overlapping the period)
 * @param alerts          stored alerts (crime and licence-condition), empty when not available
 * @param alertsAvailable false when no alert store exists (the batch CLI): alert figures are absent, not zero
 */
public record CohortInputs(
    List<CohortMembership> memberships,
    List<Offender> offenders,
    List<TagAssignment> assignments,
    List<Crime> crimes,
    List<Match> matches,
    List<Alert> alerts,
    boolean alertsAvailable) {
  public CohortInputs {
    memberships = List.copyOf(Objects.requireNonNull(memberships, "memberships"));
    offenders = List.copyOf(Objects.requireNonNull(offenders, "offenders"));
    assignments = List.copyOf(Objects.requireNonNull(assignments, "assignments"));
    crimes = List.copyOf(Objects.requireNonNull(crimes, "crimes"));
    matches = List.copyOf(Objects.requireNonNull(matches, "matches"));
    alerts = List.copyOf(Objects.requireNonNull(alerts, "alerts"));
    if (!alertsAvailable && !alerts.isEmpty()) throw new IllegalArgumentException("alerts given but marked unavailable");
  }
}
