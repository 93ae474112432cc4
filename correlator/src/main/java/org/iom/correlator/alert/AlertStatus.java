package org.iom.correlator.alert;

import java.util.EnumSet;
import java.util.Set;

/**
 * The review workflow: NEW -> ACKNOWLEDGED -> POSITIVE_LINE_OF_ENQUIRY | ELIMINATED |
 * NO_FURTHER_ACTION. The three outcomes are final. No step may be skipped or undone: a wrong
 * outcome is corrected by a new alert review outside this workflow, never by rewriting history.
 */
public enum AlertStatus {
  NEW,
  ACKNOWLEDGED,
  POSITIVE_LINE_OF_ENQUIRY,
  ELIMINATED,
  NO_FURTHER_ACTION;

  public Set<AlertStatus> next() {
    return switch (this) {
      case NEW -> EnumSet.of(ACKNOWLEDGED);
      case ACKNOWLEDGED -> EnumSet.of(POSITIVE_LINE_OF_ENQUIRY, ELIMINATED, NO_FURTHER_ACTION);
      default -> EnumSet.noneOf(AlertStatus.class);
    };
  }

  public boolean isOpen() {
    return this == NEW || this == ACKNOWLEDGED;
  }

  /**
   * @throws IllegalTransitionException when {@code to} does not follow this status
   */
  public void requireCanMoveTo(AlertStatus to) {
    if (!next().contains(to)) {
      throw new IllegalTransitionException("an alert that is " + this + " cannot become " + to
          + (next().isEmpty() ? " (" + this + " is a final outcome)" : "; it can become " + next()));
    }
  }
}
