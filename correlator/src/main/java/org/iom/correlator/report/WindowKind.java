package org.iom.correlator.report;

/** The three IDIOM windows of a membership, in time order. */
public enum WindowKind {
  /** {@code [joined - 6 months, joined)}. */
  PRE,
  /** {@code [joined, min(joined + 6 months, left))}; shorter than six months when the person left early. */
  DURING,
  /** {@code [left, left + 6 months)}; absent while the membership has no {@code left_on}. */
  POST
}
