package org.iom.ingest.format;

import java.util.List;
import org.iom.ingest.model.Cohort;
import org.iom.ingest.model.Offender;

/** Offenders: {@code offender_id}; optional {@code display_name, manager_id, cohort} (FIXED/FLEX/FREE). */
final class OffenderRows extends RowKind<Offender> {
  static final int OFFENDER_ID = 0, DISPLAY_NAME = 1, MANAGER_ID = 2, COHORT = 3;
  static final OffenderRows INSTANCE = new OffenderRows();

  private OffenderRows() {
    super("offenders", List.of("offender_id", "display_name", "manager_id", "cohort"), List.of("offender_id"), false);
  }

  @Override
  RowDecoder<Offender> newDecoder(ReadOptions options) {
    return (row, line, warnings) -> {
      String id = Values.required(row, OFFENDER_ID);
      String cohort = row.get(COHORT);
      return new Offender(id, row.get(DISPLAY_NAME), row.get(MANAGER_ID), cohort == null ? null : Cohort.parse(cohort));
    };
  }
}
