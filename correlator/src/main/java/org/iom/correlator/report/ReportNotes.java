package org.iom.correlator.report;

import java.util.ArrayList;
import java.util.List;
import org.iom.correlator.report.IdiomReport.Change;
import org.iom.correlator.report.IdiomReport.WindowSummary;

/**
 * The sentences every format prints beside the figures, so that no exclusion or caveat is
 * silent. Counts in them respect the view's suppression.
 */
final class ReportNotes {
  static final String BASIS = "Proven offences (conviction or caution) placed by offence date; "
      + "no proven-to-actual multiplier applied (figures are proven offending, not estimated actual offending).";

  private ReportNotes() {}

  static List<String> of(ReportView view) {
    IdiomReport r = view.report();
    List<String> notes = new ArrayList<>();
    notes.add(BASIS);
    notes.add("Windows: PRE [joined - 6 months, joined), DURING [joined, min(joined + 6 months, left)), "
        + "POST [left, left + 6 months); calendar months, start inclusive, end exclusive. "
        + "The report date " + r.request().asOf() + " is inclusive.");
    if (r.smallCohort()) {
      notes.add("Small cohort: " + count(view, "cohort_size", r.cohortOffenders()) + " offenders, fewer than "
          + r.request().smallCohortBelow() + "; one serious offence can dominate the totals.");
    }
    WindowSummary post = r.window(WindowKind.POST);
    if (post.provisionalMemberships() > 0) {
      notes.add(count(view, ReportView.windowCell(WindowKind.POST, "provisional_memberships"),
          post.provisionalMemberships())
          + " POST window(s) had not ended by the report date: listed as provisional and excluded from POST totals.");
    }
    if (post.withoutWindow() > 0) {
      notes.add(count(view, ReportView.windowCell(WindowKind.POST, "memberships_without_window"), post.withoutWindow())
          + " membership(s) have no left_on (still on the scheme), so have no POST window.");
    }
    WindowSummary during = r.window(WindowKind.DURING);
    if (during.partialMemberships() > 0) {
      notes.add(count(view, ReportView.windowCell(WindowKind.DURING, "partial_memberships"),
          during.partialMemberships())
          + " DURING window(s) were still running on the report date: counted up to it and marked partial.");
    }
    for (WindowSummary w : r.windows().values()) {
      if (w.convictionsPending() > 0) {
        notes.add(w.kind() + ": " + count(view, ReportView.windowCell(w.kind(), "convictions_pending_memberships"),
            w.convictionsPending()) + " counted window(s) ended less than " + r.request().convictionLagMonths()
            + " months before the report date; convictions for offences in them may still come through.");
      }
      if (w.uncostedOffences() > 0) {
        notes.add(w.kind() + ": " + count(view, ReportView.windowCell(w.kind(), "uncosted_offences"),
            w.uncostedOffences()) + " offence(s) have no unit cost: counted in offences, not in cost.");
      }
    }
    for (Change c : List.of(r.preToPost(), r.preToDuring())) {
      notes.add("PRE to " + c.to() + " compares the same "
          + count(view, ReportView.changeCell(c.to()), c.memberships())
          + " membership(s) on both sides: those whose " + c.to() + " window had ended by the report date.");
    }
    if (!r.overlaps().isEmpty()) {
      notes.add(small(view, r.overlaps().size()) + " offence(s) fall in windows of more than one membership of the same offender "
          + "(rejoiners) and are counted in each; see overlaps.");
    }
    if (!r.excluded().isEmpty()) {
      notes.add(small(view, r.excluded().size()) + " membership(s) join after the report date and are left out.");
    }
    if (r.duplicateOffences() > 0) {
      notes.add(small(view, r.duplicateOffences()) + " identical offence record(s) were counted once.");
    }
    if (r.offencesAfterAsOf() > 0) {
      notes.add(small(view, r.offencesAfterAsOf()) + " offence(s) dated after the report date were ignored.");
    }
    if (view.partner()) {
      notes.add("Partner view: no per-person rows; counts from 1 to " + (view.threshold() - 1)
          + " and figures derived from them are shown as " + view.hiddenText() + " (null in JSON).");
    }
    return notes;
  }

  /** A count that is not a report cell but still describes people: suppressed in the partner view. */
  private static String small(ReportView view, int n) {
    return view.partner() && n > 0 && n < view.threshold() ? view.hiddenText() : Integer.toString(n);
  }

  private static String count(ReportView view, String cell, int n) {
    return view.hidden(cell) ? view.hiddenText() : Integer.toString(n);
  }
}
