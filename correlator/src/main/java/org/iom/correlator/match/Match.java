package org.iom.correlator.match;

import java.time.Instant;

/**
 * The evidence that one offender is a line of enquiry for one crime (one per crime and
 * offender). Distances are metres on EPSG:27700; instants are UTC. Immutable.
 *
 * @param crimeRef      the crime
 * @param offenderId    the offender the tag was assigned to
 * @param tagId         the tag of the closest approach (PRESENT) or of the nearest gap-edge fix
 *                      (GAP)
 * @param kind          PRESENT or GAP
 * @param closestM      PRESENT: closest approach of the window-restricted trail; GAP: distance of
 *                      the nearest gap-edge fix (within the gap radius) of the gaps overlapping
 *                      the window
 * @param closestAt     when {@code closestM} happened (earliest on ties), to the millisecond; for
 *                      GAP this may lie outside the window
 * @param minutesWithin minutes of window time on segments within the radius (0 for GAP)
 * @param fixesWithin   fixes inside the closed window within the radius (0 for GAP)
 * @param gapMinutes    minutes of window time covered by gaps of the offender's trails
 * @param radiusM       the radius the crime was searched with
 * @param windowFrom    search window start, inclusive ({@code committed_from - buffer})
 * @param windowTo      search window end, inclusive ({@code committed_to + buffer})
 */
public record Match(
    String crimeRef,
    String offenderId,
    String tagId,
    MatchKind kind,
    double closestM,
    Instant closestAt,
    double minutesWithin,
    int fixesWithin,
    double gapMinutes,
    double radiusM,
    Instant windowFrom,
    Instant windowTo) {

  public Match {
    requireText(crimeRef, "crime_ref");
    requireText(offenderId, "offender_id");
    requireText(tagId, "tag_id");
    if (kind == null) throw new IllegalArgumentException("kind is required");
    if (closestAt == null || windowFrom == null || windowTo == null) {
      throw new IllegalArgumentException("closest_at and the window are required");
    }
    requireNonNegative(closestM, "closest_m");
    requireNonNegative(minutesWithin, "minutes_within");
    requireNonNegative(gapMinutes, "gap_minutes");
    requireNonNegative(radiusM, "radius_m");
    if (fixesWithin < 0) throw new IllegalArgumentException("fixes_within must not be negative");
    if (kind == MatchKind.GAP && (minutesWithin != 0 || fixesWithin != 0)) {
      throw new IllegalArgumentException("a GAP match has no time or fixes within the radius");
    }
    if (windowTo.isBefore(windowFrom)) throw new IllegalArgumentException("window ends before it starts");
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException(field + " is required");
  }

  private static void requireNonNegative(double value, String field) {
    if (!(value >= 0) || Double.isInfinite(value)) throw new IllegalArgumentException(field + " must be a finite number >= 0");
  }
}
