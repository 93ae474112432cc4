package org.iom.correlator.zones;

/** The licence-condition alert kinds of SPEC.md "Alerts" that the detector raises. */
public enum LicenceEventKind {
  /** Inside an exclusion zone while its schedule is active, for at least its grace. */
  ZONE_EXCLUSION,
  /** Farther than the tolerance from an inclusion (curfew) zone while it is active, for at least its grace. */
  CURFEW_BREACH,
  /** Position unknown (a gap longer than max_gap) while a curfew is active. */
  CURFEW_NO_DATA,
  /** An assigned tag sent no fix for at least the silence threshold. */
  TAG_SILENT
}
