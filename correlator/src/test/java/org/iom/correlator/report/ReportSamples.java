package org.iom.correlator.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.iom.ingest.model.Cohort;
import org.iom.ingest.model.CohortMembership;
import org.iom.ingest.model.ProvenOffence;

/** A small mixed cohort for the writer tests: 12 offenders, one rejoiner, provisional POST windows. */
final class ReportSamples {
  private ReportSamples() {}

  static final List<CohortMembership> MEMBERSHIPS = new ArrayList<>();
  static final List<ProvenOffence> OFFENCES = new ArrayList<>();

  static {
    String[] codes = {"28E", "28A", "34B", "48", "45", "39", "46", "44", "56A"};
    for (int i = 0; i < 12; i++) {
      String id = "IOM-" + (100 + i);
      LocalDate joined = LocalDate.of(2023, 1, 10).plusDays(20L * i);
      LocalDate left = i % 4 == 3 ? null : joined.plusMonths(5 + i % 5);
      MEMBERSHIPS.add(new CohortMembership(id, i % 3 == 0 ? Cohort.FLEX : Cohort.FIXED, joined, left));
      for (int k = 0; k < 4 + i % 3; k++) {
        OFFENCES.add(new ProvenOffence(id, joined.minusDays(10 + 17L * k), codes[(i + k) % codes.length], null, null));
      }
      if (left != null) OFFENCES.add(new ProvenOffence(id, left.plusDays(40), codes[i % codes.length], null, null));
      OFFENCES.add(new ProvenOffence(id, joined.plusDays(30), "28E", null, null));
    }
    MEMBERSHIPS.add(new CohortMembership("IOM-100", Cohort.FIXED, LocalDate.of(2024, 9, 1), null));
  }

  static IdiomReport report() {
    return new IdiomCalculator(ReferenceData.builtIn()).compute(MEMBERSHIPS, OFFENCES,
        IdiomRequest.of(CohortScope.ALL, LocalDate.of(2024, 3, 31), FinancialYear.parse("2024-25")));
  }
}
