package org.iom.correlator.report.cohort;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.iom.correlator.alert.AlertKind;
import org.iom.correlator.match.MatchKind;
import org.iom.correlator.report.cohort.CohortReport.AlertGroup;
import org.iom.correlator.report.cohort.CohortReport.OffenderRow;
import org.iom.ingest.model.Cohort;

/**
 * A self-contained printable HTML page for a cohort report: inline CSS and SVG bar charts, no
 * scripts, no fetches; A4 print rules keep table rows and charts whole. Same figures and rounding
 * as the JSON. Stateless and thread-safe.
 */
public final class CohortHtmlWriter {
  /** The per-offender completeness chart shows at most this many offenders, lowest completeness first. */
  public static final int LOWEST_SHOWN = 30;
  private static final String[] OUTCOME_COLOURS = {"#59a14f", "#9c755f", "#bab0ac", "#f28e2b"};
  private static final String BLUE = "#4e79a7";

  /** One bar of a chart; {@code hidden} draws no bar and prints the hidden text. */
  private record Bar(String label, double value, String text, String colour) {}

  public void write(CohortView view, OutputStream out) throws IOException {
    out.write(render(view).getBytes(StandardCharsets.UTF_8));
  }

  public String render(CohortView view) {
    CohortReport r = view.report();
    CohortRequest q = r.request();
    StringBuilder h = new StringBuilder(32_000);
    String title = "IOM cohort report: " + q.scope() + " cohort, " + q.from() + " to " + q.to().minusDays(1);
    h.append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
        .append("</title><style>").append(CSS).append("</style></head><body>\n");
    h.append("<h1>").append(esc(title)).append("</h1>\n<p class=\"meta\">Europe/London days ").append(q.from())
        .append(" to ").append(q.to().minusDays(1)).append(" inclusive &middot; generated ").append(q.generatedAt())
        .append(" &middot; expected cadence ").append(q.cadence().toSeconds()).append(" s &middot; max gap ")
        .append(q.maxGap().toSeconds() % 60 == 0 ? q.maxGap().toMinutes() + " min" : q.maxGap().toSeconds() + " s")
        .append("</p>\n");
    if (q.periodRunning()) {
      h.append("<p class=\"flag\">The period had not ended when this report was made: figures are provisional.</p>\n");
    }
    if (view.partner()) {
      h.append("<p class=\"flag\">Partner view: aggregates only; small counts shown as ").append(esc(view.hiddenText()))
          .append(".</p>\n");
    }
    if (!r.alerts().available()) {
      h.append("<p class=\"flag\">Alerts: not available here (no alert store), so alert figures are absent, not zero.</p>\n");
    }
    headline(h, view);

    h.append("<h2>People and tags</h2>\n<table><tbody>");
    row(h, "On the scheme (people)", view.count("people.on_scheme", r.people().onScheme()));
    row(h, "Memberships", view.count("people.memberships", r.people().memberships()));
    for (Cohort c : Cohort.values()) {
      Integer n = r.people().byCohort().get(c);
      if (n != null) row(h, "&nbsp;&nbsp;in " + c, view.count("people.by_cohort." + c, n));
    }
    row(h, "Tagged people", view.count("people.tagged", r.people().tagged()));
    row(h, "Tag assignments", view.count("people.tag_assignments", r.people().tagAssignments()));
    row(h, "Tag-days", decimal(view, "people.tag_days", CohortFigures.days(r.people().taggedMs())));
    h.append("</tbody></table>\n");

    completeness(h, view);
    crimesAndAlerts(h, view);
    caseload(h, view);
    if (!view.partner()) offenders(h, r);

    h.append("<h2>Notes</h2>\n<ul class=\"notes\">");
    for (String note : CohortNotes.of(view)) h.append("<li>").append(esc(note)).append("</li>");
    h.append("</ul>\n</body></html>\n");
    return h.toString();
  }

  private static void headline(StringBuilder h, CohortView view) {
    CohortReport r = view.report();
    h.append("<p class=\"headline\">").append(r.crimes().crossReferenced()).append(" crimes cross-referenced; ")
        .append(view.count("matches.total", r.crimes().matches())).append(" matches for ")
        .append(view.count("crimes.offenders_matched", r.crimes().offendersMatched())).append(" offenders on the scheme");
    if (r.alerts().available()) {
      h.append("; ").append(view.count("alerts.crime.by_outcome.POSITIVE_LINE_OF_ENQUIRY",
          r.alerts().crime().byOutcome().get(AlertOutcome.POSITIVE_LINE_OF_ENQUIRY))).append(" positive line(s) of enquiry");
    }
    h.append(".</p>\n");
  }

