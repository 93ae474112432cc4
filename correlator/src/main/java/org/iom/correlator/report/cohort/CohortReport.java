package org.iom.correlator.report.cohort;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.iom.correlator.alert.AlertKind;
import org.iom.correlator.match.MatchKind;
import org.iom.ingest.model.Cohort;

/**
 * A cohort report: who was on the scheme in a period, how well their tags reported, which crimes
 * were cross-referenced against their trails, what that produced and what reviewers made of it.
 * Definitions are in docs/cohort-report.md and on {@link Coverage} and {@link FixTally}. Durations
 * are held in milliseconds and rounded only by the writers. Immutable.
 *
 * @param offenders one row per offender on the scheme, sorted by id (the full view shows them)
 */
public record CohortReport(
    CohortRequest request,
    People people,
    Completeness completeness,
    Crimes crimes,
    Alerts alerts,
    Caseload caseload,
    List<OffenderRow> offenders) {
  /** Precision of derived ratios (16 digits); writers round to 2 dp. */
  public static final MathContext PRECISION = MathContext.DECIMAL64;
  static final long DAY_MS = 86_400_000L;
  static final long HOUR_MS = 3_600_000L;

  public CohortReport {
    offenders = List.copyOf(offenders);
  }

  /**
   * @param onScheme       distinct offenders with a membership in scope overlapping the period
   * @param memberships    those memberships
   * @param byCohort       distinct offenders per cohort (one person may be in two)
   * @param tagged         offenders on the scheme with a tag fitted during their on-scheme time
   * @param tagAssignments assignments with a piece in the period
   * @param taggedMs       sum over pieces of their length: tag-days x 86,400,000
   */
  public record People(int onScheme, int memberships, Map<Cohort, Integer> byCohort, int tagged, int tagAssignments,
      long taggedMs) {
    public People {
      byCohort = unmodifiable(new EnumMap<>(Cohort.class), byCohort);
    }

    /** Tagged time in days of 24 hours (a 23-hour clock-change day counts 23/24). */
    public BigDecimal tagDays() {
      return BigDecimal.valueOf(taggedMs).divide(BigDecimal.valueOf(DAY_MS), PRECISION);
    }
  }

  /**
   * @param received fixes received inside pieces
   * @param expected tagged time / cadence
   * @param percent  received / expected x 100; empty when nothing was expected
   * @param bands    tagged offenders by their own completeness
   */
  public record Completeness(long received, BigDecimal expected, Optional<BigDecimal> percent, int gaps, long gapMs,
      long silentMs, Map<CompletenessBand, Integer> bands) {
    public Completeness {
      bands = unmodifiable(new EnumMap<>(CompletenessBand.class), bands);
    }
  }

  /**
   * @param crossReferenced  crimes whose {@code [committed_from, committed_to]} overlaps the period:
   *                         every one is compared against every trail
   * @param withMatches      of those, crimes with a counted match
   * @param offendersMatched distinct offenders with a counted match
   * @param matchesByKind    counted matches (offender on the scheme during the crime), PRESENT and GAP
   */
  public record Crimes(int crossReferenced, int withMatches, int offendersMatched, Map<MatchKind, Integer> matchesByKind) {
    public Crimes {
      matchesByKind = unmodifiable(new EnumMap<>(MatchKind.class), matchesByKind);
    }

    public int matches() {
      return matchesByKind.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /**
   * @param available     false when there is no alert store (batch CLI): every figure is absent
   * @param crime         CRIME_PROXIMITY and CRIME_GAP alerts counted like matches
   * @param licence       licence-condition alerts that occurred in an offender's on-scheme time
   * @param licenceByKind licence alerts (not withdrawn) by kind; every licence kind present, zero if none
   */
  public record Alerts(boolean available, AlertGroup crime, AlertGroup licence, Map<AlertKind, Integer> licenceByKind) {
    public Alerts {
      licenceByKind = unmodifiable(new EnumMap<>(AlertKind.class), licenceByKind);
    }
  }

  /**
   * Alerts of one group. Withdrawn alerts (late data removed their evidence) are counted apart
   * and not in the outcomes.
   *
   * @param total     alerts not withdrawn: the sum of {@code byOutcome}
   * @param byOutcome every outcome present, zero if none
   */
  public record AlertGroup(int total, Map<AlertOutcome, Integer> byOutcome, int newAlerts, int acknowledged,
      int withdrawn) {
    public AlertGroup {
      byOutcome = unmodifiable(new EnumMap<>(AlertOutcome.class), byOutcome);
    }
  }

  /**
   * Offenders on the scheme per {@code manager_id} (the manager stored now, not at the time).
   *
   * @param byManager             sorted by manager id
   * @param unassigned            offenders on the scheme with no manager
   * @param withoutOffenderRecord of the unassigned, those with no offender record at all
   */
  public record Caseload(SortedMap<String, Integer> byManager, int unassigned, int withoutOffenderRecord) {
    public Caseload {
      byManager = Collections.unmodifiableSortedMap(new TreeMap<>(byManager));
    }
  }

  /** One offender on the scheme (full view only). */
  public record OffenderRow(String offenderId, String managerId, Set<Cohort> cohorts, List<String> tags, long taggedMs,
      long received, BigDecimal expected, Optional<BigDecimal> percent, int gaps, long gapMs, long silentMs,
      int matchesPresent, int matchesGap, int crimeAlerts, int positiveLines, int licenceAlerts) {
    public OffenderRow {
      cohorts = Set.copyOf(cohorts);
      tags = List.copyOf(tags);
    }
  }

  private static <K extends Enum<K>> Map<K, Integer> unmodifiable(EnumMap<K, Integer> copy, Map<K, Integer> values) {
    copy.putAll(values);
    return Collections.unmodifiableMap(copy);
  }
}
