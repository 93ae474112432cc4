package org.iom.correlator.report.cohort;

import org.iom.correlator.alert.AlertStatus;

/** How an alert's review ended, or that it has not: the cohort report's outcome columns. */
public enum AlertOutcome {
  POSITIVE_LINE_OF_ENQUIRY,
  ELIMINATED,
  NO_FURTHER_ACTION,
  /** NEW or ACKNOWLEDGED: not reviewed to an outcome yet. */
  STILL_OPEN;

  public static AlertOutcome of(AlertStatus status) {
    return switch (status) {
      case POSITIVE_LINE_OF_ENQUIRY -> POSITIVE_LINE_OF_ENQUIRY;
      case ELIMINATED -> ELIMINATED;
      case NO_FURTHER_ACTION -> NO_FURTHER_ACTION;
      case NEW, ACKNOWLEDGED -> STILL_OPEN;
    };
  }
}