  private static void completeness(StringBuilder h, CohortView view) {
    CohortReport r = view.report();
    var k = r.completeness();
    h.append("<h2>Data completeness</h2>\n<table><tbody>");
    row(h, "Tagged hours", decimal(view, "completeness.tagged_hours", CohortFigures.hours(r.people().taggedMs())));
    row(h, "Fixes received", view.count("completeness.fixes_received", k.received()));
    row(h, "Fixes expected", decimal(view, "completeness.fixes_expected", CohortFigures.twoDp(k.expected())));
    row(h, "Completeness", view.hidden("completeness.percent") ? esc(view.hiddenText())
        : k.percent().map(p -> CohortFigures.twoDp(p).toPlainString() + "%").orElse("-"));
    row(h, "Gaps", view.count("completeness.gaps", k.gaps()));
    row(h, "Hours in gaps", decimal(view, "completeness.gap_hours", CohortFigures.hours(k.gapMs())));
    row(h, "Silent edge hours", decimal(view, "completeness.silent_edge_hours", CohortFigures.hours(k.silentMs())));
    h.append("</tbody></table>\n<div class=\"charts\">");
    List<Bar> bands = new ArrayList<>();
    k.bands().forEach((b, n) -> bands.add(bar(view, b.label(), "completeness.by_band." + b, n, BLUE)));
    chart(h, "Tagged offenders by data completeness", bands);
    if (!view.partner()) {
      List<OffenderRow> tagged = r.offenders().stream().filter(o -> o.percent().isPresent())
          .sorted(Comparator.comparing((OffenderRow o) -> o.percent().get()).thenComparing(OffenderRow::offenderId))
          .limit(LOWEST_SHOWN).collect(Collectors.toList());
      List<Bar> bars = new ArrayList<>();
      for (OffenderRow o : tagged) {
        BigDecimal p = CohortFigures.twoDp(o.percent().get());
        bars.add(new Bar(o.offenderId(), p.doubleValue(), p.toPlainString() + "%",
            p.compareTo(BigDecimal.valueOf(80)) < 0 ? "#e15759" : BLUE));
      }
      if (!bars.isEmpty()) {
        chart(h, "Completeness per offender (%), lowest " + Math.min(LOWEST_SHOWN, bars.size()) + " of "
            + r.people().tagged() + " tagged", bars);
      }
    }
    h.append("</div>\n");
  }

  private static void crimesAndAlerts(StringBuilder h, CohortView view) {
    CohortReport r = view.report();
    h.append("<h2>Crimes, matches and alerts</h2>\n<table><tbody>");
    row(h, "Crimes cross-referenced", Integer.toString(r.crimes().crossReferenced()));
    row(h, "Crimes with a match", view.count("crimes.with_matches", r.crimes().withMatches()));
    row(h, "Offenders matched", view.count("crimes.offenders_matched", r.crimes().offendersMatched()));
    for (MatchKind m : MatchKind.values()) {
      row(h, "Matches " + m, view.count("matches.by_kind." + m, r.crimes().matchesByKind().get(m)));
    }
    row(h, "Matches in all", view.count("matches.total", r.crimes().matches()));
    h.append("</tbody></table>\n");
    if (!r.alerts().available()) return;
    AlertGroup crime = r.alerts().crime();
    AlertGroup licence = r.alerts().licence();
    h.append("<h3>Alerts by outcome</h3>\n<table><thead><tr><th></th><th class=\"num\">Crime alerts</th>"
        + "<th class=\"num\">Licence-condition alerts</th></tr></thead><tbody>");
    for (AlertOutcome o : AlertOutcome.values()) {
      alertRow(h, view, outcomeLabel(o), ".by_outcome." + o, crime.byOutcome().get(o), licence.byOutcome().get(o));
    }
    alertRow(h, view, "&nbsp;&nbsp;of which NEW", ".open_new", crime.newAlerts(), licence.newAlerts());
    alertRow(h, view, "&nbsp;&nbsp;of which ACKNOWLEDGED", ".open_acknowledged", crime.acknowledged(),
        licence.acknowledged());
    alertRow(h, view, "<b>Total</b>", ".total", crime.total(), licence.total());
    alertRow(h, view, "Withdrawn (not in total)", ".withdrawn", crime.withdrawn(), licence.withdrawn());
    h.append("</tbody></table>\n<table><thead><tr><th>Licence-condition alert kind</th><th class=\"num\">Alerts</th>"
        + "</tr></thead><tbody>");
    for (Map.Entry<AlertKind, Integer> e : r.alerts().licenceByKind().entrySet()) {
      row(h, e.getKey().name(), view.count("alerts.licence.by_kind." + e.getKey(), e.getValue()));
    }
    h.append("</tbody></table>\n<div class=\"charts\">");
    for (String group : List.of("crime", "licence")) {
      AlertGroup g = group.equals("crime") ? r.alerts().crime() : r.alerts().licence();
      List<Bar> bars = new ArrayList<>();
      int i = 0;
      for (AlertOutcome o : AlertOutcome.values()) {
        bars.add(bar(view, outcomeLabel(o), "alerts." + group + ".by_outcome." + o, g.byOutcome().get(o),
            OUTCOME_COLOURS[i++]));
      }
      chart(h, (group.equals("crime") ? "Crime" : "Licence-condition") + " alerts by outcome", bars);
    }
    h.append("</div>\n");
  }

