package org.iom.ingest.format;

import java.util.List;
import org.iom.ingest.model.Cohort;
import org.iom.ingest.model.CohortMembership;

/** Cohort memberships: {@code offender_id, cohort, joined_on}; optional {@code left_on} (dates, yyyy-MM-dd). */
final class MembershipRows extends RowKind<CohortMembership> {
  static final int OFFENDER_ID = 0, COHORT = 1, JOINED_ON = 2, LEFT_ON = 3;
  static final MembershipRows INSTANCE = new MembershipRows();

  private MembershipRows() {
    super("cohort memberships", List.of("offender_id", "cohort", "joined_on", "left_on"),
        List.of("offender_id", "cohort", "joined_on"), false);
  }

  @Override
  RowDecoder<CohortMembership> newDecoder(ReadOptions options) {
    return (row, line, warnings) -> new CohortMembership(
        Values.required(row, OFFENDER_ID),
        Cohort.parse(Values.required(row, COHORT)),
        Values.requiredDate(row, JOINED_ON),
        Values.optionalDate(row, LEFT_ON));
  }
}
