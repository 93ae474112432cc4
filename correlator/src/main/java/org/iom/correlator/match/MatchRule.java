package org.iom.correlator.match;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.iom.ingest.model.Crime;

/**
 * The tunable parameters of the crime-proximity rule (SPEC.md "Matching rule"). Immutable and
 * thread-safe.
 *
 * <p>Radius precedence for a crime: its own {@code radius_m}, else the override for its offence
 * code, else {@link #radiusM()}.
 *
 * @param radiusM             default search radius, metres on EPSG:27700 (default 100)
 * @param buffer              added before {@code committed_from} and after {@code committed_to}
 *                            to form the closed search window (default 30 min, may be zero)
 * @param maxGap              two consecutive fixes at most this far apart in time form a segment
 *                            (inclusive); further apart they bound a gap (default 10 min)
 * @param gapRadiusM          a gap's edge fix within this many metres of the crime makes a GAP
 *                            match (default 1,000)
 * @param radiusByOffenceCode per-offence-code radius overrides in metres (copied; may be empty)
 */
public record MatchRule(
    double radiusM,
    Duration buffer,
    Duration maxGap,
    double gapRadiusM,
    Map<String, Double> radiusByOffenceCode) {

  public static final double DEFAULT_RADIUS_M = 100;
  public static final Duration DEFAULT_BUFFER = Duration.ofMinutes(30);
  public static final Duration DEFAULT_MAX_GAP = Duration.ofMinutes(10);
  public static final double DEFAULT_GAP_RADIUS_M = 1_000;

  public MatchRule {
    requirePositiveMetres(radiusM, "radius_m");
    requirePositiveMetres(gapRadiusM, "gap_radius_m");
    if (buffer == null || buffer.isNegative()) throw new IllegalArgumentException("buffer must be zero or positive");
    if (maxGap == null || maxGap.isNegative() || maxGap.isZero()) {
      throw new IllegalArgumentException("max_gap must be positive");
    }
    TreeMap<String, Double> copy = new TreeMap<>();
    if (radiusByOffenceCode != null) {
      radiusByOffenceCode.forEach((code, r) -> {
        if (code == null || code.isBlank()) throw new IllegalArgumentException("offence code of a radius override is blank");
        requirePositiveMetres(r == null ? Double.NaN : r, "radius override for offence code " + code);
        copy.put(code.strip(), r);
      });
    }
    radiusByOffenceCode = java.util.Collections.unmodifiableMap(copy);
  }

  /** The rule as SPEC.md states its defaults: 100 m, 30 min, 10 min, 1,000 m, no overrides. */
  public static MatchRule defaults() {
    return new MatchRule(DEFAULT_RADIUS_M, DEFAULT_BUFFER, DEFAULT_MAX_GAP, DEFAULT_GAP_RADIUS_M, Map.of());
  }

  public MatchRule withRadiusM(double metres) {
    return new MatchRule(metres, buffer, maxGap, gapRadiusM, radiusByOffenceCode);
  }

  public MatchRule withBuffer(Duration newBuffer) {
    return new MatchRule(radiusM, newBuffer, maxGap, gapRadiusM, radiusByOffenceCode);
  }

  public MatchRule withMaxGap(Duration newMaxGap) {
    return new MatchRule(radiusM, buffer, newMaxGap, gapRadiusM, radiusByOffenceCode);
  }

  public MatchRule withGapRadiusM(double metres) {
    return new MatchRule(radiusM, buffer, maxGap, metres, radiusByOffenceCode);
  }

  public MatchRule withRadiusOverride(String offenceCode, double metres) {
    Map<String, Double> more = new TreeMap<>(radiusByOffenceCode);
    more.put(offenceCode, metres);
    return new MatchRule(radiusM, buffer, maxGap, gapRadiusM, more);
  }

  /** Radius in metres for this crime: per-crime {@code radius_m} > offence-code override > default. */
  public double radiusFor(Crime crime) {
    if (crime.radiusM() != null) return crime.radiusM();
    Double override = radiusByOffenceCode.get(crime.offenceCode());
    return override != null ? override : radiusM;
  }

  /** {@link #maxGap()} in whole milliseconds (the rule's time resolution). */
  public long maxGapMillis() {
    return maxGap.toMillis();
  }

  private static void requirePositiveMetres(double metres, String field) {
    if (!Double.isFinite(metres) || metres <= 0) throw new IllegalArgumentException(field + " must be a positive number of metres");
  }
}
