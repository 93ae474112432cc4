package org.iom.correlator.alert;

/** SPEC.md's alert kinds. */
public enum AlertKind {
  CRIME_PROXIMITY,
  CRIME_GAP,
  ZONE_EXCLUSION,
  CURFEW_BREACH,
  CURFEW_NO_DATA,
  TAG_SILENT;

  /** Raised by a crime match, as opposed to a licence condition. */
  public boolean isCrime() {
    return this == CRIME_PROXIMITY || this == CRIME_GAP;
  }
}
