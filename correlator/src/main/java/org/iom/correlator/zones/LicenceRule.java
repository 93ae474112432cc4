package org.iom.correlator.zones;

import java.time.Duration;
import org.iom.correlator.match.MatchRule;

/**
 * Parameters of the licence-condition rules that are not properties of a zone (grace and
 * tolerance are per zone). Immutable and thread-safe.
 *
 * @param maxGap      consecutive fixes of one assignment at most this far apart form a segment
 *                    (inclusive); further apart they bound a gap: the same value as the matching
 *                    rule's (default 10 min)
 * @param silentAfter a tag with no fix for at least this long is silent (default 4 h)
 */
public record LicenceRule(Duration maxGap, Duration silentAfter) {
  public static final Duration DEFAULT_SILENT_AFTER = Duration.ofHours(4);

  public LicenceRule {
    if (maxGap == null || maxGap.isNegative() || maxGap.isZero()) throw new IllegalArgumentException("max_gap must be positive");
    if (silentAfter == null || silentAfter.isNegative() || silentAfter.isZero()) {
      throw new IllegalArgumentException("silent_after must be positive");
    }
  }

  /** Max gap 10 min (as {@link MatchRule#DEFAULT_MAX_GAP}), silent after 4 h. */
  public static LicenceRule defaults() {
    return new LicenceRule(MatchRule.DEFAULT_MAX_GAP, DEFAULT_SILENT_AFTER);
  }

  public LicenceRule withMaxGap(Duration value) {
    return new LicenceRule(value, silentAfter);
  }

  public LicenceRule withSilentAfter(Duration value) {
    return new LicenceRule(maxGap, value);
  }
}