  private static void alertRow(StringBuilder h, CohortView view, String label, String field, int crime, int licence) {
    h.append("<tr><th>").append(label).append("</th>");
    td(h, view.count("alerts.crime" + field, crime));
    td(h, view.count("alerts.licence" + field, licence));
    h.append("</tr>");
  }

  private static void caseload(StringBuilder h, CohortView view) {
    CohortReport r = view.report();
    h.append("<h2>Caseload per manager</h2>\n<table><thead><tr><th>Manager</th><th class=\"num\">Offenders on the scheme"
        + "</th></tr></thead><tbody>");
    for (CohortView.ManagerRow m : view.managers()) {
      row(h, esc(m.label()), view.count(CohortView.managerCell(m.label()), m.offenders()));
    }
    row(h, "<em>no manager</em>", view.count("caseload.unassigned", r.caseload().unassigned()));
    h.append("</tbody></table>\n");
  }

  private static void offenders(StringBuilder h, CohortReport r) {
    h.append("<h2>Offenders</h2>\n<table class=\"small\"><thead><tr><th>Offender</th><th>Manager</th><th>Cohorts</th>"
        + "<th>Tags</th><th class=\"num\">Tagged h</th><th class=\"num\">Fixes</th><th class=\"num\">Expected</th>"
        + "<th class=\"num\">Complete</th><th class=\"num\">Gaps</th><th class=\"num\">Gap h</th>"
        + "<th class=\"num\">Silent h</th><th class=\"num\">PRESENT</th><th class=\"num\">GAP</th>"
        + "<th class=\"num\">Crime alerts</th><th class=\"num\">Positive</th><th class=\"num\">Licence alerts</th>"
        + "</tr></thead><tbody>");
    for (OffenderRow o : r.offenders()) {
      h.append("<tr><td>").append(esc(o.offenderId())).append("</td><td>")
          .append(esc(o.managerId() == null ? "-" : o.managerId())).append("</td><td>")
          .append(o.cohorts().stream().sorted().map(Enum::name).collect(Collectors.joining(", "))).append("</td><td>")
          .append(esc(String.join(", ", o.tags()))).append("</td>");
      td(h, CohortFigures.hours(o.taggedMs()).toPlainString());
      td(h, Long.toString(o.received()));
      td(h, CohortFigures.twoDp(o.expected()).toPlainString());
      td(h, o.percent().map(p -> CohortFigures.twoDp(p).toPlainString() + "%").orElse("-"));
      td(h, Integer.toString(o.gaps()));
      td(h, CohortFigures.hours(o.gapMs()).toPlainString());
      td(h, CohortFigures.hours(o.silentMs()).toPlainString());
      td(h, Integer.toString(o.matchesPresent()));
      td(h, Integer.toString(o.matchesGap()));
      td(h, Integer.toString(o.crimeAlerts()));
      td(h, Integer.toString(o.positiveLines()));
      td(h, Integer.toString(o.licenceAlerts()));
      h.append("</tr>");
    }
    h.append("</tbody></table>\n");
  }

