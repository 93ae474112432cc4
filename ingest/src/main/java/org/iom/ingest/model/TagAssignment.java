package org.iom.ingest.model;

import java.time.Instant;

/**
 * A tag fitted to an offender over {@code [fittedAt, removedAt)}. Fixes of the tag inside that
 * interval are the offender's. Keyed by {@code (tagId, fittedAt)}; assignments of one tag never
 * overlap.
 *
 * @param removedAt when the tag came off (exclusive), or null while it is still fitted
 */
public record TagAssignment(String offenderId, String tagId, Instant fittedAt, Instant removedAt) {
  public TagAssignment {
    offenderId = Require.id(offenderId, "offender_id");
    tagId = Require.id(tagId, "tag_id");
    Require.present(fittedAt, "fitted_at");
    Require.notBefore(removedAt, fittedAt, "removed_at", "fitted_at");
  }

  /** {@code fittedAt <= t < removedAt}. */
  public boolean covers(Instant t) {
    return !t.isBefore(fittedAt) && (removedAt == null || t.isBefore(removedAt));
  }

  /** True when both are of the same tag and their half-open intervals share an instant. */
  public boolean overlaps(TagAssignment other) {
    if (!tagId.equals(other.tagId)) return false;
    boolean otherEndsAfterThisStarts = other.removedAt == null || other.removedAt.isAfter(fittedAt);
    boolean thisEndsAfterOtherStarts = removedAt == null || removedAt.isAfter(other.fittedAt);
    return otherEndsAfterThisStarts && thisEndsAfterOtherStarts;
  }
}
