package org.iom.correlator.report.cohort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.iom.correlator.match.MatchRule;
import org.iom.correlator.report.CohortScope;

/**
 * What a cohort report covers and how it measures tag data.
 *
 * <p>The period is a span of <b>Europe/London calendar days</b> {@code [from, to)}: it starts at
 * local midnight of {@code from} and ends at local midnight of {@code to} (exclusive), converted
 * to UTC instants ({@link #periodStart()}, {@link #periodEnd()}). So March 2025 is
 * {@code from=2025-03-01, to=2025-04-01}, 2025-03-01T00:00Z to 2025-03-31T23:00Z, 743 hours
 * (clocks go forward on 30 March). Memberships are dates and compare with the dates directly.
 *
 * <p>Time-based measures (tag-days, expected fixes, gaps) stop at {@link #countedEnd()}, the
 * earlier of the period end and {@code generatedAt}: the future has no tag data to miss.
 *
 * @param from        first day, inclusive (Europe/London)
 * @param to          day after the last, exclusive; after {@code from}
 * @param generatedAt when the report is made, UTC
 * @param cadence     interval at which a tag is expected to record fixes (default 60 s,
 *                    DOMAIN.md "about once a minute"); the same for every tag
 * @param maxGap      consecutive fixes further apart than this bound a gap (the matching rule's
 *                    {@code max_gap}, default 10 min); exactly {@code maxGap} apart is no gap
 */
public record CohortRequest(
    CohortScope scope, LocalDate from, LocalDate to, Instant generatedAt, Duration cadence, Duration maxGap) {
  public static final ZoneId LONDON = ZoneId.of("Europe/London");
  public static final Duration DEFAULT_CADENCE = Duration.ofSeconds(60);

  public CohortRequest {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(cadence, "cadence");
    Objects.requireNonNull(maxGap, "maxGap");
    if (!to.isAfter(from)) throw new IllegalArgumentException("to " + to + " must be after from " + from);
    if (cadence.isNegative() || cadence.isZero()) throw new IllegalArgumentException("cadence must be positive");
    if (maxGap.isNegative() || maxGap.isZero()) throw new IllegalArgumentException("max_gap must be positive");
  }

  /** The defaults: 60 s cadence, the matching rule's default 10 min max gap. */
  public static CohortRequest of(CohortScope scope, LocalDate from, LocalDate to, Instant generatedAt) {
    return new CohortRequest(scope, from, to, generatedAt, DEFAULT_CADENCE, MatchRule.DEFAULT_MAX_GAP);
  }

  /** Local midnight starting {@code from}, UTC. */
  public Instant periodStart() {
    return from.atStartOfDay(LONDON).toInstant();
  }

  /** Local midnight starting {@code to}, UTC; exclusive. */
  public Instant periodEnd() {
    return to.atStartOfDay(LONDON).toInstant();
  }

  /** Where time-based measures stop: the period end, or {@code generatedAt} if earlier (never before the start). */
  public Instant countedEnd() {
    Instant end = periodEnd();
    if (generatedAt.isBefore(end)) end = generatedAt;
    return end.isBefore(periodStart()) ? periodStart() : end;
  }

  /** True when the report was made before the period ended: time-based figures are partial. */
  public boolean periodRunning() {
    return generatedAt.isBefore(periodEnd());
  }
}
