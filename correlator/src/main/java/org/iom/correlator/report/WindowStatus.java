package org.iom.correlator.report;

/** Whether a membership's window counts in the window totals, and how. */
public enum WindowStatus {
  /** Ended on or before the report date: counted in full. */
  COMPLETE,
  /** A DURING window still running on the report date: counted up to and including that date. */
  PARTIAL,
  /** A POST window not ended by the report date: listed, not counted. */
  PROVISIONAL,
  /** No such window (POST of a membership without {@code left_on}): not counted. */
  NONE;

  public boolean counted() {
    return this == COMPLETE || this == PARTIAL;
  }
}
