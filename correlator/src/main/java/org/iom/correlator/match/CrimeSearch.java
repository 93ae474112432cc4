package org.iom.correlator.match;

import java.time.Instant;
import org.iom.ingest.model.Crime;

/**
 * A crime resolved against a {@link MatchRule}: where (EPSG:27700 metres), how far, and when, in
 * the primitive units the matchers compute with. Times are epoch milliseconds UTC (sub-millisecond
 * parts of the crime's instants are dropped, as they are for fixes). Immutable.
 *
 * @param fromMillis  window start, inclusive: {@code committed_from - buffer}
 * @param toMillis    window end, inclusive: {@code committed_to + buffer}
 * @param maxGapMillis consecutive fixes at most this far apart form a segment
 * @param target      what distances are measured to (the point at easting/northing for a crime)
 * @param extentM     how far the target reaches from easting/northing (0 for a point): index
 *                    filters widen their radii by it
 */
public record CrimeSearch(
    String crimeRef,
    double easting,
    double northing,
    double radiusM,
    double gapRadiusM,
    long fromMillis,
    long toMillis,
    long maxGapMillis,
    SearchTarget target,
    double extentM) {

  /** A search around a point. */
  public CrimeSearch(String crimeRef, double easting, double northing, double radiusM, double gapRadiusM,
      long fromMillis, long toMillis, long maxGapMillis) {
    this(crimeRef, easting, northing, radiusM, gapRadiusM, fromMillis, toMillis, maxGapMillis,
        SearchTarget.point(easting, northing), 0);
  }

  public CrimeSearch {
    if (crimeRef == null || crimeRef.isBlank()) throw new IllegalArgumentException("crime_ref is required");
    if (!Double.isFinite(easting) || !Double.isFinite(northing)) throw new IllegalArgumentException("crime location must be finite");
    if (!(radiusM > 0) || !(gapRadiusM > 0)) throw new IllegalArgumentException("radii must be positive");
    if (toMillis < fromMillis) throw new IllegalArgumentException("window ends before it starts");
    if (maxGapMillis <= 0) throw new IllegalArgumentException("max gap must be positive");
    if (target == null) throw new IllegalArgumentException("a search needs a target");
    if (!(extentM >= 0) || Double.isInfinite(extentM)) throw new IllegalArgumentException("extent must be finite and >= 0");
  }

  /**
   * The same crime rule around another target (an enquiry's polygon): the crime's location should
   * be the target's centre and {@code extentM} the farthest the target reaches from it.
   */
  public static CrimeSearch of(Crime crime, MatchRule rule, SearchTarget target, double extentM) {
    CrimeSearch point = of(crime, rule);
    return new CrimeSearch(point.crimeRef, point.easting, point.northing, point.radiusM, point.gapRadiusM,
        point.fromMillis, point.toMillis, point.maxGapMillis, target, extentM);
  }

  public static CrimeSearch of(Crime crime, MatchRule rule) {
    long buffer = rule.buffer().toMillis();
    return new CrimeSearch(
        crime.crimeRef(),
        crime.location().easting(),
        crime.location().northing(),
        rule.radiusFor(crime),
        rule.gapRadiusM(),
        crime.committedFrom().toEpochMilli() - buffer,
        crime.committedTo().toEpochMilli() + buffer,
        rule.maxGapMillis());
  }

  public Instant windowFrom() {
    return Instant.ofEpochMilli(fromMillis);
  }

  public Instant windowTo() {
    return Instant.ofEpochMilli(toMillis);
  }
}
