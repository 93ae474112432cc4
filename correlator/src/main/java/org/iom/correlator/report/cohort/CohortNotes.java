package org.iom.correlator.report.cohort;

import java.util.ArrayList;
import java.util.List;
import org.iom.correlator.report.cohort.CohortReport.Alerts;

/** The definitions and caveats every format prints beside the figures. Counts respect the view's suppression. */
final class CohortNotes {
  private CohortNotes() {}

  static List<String> of(CohortView view) {
    CohortReport r = view.report();
    CohortRequest q = r.request();
    List<String> notes = new ArrayList<>();
    notes.add("Period: Europe/London calendar days " + q.from() + " to " + q.to().minusDays(1) + " inclusive, i.e. "
        + q.periodStart() + " (inclusive) to " + q.periodEnd() + " (exclusive), UTC.");
    if (q.periodRunning()) {
      notes.add("The period had not ended when the report was made (" + q.generatedAt()
          + "): tag-days, expected fixes and gaps run to then; later data can change every figure.");
    }
    notes.add("On the scheme: offenders with a " + (q.scope().name().equals("ALL") ? "" : q.scope() + " ")
        + "membership whose days [joined_on, left_on) overlap the period. Tag data counts only while they were on "
        + "the scheme and inside the period.");
    notes.add("Tag-days: the summed length of every tag assignment's overlap with its offender's on-scheme time in "
        + "the period, in days of 24 hours (two tags worn at once count twice; a clock-change day counts 23 or 25 "
        + "hours).");
    notes.add("Completeness: fixes received / fixes expected, where expected = tagged time / "
        + q.cadence().toSeconds() + " s (one cadence for every tag; DOMAIN.md: about one fix a minute). Over 100% "
        + "means a tag recorded more often than that.");
    notes.add("Gaps: two consecutive fixes of one assignment more than " + minutes(q) + " min apart (the matching "
        + "rule's max gap); hours in gaps are the part inside the counted time. Time before an assignment's first fix "
        + "or after its last is not a gap; it is shown as silent edge hours when longer than " + minutes(q) + " min.");
    notes.add("Crimes cross-referenced: every crime whose [committed_from, committed_to] meets the period; each is "
        + "compared against every trail. Matches count for offenders on the scheme during the crime. A match is a "
        + "lead for an investigator to check, not proof.");
    Alerts a = r.alerts();
    if (!a.available()) {
      notes.add("Alerts: not available here (no alert store; the batch CLI keeps none), so alert figures are absent, "
          + "not zero.");
    } else {
      notes.add("Crime alerts count like their matches; licence-condition alerts count when they occurred in the "
          + "offender's on-scheme time. Still open = NEW or ACKNOWLEDGED. Withdrawn alerts (late data removed their "
          + "evidence) are counted apart, not in outcomes.");
      if (a.licence().total() == 0 && a.licence().withdrawn() == 0) {
        notes.add("No licence-condition alert in the period: each kind is shown as zero.");
      }
    }
    notes.add("Caseload: offenders on the scheme per manager_id as stored now (not at the time)"
        + (r.caseload().unassigned() > 0 ? "; " + view.count("caseload.unassigned", r.caseload().unassigned())
            + " have no manager" : "") + ".");
    if (view.partner()) {
      notes.add("Partner view: no per-offender rows and no manager ids; counts from 1 to " + (view.threshold() - 1)
          + " and figures derived from them are shown as " + view.hiddenText() + " (null in JSON).");
    }
    return notes;
  }

  /** The max gap in minutes, or in seconds when it is not a whole number of minutes. */
  private static String minutes(CohortRequest q) {
    long s = q.maxGap().toSeconds();
    return s % 60 == 0 ? Long.toString(s / 60) : s + " s, i.e. " + s / 60.0;
  }
}