  private static Bar bar(CohortView view, String label, String cell, int n, String colour) {
    boolean hidden = view.hidden(cell);
    return new Bar(label, hidden ? 0 : n, hidden ? view.hiddenText() : Integer.toString(n), colour);
  }

  /** A horizontal bar chart, scaled to its largest bar. */
  private static void chart(StringBuilder h, String caption, List<Bar> bars) {
    double max = 1;
    for (Bar b : bars) max = Math.max(max, b.value());
    int labelWidth = 150;
    int plot = 200;
    int rowHeight = 18;
    int width = labelWidth + plot + 70;
    int height = 10 + bars.size() * rowHeight;
    h.append("<figure><svg role=\"img\" aria-label=\"").append(esc(caption)).append("\" viewBox=\"0 0 ").append(width)
        .append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"").append(height).append("\">");
    int y = 5;
    for (Bar b : bars) {
      int len = (int) Math.round(b.value() * plot / max);
      h.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + 12)
          .append("\" text-anchor=\"end\" font-size=\"11\">").append(esc(shorten(b.label()))).append("</text>")
          .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 2).append("\" width=\"").append(len)
          .append("\" height=\"13\" fill=\"").append(b.colour()).append("\"/>")
          .append("<text x=\"").append(labelWidth + len + 4).append("\" y=\"").append(y + 12)
          .append("\" font-size=\"10\">").append(esc(b.text())).append("</text>");
      y += rowHeight;
    }
    h.append("<line x1=\"").append(labelWidth).append("\" y1=\"2\" x2=\"").append(labelWidth).append("\" y2=\"")
        .append(height - 2).append("\" stroke=\"#333\"/></svg><figcaption>").append(esc(caption))
        .append("</figcaption></figure>");
  }

  private static String outcomeLabel(AlertOutcome o) {
    return switch (o) {
      case POSITIVE_LINE_OF_ENQUIRY -> "Positive line of enquiry";
      case ELIMINATED -> "Eliminated";
      case NO_FURTHER_ACTION -> "No further action";
      case STILL_OPEN -> "Still open";
    };
  }

  private static String decimal(CohortView view, String cell, BigDecimal value) {
    return view.hidden(cell) ? esc(view.hiddenText()) : value.toPlainString();
  }

  /** A row of a two-column table; {@code label} is HTML, {@code value} plain text. */
  private static void row(StringBuilder h, String label, String value) {
    h.append("<tr><th>").append(label).append("</th><td class=\"num\">").append(esc(value)).append("</td></tr>");
  }

  private static void td(StringBuilder h, String value) {
    h.append("<td class=\"num\">").append(esc(value)).append("</td>");
  }

  private static String shorten(String label) {
    return label.length() > 24 ? label.substring(0, 23) + "\u2026" : label;
  }

  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static final String CSS = "@page { size: A4; margin: 14mm 12mm; }"
      + "body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; color: #111; margin: 16px; }"
      + "h1 { font-size: 16pt; margin: 0 0 4px; } h2 { font-size: 13pt; margin: 18px 0 6px; break-after: avoid; }"
      + "h3 { font-size: 11pt; break-after: avoid; }"
      + ".meta { color: #444; margin: 0 0 8px; } .flag { background: #fff3cd; border: 1px solid #e0c36b; "
      + "padding: 4px 8px; } .headline { font-size: 12pt; font-weight: bold; }"
      + "table { border-collapse: collapse; margin: 6px 0; } th, td { border: 1px solid #bbb; padding: 2px 6px; "
      + "text-align: left; vertical-align: top; } thead th { background: #eef1f5; } tbody th { font-weight: normal; "
      + "background: #f7f8fa; } .num { text-align: right; white-space: nowrap; } table.small { font-size: 7.5pt; }"
      + "table.small td, table.small th { padding: 1px 3px; }"
      + "thead { display: table-header-group; } tr, figure, svg, .flag, .headline { break-inside: avoid; "
      + "page-break-inside: avoid; }"
      + ".charts { display: flex; flex-wrap: wrap; gap: 16px; } figure { margin: 6px 0; } "
      + "figcaption { font-size: 9pt; color: #444; } .notes li { margin: 2px 0; }"
      + "@media print { body { margin: 0; } }";
}
