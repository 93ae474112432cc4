package org.iom.correlator.report;

import java.time.LocalDate;
import java.util.Objects;
import org.iom.ingest.model.CohortMembership;

/**
 * A half-open span of calendar days {@code [from, to)}: {@code from} inclusive, {@code to}
 * exclusive. Offences are placed by offence date, which is a local calendar date (no time zone).
 */
public record DateWindow(WindowKind kind, LocalDate from, LocalDate to) {
  /** Six calendar months, added with {@link LocalDate#plusMonths} (31 Aug + 6 months = 28/29 Feb). */
  public static final int MONTHS = 6;

  public DateWindow {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) throw new IllegalArgumentException("window ends " + to + " before it starts " + from);
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(from) && day.isBefore(to);
  }

  /** The last day in the window, or null for an empty window. */
  public LocalDate lastDay() {
    return to.equals(from) ? null : to.minusDays(1);
  }

  public static DateWindow pre(CohortMembership m) {
    return new DateWindow(WindowKind.PRE, m.joinedOn().minusMonths(MONTHS), m.joinedOn());
  }

  /** Ends at six months or on {@code left_on}, whichever is first; empty if they left the day they joined. */
  public static DateWindow during(CohortMembership m) {
    LocalDate sixMonths = m.joinedOn().plusMonths(MONTHS);
    LocalDate end = m.leftOn() != null && m.leftOn().isBefore(sixMonths) ? m.leftOn() : sixMonths;
    return new DateWindow(WindowKind.DURING, m.joinedOn(), end);
  }

  /** Null when the membership has no {@code left_on}. */
  public static DateWindow post(CohortMembership m) {
    if (m.leftOn() == null) return null;
    return new DateWindow(WindowKind.POST, m.leftOn(), m.leftOn().plusMonths(MONTHS));
  }
}
