package org.iom.correlator.alert;

import java.util.Objects;

/** Whether a draft would change a stored alert (kind, time or evidence). */
final class AlertChange {
  private AlertChange() {}

  static boolean sameEvidence(Alert stored, AlertDraft draft) {
    return stored.kind() == draft.kind()
        && stored.occurredAt().equals(draft.occurredAt())
        && Objects.equals(stored.evidence(), draft.evidence());
  }
}
