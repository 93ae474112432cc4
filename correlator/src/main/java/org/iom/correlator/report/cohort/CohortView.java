package org.iom.correlator.report.cohort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.iom.correlator.alert.AlertKind;
import org.iom.correlator.match.MatchKind;
import org.iom.correlator.report.ReportView;
import org.iom.correlator.report.cohort.CohortReport.AlertGroup;
import org.iom.ingest.model.Cohort;

/**
 * A cohort report as one audience may see it, like {@link ReportView} for IDIOM. The full view
 * (CLI, analysts) shows everything, including per-offender rows and manager ids. The partner view
 * (SPEC.md role PARTNER: aggregate reports only):
 *
 * <ul>
 *   <li>has no per-offender rows, and caseload rows are labelled {@code manager 1..n} (largest
 *       caseload first, ties by id) instead of manager ids;
 *   <li>hides every count of people, memberships, matches, alerts or caseload {@code n} with
 *       {@code 0 < n < threshold} (zero is shown); crimes cross-referenced is not about the
 *       cohort and is always shown;
 *   <li>hides tag-days and every completeness figure when the tagged-people count is hidden
 *       (they would describe fewer than {@code threshold} people);
 *   <li>secondary: within a group that adds up to a shown total (matches by kind, alerts by
 *       outcome or kind, completeness bands, caseload rows plus unassigned, people by cohort
 *       when they add up) where exactly one member is hidden, the next smallest non-zero member
 *       is hidden too, so the hidden one cannot be recovered by subtraction.
 * </ul>
 *
 * Hidden cells are named by their JSON path ({@code matches.by_kind.GAP}). Immutable, thread-safe.
 */
public final class CohortView {
  private final CohortReport report;
  private final int threshold;
  private final List<ManagerRow> managers;
  private final Set<String> hidden;

  /** One caseload row as this view shows it: the manager id, or {@code manager N} for partners. */
  public record ManagerRow(String label, int offenders) {}

  private CohortView(CohortReport report, int threshold) {
    this.report = report;
    this.threshold = threshold;
    this.managers = managers(report, threshold > 0);
    this.hidden = threshold == 0 ? Set.of() : Set.copyOf(suppress(report, managers, threshold));
  }

  public static CohortView full(CohortReport report) {
    return new CohortView(report, 0);
  }

  /** @param threshold counts below it (and above zero) are hidden; at least 1 */
  public static CohortView partner(CohortReport report, int threshold) {
    if (threshold < 1) throw new IllegalArgumentException("suppression threshold must be at least 1");
    return new CohortView(report, threshold);
  }

  public CohortReport report() {
    return report;
  }

  public boolean partner() {
    return threshold > 0;
  }

  public int threshold() {
    return threshold;
  }

  public boolean hidden(String cell) {
    return hidden.contains(cell);
  }

  public List<String> hiddenCells() {
    return new ArrayList<>(new TreeSet<>(hidden));
  }

  /** How a hidden cell is printed in CSV and HTML, e.g. {@code <5}. */
  public String hiddenText() {
    return "<" + threshold;
  }

  /** A count as text: the number, or {@link #hiddenText()}. */
  public String count(String cell, long n) {
    return hidden(cell) ? hiddenText() : Long.toString(n);
  }

  /** Caseload rows: by manager id (full view) or anonymous, largest first (partner view). */
  public List<ManagerRow> managers() {
    return managers;
  }

  public static String managerCell(String label) {
    return "caseload.by_manager." + label + ".offenders";
  }

  /** The completeness figures hidden together with {@code people.tagged}. */
  public static final List<String> COMPLETENESS_FIGURES = List.of("tagged_hours", "fixes_received", "fixes_expected",
      "percent", "gaps", "gap_hours", "silent_edge_hours");

  private static List<ManagerRow> managers(CohortReport report, boolean anonymous) {
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(report.caseload().byManager().entrySet());
    List<ManagerRow> rows = new ArrayList<>();
    if (!anonymous) {
      for (Map.Entry<String, Integer> e : entries) rows.add(new ManagerRow(e.getKey(), e.getValue()));
      return List.copyOf(rows);
    }
    entries.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    int i = 1;
    for (Map.Entry<String, Integer> e : entries) rows.add(new ManagerRow("manager " + i++, e.getValue()));
    return List.copyOf(rows);
  }

