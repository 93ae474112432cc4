package org.iom.correlator.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iom.ingest.model.CohortMembership;

/**
 * An IDIOM cost-of-crime report: what a cohort's proven offending cost before, during and after
 * the scheme. All money is pounds sterling at {@link IdiomRequest#priceYear()} prices, held to
 * {@link GdpDeflators#PRECISION} and rounded only by the writers. Immutable.
 *
 * <p>Window totals sum over memberships (see docs/idiom.md): an offence inside windows of two
 * memberships of one offender counts in both, and is listed in {@link #overlaps()}.
 *
 * @param cohortOffenders    distinct offenders with a membership in scope that joined by the report date
 * @param cohortMemberships  memberships in scope that joined by the report date
 * @param windows            PRE, DURING, POST summaries, in that order
 * @param memberships        one row per membership in scope, sorted by offender, joined date, cohort
 * @param provisional        POST windows not ended by the report date (not counted)
 * @param excluded           memberships in scope left out entirely, with the reason
 * @param duplicateOffences  identical offence records dropped (re-sent rows)
 * @param offencesAfterAsOf  offences of cohort offenders dated after the report date, ignored
 */
public record IdiomReport(
    IdiomRequest request,
    ReferenceData reference,
    int cohortOffenders,
    int cohortMemberships,
    boolean smallCohort,
    Map<WindowKind, WindowSummary> windows,
    Change preToPost,
    Change preToDuring,
    List<MembershipRow> memberships,
    List<ProvisionalWindow> provisional,
    List<ExcludedMembership> excluded,
    List<Overlap> overlaps,
    int duplicateOffences,
    int offencesAfterAsOf) {
  public IdiomReport {
    windows = byKind(windows);
    memberships = List.copyOf(memberships);
    provisional = List.copyOf(provisional);
    excluded = List.copyOf(excluded);
    overlaps = List.copyOf(overlaps);
  }

  private static <V> Map<WindowKind, V> byKind(Map<WindowKind, V> values) {
    Map<WindowKind, V> copy = new EnumMap<>(WindowKind.class);
    copy.putAll(values);
    return Collections.unmodifiableMap(copy);
  }

  public WindowSummary window(WindowKind kind) {
    return windows.get(kind);
  }

  /**
   * Totals of one window over the memberships whose window of this kind is counted.
   *
   * @param memberships            memberships whose window is counted (COMPLETE or PARTIAL)
   * @param offenders              distinct offenders among them
   * @param offendersWithOffences  distinct offenders with at least one offence in the window
   * @param offences               all proven offences in counted windows, costed or not
   * @param byCategory             costed offences by cost category, sorted by name
   * @param uncostedByCode         uncosted offences by offence code, sorted by code
   * @param partialMemberships     counted windows still running on the report date (DURING only)
   * @param provisionalMemberships POST windows not ended by the report date, not counted
   * @param withoutWindow          memberships without this window (POST without {@code left_on})
   * @param convictionsPending     counted windows that ended within the conviction lag
   */
  public record WindowSummary(
      WindowKind kind,
      int memberships,
      int offenders,
      int offendersWithOffences,
      int offences,
      int uncostedOffences,
      BigDecimal costGbp,
      Map<String, CategoryTotal> byCategory,
      Map<String, UncostedTotal> uncostedByCode,
      int partialMemberships,
      int provisionalMemberships,
      int withoutWindow,
      int convictionsPending) {
    public WindowSummary {
      byCategory = Collections.unmodifiableMap(new TreeMap<>(byCategory));
      uncostedByCode = Collections.unmodifiableMap(new TreeMap<>(uncostedByCode));
    }

    public int costedOffences() {
      return offences - uncostedOffences;
    }

    /** Cost divided by all offences (costed or not), as in DOMAIN.md's check; empty with no offences. */
    public Optional<BigDecimal> costPerOffence() {
      if (offences == 0) return Optional.empty();
      return Optional.of(costGbp.divide(BigDecimal.valueOf(offences), GdpDeflators.PRECISION));
    }
  }

  public record CategoryTotal(String category, int offences, BigDecimal costGbp) {}

  /** @param reason why these offences carry no cost; the same for every offence of one code */
  public record UncostedTotal(String offenceCode, String label, String reason, int offences) {}

  /**
   * A before/after comparison over the same memberships on both sides: only those whose later
   * window has ended by the report date.
   *
   * @param percent {@code (to - from) / from * 100}, negative for a reduction; empty when
   *                {@code from} costs nothing
   */
  public record Change(
      WindowKind from,
      WindowKind to,
      int memberships,
      int fromOffences,
      int toOffences,
      BigDecimal fromCostGbp,
      BigDecimal toCostGbp,
      BigDecimal changeGbp,
      Optional<BigDecimal> percent) {}

  public record MembershipRow(CohortMembership membership, Map<WindowKind, MembershipWindow> windows) {
    public MembershipRow {
      windows = byKind(windows);
    }
  }

  /**
   * One window of one membership.
   *
   * @param window  the dates, or null for {@link WindowStatus#NONE}
   * @param note    why it is partial, provisional or absent; "" when complete
   * @param costGbp zero unless counted
   */
  public record MembershipWindow(
      WindowKind kind,
      DateWindow window,
      WindowStatus status,
      String note,
      int offences,
      int uncostedOffences,
      BigDecimal costGbp,
      boolean convictionsPending) {}

  public record ProvisionalWindow(CohortMembership membership, DateWindow window, String reason) {}

  public record ExcludedMembership(CohortMembership membership, String reason) {}

  /**
   * One offence counted in more than one window because an offender's memberships overlap.
   *
   * @param windows e.g. {@code POST of FIXED joined 2023-01-10}, in membership order
   */
  public record Overlap(String offenderId, LocalDate offenceDate, String offenceCode, List<String> windows) {
    public Overlap {
      windows = List.copyOf(windows);
    }
  }
}
