package org.iom.correlator.alert;

import java.time.Instant;
import java.util.List;

/** The precondition shared by both stores' licence-alert sync. */
final class LicenceSync {
  private LicenceSync() {}

  static void check(String offenderId, Instant from, Instant to, List<AlertDraft> drafts) {
    if (to.isBefore(from)) throw new IllegalArgumentException("to is before from");
    for (AlertDraft d : drafts) {
      if (d.kind().isCrime()) throw new IllegalArgumentException("a crime alert is not a licence-condition alert: " + d.key());
      if (!d.offenderId().equals(offenderId)) throw new IllegalArgumentException(d.key() + " is not offender " + offenderId + "'s");
    }
  }
}
