package org.iom.correlator.match;

/** Why an offender is a line of enquiry for a crime. */
public enum MatchKind {
  /** The trail, restricted to the crime's window, came within the radius of the crime. */
  PRESENT,
  /** Not present, but the tag went dark (a gap) during the window near the crime. */
  GAP
}