  private static Set<String> suppress(CohortReport r, List<ManagerRow> managers, int t) {
    Set<String> out = new TreeSet<>();
    primary(out, "people.on_scheme", r.people().onScheme(), t);
    primary(out, "people.memberships", r.people().memberships(), t);
    primary(out, "people.tagged", r.people().tagged(), t);
    primary(out, "people.tag_assignments", r.people().tagAssignments(), t);
    Map<String, Integer> cohorts = new LinkedHashMap<>();
    for (Cohort c : Cohort.values()) {
      if (r.people().byCohort().containsKey(c)) cohorts.put("people.by_cohort." + c, r.people().byCohort().get(c));
    }
    group(out, cohorts, t, cohorts.values().stream().mapToInt(Integer::intValue).sum() == r.people().onScheme()
        && !out.contains("people.on_scheme"));
    if (out.contains("people.tagged")) {
      out.add("people.tag_days");
      for (String f : COMPLETENESS_FIGURES) out.add("completeness." + f);
    }
    Map<String, Integer> bands = new LinkedHashMap<>();
    r.completeness().bands().forEach((b, n) -> bands.put("completeness.by_band." + b, n));
    group(out, bands, t, !out.contains("people.tagged"));

    primary(out, "crimes.with_matches", r.crimes().withMatches(), t);
    primary(out, "crimes.offenders_matched", r.crimes().offendersMatched(), t);
    primary(out, "matches.total", r.crimes().matches(), t);
    Map<String, Integer> kinds = new LinkedHashMap<>();
    for (MatchKind k : MatchKind.values()) kinds.put("matches.by_kind." + k, r.crimes().matchesByKind().get(k));
    group(out, kinds, t, !out.contains("matches.total"));

    if (r.alerts().available()) {
      alertGroup(out, "alerts.crime", r.alerts().crime(), t);
      alertGroup(out, "alerts.licence", r.alerts().licence(), t);
      Map<String, Integer> licenceKinds = new LinkedHashMap<>();
      for (Map.Entry<AlertKind, Integer> e : r.alerts().licenceByKind().entrySet()) {
        licenceKinds.put("alerts.licence.by_kind." + e.getKey(), e.getValue());
      }
      group(out, licenceKinds, t, !out.contains("alerts.licence.total"));
    }

    primary(out, "caseload.managers", managers.size(), t);
    Map<String, Integer> caseload = new LinkedHashMap<>();
    for (ManagerRow m : managers) caseload.put(managerCell(m.label()), m.offenders());
    caseload.put("caseload.unassigned", r.caseload().unassigned());
    group(out, caseload, t, !out.contains("people.on_scheme"));
    primary(out, "caseload.without_offender_record", r.caseload().withoutOffenderRecord(), t);
    return out;
  }

  private static void alertGroup(Set<String> out, String prefix, AlertGroup g, int t) {
    primary(out, prefix + ".total", g.total(), t);
    primary(out, prefix + ".withdrawn", g.withdrawn(), t);
    Map<String, Integer> outcomes = new LinkedHashMap<>();
    g.byOutcome().forEach((o, n) -> outcomes.put(prefix + ".by_outcome." + o, n));
    group(out, outcomes, t, !out.contains(prefix + ".total"));
    Map<String, Integer> open = new LinkedHashMap<>();
    open.put(prefix + ".open_new", g.newAlerts());
    open.put(prefix + ".open_acknowledged", g.acknowledged());
    group(out, open, t, !out.contains(prefix + ".by_outcome." + AlertOutcome.STILL_OPEN));
  }

  /** Primary suppression of every member; then, if the total is shown and exactly one member is hidden, one more. */
  private static void group(Set<String> out, Map<String, Integer> members, int t, boolean totalShown) {
    members.forEach((cell, n) -> primary(out, cell, n, t));
    if (!totalShown) return;
    long hiddenMembers = members.keySet().stream().filter(out::contains).count();
    if (hiddenMembers != 1) return;
    members.entrySet().stream()
        .filter(e -> !out.contains(e.getKey()) && e.getValue() > 0)
        .min(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .ifPresent(e -> out.add(e.getKey()));
  }

  private static void primary(Set<String> out, String cell, int n, int t) {
    if (n > 0 && n < t) out.add(cell);
  }
}
