package org.iom.correlator.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.iom.correlator.report.IdiomReport.Change;
import org.iom.correlator.report.IdiomReport.WindowSummary;

/**
 * A report as one audience may see it. The full view shows everything, including per-membership
 * rows with offender identifiers. The partner view (SPEC.md role PARTNER: aggregate reports
 * only) drops every per-person row and suppresses small cells:
 *
 * <ul>
 *   <li>primary: a count {@code n} with {@code 0 < n < threshold} is hidden (zero is shown);
 *   <li>a cost is hidden whenever the offence count it is made of is hidden (cost = count x unit
 *       cost would reveal it);
 *   <li>secondary: where a window's categories plus its uncosted count add up to a shown total
 *       and exactly one of them is hidden, the next smallest non-zero one is hidden too, so it
 *       cannot be recovered by subtraction (likewise uncosted codes within the uncosted total);
 *   <li>a PRE-to-later change is hidden when its memberships or either side's offences are a
 *       small non-zero number.
 * </ul>
 *
 * Limitation (docs/idiom.md): shown costs together with the published unit costs can still
 * narrow down a hidden count; this is a guard against reading small numbers off the page, not
 * a full statistical disclosure control.
 *
 * Hidden cells are named by their JSON path, e.g. {@code windows.POST.by_category.arson.offences}.
 * Immutable and thread-safe.
 */
public final class ReportView {
  public static final int DEFAULT_THRESHOLD = 5;

  private final IdiomReport report;
  private final int threshold;
  private final Set<String> hidden;

  private ReportView(IdiomReport report, int threshold) {
    this.report = report;
    this.threshold = threshold;
    this.hidden = threshold == 0 ? Set.of() : Set.copyOf(suppress(report, threshold));
  }

  public static ReportView full(IdiomReport report) {
    return new ReportView(report, 0);
  }

  /** @param threshold counts below it (and above zero) are hidden; at least 1 */
  public static ReportView partner(IdiomReport report, int threshold) {
    if (threshold < 1) throw new IllegalArgumentException("suppression threshold must be at least 1");
    return new ReportView(report, threshold);
  }

  public IdiomReport report() {
    return report;
  }

  /** True for the partner view: no per-person rows, small cells hidden. */
  public boolean partner() {
    return threshold > 0;
  }

  public int threshold() {
    return threshold;
  }

  public boolean hidden(String cell) {
    return hidden.contains(cell);
  }

  /** Sorted. */
  public List<String> hiddenCells() {
    return new ArrayList<>(new TreeSet<>(hidden));
  }

  /** How a hidden cell is printed in CSV and HTML, e.g. {@code <5}. */
  public String hiddenText() {
    return "<" + threshold;
  }

  public static String windowCell(WindowKind kind, String field) {
    return "windows." + kind + "." + field;
  }

  public static String categoryCell(WindowKind kind, String category, String field) {
    return "windows." + kind + ".by_category." + category + "." + field;
  }

  public static String uncostedCell(WindowKind kind, String code) {
    return "windows." + kind + ".uncosted_by_code." + code + ".offences";
  }

  public static String changeCell(WindowKind later) {
    return "change.pre_to_" + later.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static Set<String> suppress(IdiomReport report, int t) {
    Set<String> out = new TreeSet<>();
    primary(out, "cohort_size", report.cohortOffenders(), t);
    primary(out, "cohort_memberships", report.cohortMemberships(), t);
    for (WindowSummary w : report.windows().values()) {
      WindowKind k = w.kind();
      primary(out, windowCell(k, "memberships"), w.memberships(), t);
      primary(out, windowCell(k, "offenders"), w.offenders(), t);
      primary(out, windowCell(k, "offenders_with_offences"), w.offendersWithOffences(), t);
      primary(out, windowCell(k, "offences"), w.offences(), t);
      primary(out, windowCell(k, "costed_offences"), w.costedOffences(), t);
      primary(out, windowCell(k, "uncosted_offences"), w.uncostedOffences(), t);
      primary(out, windowCell(k, "partial_memberships"), w.partialMemberships(), t);
      primary(out, windowCell(k, "provisional_memberships"), w.provisionalMemberships(), t);
      primary(out, windowCell(k, "memberships_without_window"), w.withoutWindow(), t);
      primary(out, windowCell(k, "convictions_pending_memberships"), w.convictionsPending(), t);
      if (out.contains(windowCell(k, "offences"))) {
        out.add(windowCell(k, "cost_gbp"));
        out.add(windowCell(k, "cost_per_offence_gbp"));
      }
      if (out.contains(windowCell(k, "costed_offences"))) out.add(windowCell(k, "cost_gbp"));

      Map<String, Integer> group = new java.util.LinkedHashMap<>();
      w.byCategory().forEach((c, total) -> group.put(categoryCell(k, c, "offences"), total.offences()));
      group.put(windowCell(k, "uncosted_offences"), w.uncostedOffences());
      group.forEach((cell, n) -> primary(out, cell, n, t));
      complement(out, group, out.contains(windowCell(k, "offences")));

      Map<String, Integer> codes = new java.util.LinkedHashMap<>();
      w.uncostedByCode().forEach((code, total) -> codes.put(uncostedCell(k, code), total.offences()));
      if (out.contains(windowCell(k, "uncosted_offences"))) {
        out.addAll(codes.keySet()); // shown codes would add up to a hidden total
      } else {
        codes.forEach((cell, n) -> primary(out, cell, n, t));
        complement(out, codes, false);
      }

      for (String c : w.byCategory().keySet()) {
        if (out.contains(categoryCell(k, c, "offences"))) out.add(categoryCell(k, c, "cost_gbp"));
      }
    }
    for (Change c : List.of(report.preToPost(), report.preToDuring())) {
      if (small(c.memberships(), t) || small(c.fromOffences(), t) || small(c.toOffences(), t)) {
        out.add(changeCell(c.to()));
      }
    }
    return out;
  }

  private static void primary(Set<String> out, String cell, int n, int t) {
    if (small(n, t)) out.add(cell);
  }

  private static boolean small(int n, int t) {
    return n > 0 && n < t;
  }

  /** If exactly one member of a group with a shown total is hidden, hide the smallest other non-zero one. */
  private static void complement(Set<String> out, Map<String, Integer> group, boolean totalHidden) {
    if (totalHidden) return;
    long hiddenMembers = group.keySet().stream().filter(out::contains).count();
    if (hiddenMembers != 1) return;
    group.entrySet().stream()
        .filter(e -> !out.contains(e.getKey()) && e.getValue() > 0)
        .min(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .ifPresent(e -> out.add(e.getKey()));
  }
}
