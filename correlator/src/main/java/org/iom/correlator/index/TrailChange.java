package org.iom.correlator.index;

import java.time.Instant;

/**
 * What an append changed in one tag's trail: every segment and gap that appeared, disappeared or
 * moved lies inside {@code [from, to]} (closed, UTC, millisecond resolution). A crime needs
 * re-matching exactly when its search window intersects this interval (for every offender the
 * tag was assigned to); other crimes' matches are unchanged.
 *
 * @param insertedFixes how many fixes were new (duplicates of stored fixes are not counted)
 */
public record TrailChange(String tagId, Instant from, Instant to, int insertedFixes) {
  public TrailChange {
    if (tagId == null || from == null || to == null || to.isBefore(from)) {
      throw new IllegalArgumentException("a trail change needs a tag and an interval from <= to");
    }
    if (insertedFixes <= 0) throw new IllegalArgumentException("a trail change inserts at least one fix");
  }

  /** True when the closed window {@code [windowFrom, windowTo]} shares an instant with this change. */
  public boolean touches(Instant windowFrom, Instant windowTo) {
    return !windowTo.isBefore(from) && !windowFrom.isAfter(to);
  }
}
