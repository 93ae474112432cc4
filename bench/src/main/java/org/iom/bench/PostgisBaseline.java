package org.iom.bench;

import java.util.List;
import org.iom.correlator.match.CrimeMatcher;
import org.iom.correlator.match.MatchRule;
import org.iom.ingest.model.Crime;

final class PostgisBaseline {
  private PostgisBaseline() {}

  static void run(TrailColumns month, List<Crime> crimes, CrimeMatcher index, MatchRule rule, CorrelationBench.Report report) {
    throw new UnsupportedOperationException("todo");
  }
}
