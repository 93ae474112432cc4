package org.iom.correlator.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.iom.correlator.report.IdiomReport.Change;
import org.iom.correlator.report.IdiomReport.MembershipRow;
import org.iom.correlator.report.IdiomReport.MembershipWindow;
import org.iom.correlator.report.IdiomReport.Overlap;
import org.iom.correlator.report.IdiomReport.ProvisionalWindow;
import org.iom.correlator.report.IdiomReport.UncostedTotal;
import org.iom.correlator.report.IdiomReport.WindowSummary;

/**
 * A self-contained printable HTML page: inline CSS and SVG charts, no scripts, no external
 * fetches; A4 print rules keep table rows and charts whole. Same figures and rounding as the JSON.
 * Stateless and thread-safe.
 */
public final class IdiomHtmlWriter {
  private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f"};

  public void write(ReportView view, OutputStream out) throws IOException {
    out.write(render(view).getBytes(StandardCharsets.UTF_8));
  }

  public String render(ReportView view) {
    IdiomReport r = view.report();
    StringBuilder h = new StringBuilder(32_000);
    h.append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">")
        .append("<title>IDIOM cost of crime: ").append(esc(r.request().scope().name())).append(" cohort, as of ")
        .append(r.request().asOf()).append("</title><style>").append(CSS).append("</style></head><body>\n");
    h.append("<h1>IDIOM cost of crime: ").append(esc(r.request().scope().name())).append(" cohort</h1>\n");
    h.append("<p class=\"meta\">Report date ").append(r.request().asOf()).append(" (inclusive) &middot; prices ")
        .append(r.request().priceYear()).append(" &middot; unit costs ").append(esc(r.reference().costScheme().name()))
        .append(" &middot; GDP deflators ").append(esc(r.reference().deflators().vintage()))
        .append(" &middot; cohort ").append(count(view, "cohort_size", r.cohortOffenders())).append(" offenders, ")
        .append(count(view, "cohort_memberships", r.cohortMemberships())).append(" memberships</p>\n");
    if (r.smallCohort()) {
      h.append("<p class=\"flag\">Small cohort (fewer than ").append(r.request().smallCohortBelow())
          .append(" people): one serious offence can dominate these figures.</p>\n");
    }
    if (view.partner()) {
      h.append("<p class=\"flag\">Partner view: no per-person rows; small counts shown as ")
          .append(esc(view.hiddenText())).append(".</p>\n");
    }
    headline(h, view, r.preToPost());

    h.append("<h2>Windows</h2>\n");
    windowsTable(h, view);
    h.append("<div class=\"charts\">");
    costChart(h, view);
    categoryChart(h, view);
    h.append("</div>\n");

    h.append("<h2>Change</h2>\n");
    changeTable(h, view);

    h.append("<h2>Notes</h2>\n<ul class=\"notes\">");
    for (String note : ReportNotes.of(view)) h.append("<li>").append(esc(note)).append("</li>");
    h.append("</ul>\n");

    uncostedTable(h, view);
    if (!view.partner()) {
      membershipsTable(h, r);
      provisionalTable(h, r);
      overlapsTable(h, r);
    }
    referenceTables(h, r);
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void headline(StringBuilder h, ReportView view, Change c) {
    h.append("<p class=\"headline\">");
    if (view.hidden(ReportView.changeCell(c.to()))) {
      h.append("PRE to POST change: withheld (small numbers).");
    } else if (c.memberships() == 0) {
      h.append("PRE to POST change: no membership has a POST window that has ended by the report date.");
    } else if (c.percent().isEmpty()) {
      h.append("PRE to POST: ").append(money(c.fromCostGbp())).append(" before, ").append(money(c.toCostGbp()))
          .append(" after; no percentage (nothing costed before).");
    } else {
      BigDecimal p = c.percent().get();
      String word = p.signum() < 0 ? "reduction" : "increase";
      h.append("PRE to POST: ").append(money(c.fromCostGbp())).append(" before, ").append(money(c.toCostGbp()))
          .append(" after: a ").append(Rounding.wholePercent(p.abs()).toPlainString()).append("% ").append(word)
          .append(" (").append(signed(Rounding.percent(p))).append("%, ").append(signedMoney(c.changeGbp()))
          .append(") over the same ").append(c.memberships()).append(" memberships.");
    }
    h.append("</p>\n");
  }

  private static void windowsTable(StringBuilder h, ReportView view) {
    IdiomReport r = view.report();
    h.append("<table><thead><tr><th></th>");
    for (WindowKind k : WindowKind.values()) h.append("<th class=\"num\">").append(k).append("</th>");
    h.append("</tr></thead><tbody>");
    String[][] rows = {{"offenders", "Offenders counted"}, {"memberships", "Memberships counted"},
        {"offenders_with_offences", "Offenders with offences"}, {"offences", "Proven offences"},
        {"uncosted_offences", "of which uncosted"}, {"cost_gbp", "Cost"},
        {"cost_per_offence_gbp", "Cost per offence"}};
    for (String[] row : rows) {
      h.append("<tr><th>").append(row[1]).append("</th>");
      for (WindowKind k : WindowKind.values()) {
        WindowSummary w = r.window(k);
        String cell = ReportView.windowCell(k, row[0]);
        String value;
        if (view.hidden(cell)) value = view.hiddenText();
        else if (row[0].equals("cost_gbp")) value = money(w.costGbp());
        else if (row[0].equals("cost_per_offence_gbp")) value = w.costPerOffence().map(IdiomHtmlWriter::money).orElse("-");
        else value = Integer.toString(number(w, row[0]));
        h.append("<td class=\"num\">").append(esc(value)).append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table>\n");
  }

  private static int number(WindowSummary w, String field) {
    switch (field) {
      case "offenders": return w.offenders();
      case "memberships": return w.memberships();
      case "offenders_with_offences": return w.offendersWithOffences();
      case "offences": return w.offences();
      default: return w.uncostedOffences();
    }
  }

  private static void costChart(StringBuilder h, ReportView view) {
    IdiomReport r = view.report();
    BigDecimal max = BigDecimal.ONE;
    for (WindowSummary w : r.windows().values()) if (w.costGbp().compareTo(max) > 0) max = w.costGbp();
    int width = 320;
    int height = 220;
    int plot = 150;
    h.append("<figure><svg role=\"img\" aria-label=\"Cost by window\" viewBox=\"0 0 ").append(width).append(' ')
        .append(height).append("\" width=\"").append(width).append("\" height=\"").append(height).append("\">");
    int i = 0;
    for (WindowSummary w : r.windows().values()) {
      int x = 30 + i * 95;
      boolean hidden = view.hidden(ReportView.windowCell(w.kind(), "cost_gbp"));
      int bar = hidden ? 0 : scale(w.costGbp(), max, plot);
      h.append("<rect x=\"").append(x).append("\" y=\"").append(30 + plot - bar).append("\" width=\"60\" height=\"")
          .append(bar).append("\" fill=\"").append(COLOURS[i]).append("\"/>");
      h.append("<text x=\"").append(x + 30).append("\" y=\"").append(24 + plot - bar)
          .append("\" text-anchor=\"middle\" font-size=\"11\">")
          .append(esc(hidden ? view.hiddenText() : money(w.costGbp()))).append("</text>");
      h.append("<text x=\"").append(x + 30).append("\" y=\"").append(30 + plot + 18)
          .append("\" text-anchor=\"middle\" font-size=\"12\">").append(w.kind()).append("</text>");
      i++;
    }
    h.append("<line x1=\"20\" y1=\"").append(30 + plot).append("\" x2=\"").append(width - 10).append("\" y2=\"")
        .append(30 + plot).append("\" stroke=\"#333\"/></svg><figcaption>Cost by window (")
        .append(r.request().priceYear()).append(" prices)</figcaption></figure>");
  }

  private static void categoryChart(StringBuilder h, ReportView view) {
    IdiomReport r = view.report();
    Map<String, String> labels = new LinkedHashMap<>();
    TreeSet<String> categories = new TreeSet<>();
    for (WindowSummary w : r.windows().values()) categories.addAll(w.byCategory().keySet());
    for (String c : categories) labels.put(c, c);
    labels.put("\u0000uncosted", "uncosted");
    int max = 1;
    for (WindowSummary w : r.windows().values()) {
      max = Math.max(max, w.uncostedOffences());
      for (IdiomReport.CategoryTotal t : w.byCategory().values()) max = Math.max(max, t.offences());
    }
    int rowHeight = 3 * 12 + 10;
    int height = 30 + labels.size() * rowHeight;
    int width = 420;
    int plot = 200;
    h.append("<figure><svg role=\"img\" aria-label=\"Offences by category\" viewBox=\"0 0 ").append(width).append(' ')
        .append(height).append("\" width=\"").append(width).append("\" height=\"").append(height).append("\">");
    int li = 0;
    for (WindowKind k : WindowKind.values()) {
      h.append("<rect x=\"").append(150 + li * 80).append("\" y=\"4\" width=\"10\" height=\"10\" fill=\"")
          .append(COLOURS[li]).append("\"/><text x=\"").append(164 + li * 80)
          .append("\" y=\"13\" font-size=\"11\">").append(k).append("</text>");
      li++;
    }
    int row = 0;
    for (Map.Entry<String, String> e : labels.entrySet()) {
      int y0 = 24 + row * rowHeight;
      h.append("<text x=\"140\" y=\"").append(y0 + 22).append("\" text-anchor=\"end\" font-size=\"11\">")
          .append(esc(shorten(e.getValue()))).append("</text>");
      int b = 0;
      for (WindowKind k : WindowKind.values()) {
        WindowSummary w = r.window(k);
        boolean uncosted = e.getKey().equals("\u0000uncosted");
        int n = uncosted ? w.uncostedOffences()
            : w.byCategory().containsKey(e.getKey()) ? w.byCategory().get(e.getKey()).offences() : 0;
        String cell = uncosted ? ReportView.windowCell(k, "uncosted_offences")
            : ReportView.categoryCell(k, e.getKey(), "offences");
        boolean hidden = view.hidden(cell);
        int len = hidden ? 0 : (int) Math.round((double) n * plot / max);
        int y = y0 + 4 + b * 12;
        h.append("<rect x=\"150\" y=\"").append(y).append("\" width=\"").append(len).append("\" height=\"10\" fill=\"")
            .append(COLOURS[b]).append("\"/><text x=\"").append(154 + len).append("\" y=\"").append(y + 9)
            .append("\" font-size=\"10\">").append(esc(hidden ? view.hiddenText() : Integer.toString(n)))
            .append("</text>");
        b++;
      }
      row++;
    }
    h.append("</svg><figcaption>Proven offences by cost category</figcaption></figure>");
  }

  private static void changeTable(StringBuilder h, ReportView view) {
    IdiomReport r = view.report();
    h.append("<table><thead><tr><th>Comparison</th><th class=\"num\">Memberships</th><th class=\"num\">Offences before</th>"
        + "<th class=\"num\">Offences after</th><th class=\"num\">Cost before</th><th class=\"num\">Cost after</th>"
        + "<th class=\"num\">Change</th><th class=\"num\">Change %</th></tr></thead><tbody>");
    for (Change c : List.of(r.preToPost(), r.preToDuring())) {
      h.append("<tr><th>PRE &rarr; ").append(c.to()).append("</th>");
      if (view.hidden(ReportView.changeCell(c.to()))) {
        for (int i = 0; i < 7; i++) h.append("<td class=\"num\">").append(esc(view.hiddenText())).append("</td>");
      } else {
        td(h, Integer.toString(c.memberships()));
        td(h, Integer.toString(c.fromOffences()));
        td(h, Integer.toString(c.toOffences()));
        td(h, money(c.fromCostGbp()));
        td(h, money(c.toCostGbp()));
        td(h, signedMoney(c.changeGbp()));
        td(h, c.percent().map(p -> signed(Rounding.percent(p)) + "%").orElse("-"));
      }
      h.append("</tr>");
    }
    h.append("</tbody></table>\n");
  }

  private static void uncostedTable(StringBuilder h, ReportView view) {
    IdiomReport r = view.report();
    List<String[]> rows = new ArrayList<>();
    for (WindowSummary w : r.windows().values()) {
      for (UncostedTotal u : w.uncostedByCode().values()) {
        String cell = ReportView.uncostedCell(w.kind(), u.offenceCode());
        rows.add(new String[] {w.kind().name(), u.offenceCode(), u.label(), u.reason(),
            view.hidden(cell) ? view.hiddenText() : Integer.toString(u.offences())});
      }
    }
    if (rows.isEmpty()) return;
    h.append("<h2>Uncosted offences</h2>\n<table><thead><tr><th>Window</th><th>Code</th><th>Offence</th><th>Why uncosted</th>"
        + "<th class=\"num\">Offences</th></tr></thead><tbody>");
    for (String[] row : rows) {
      h.append("<tr>");
      for (int i = 0; i < 4; i++) h.append("<td>").append(esc(row[i])).append("</td>");
      td(h, row[4]);
      h.append("</tr>");
    }
    h.append("</tbody></table>\n");
  }

  private static void membershipsTable(StringBuilder h, IdiomReport r) {
    h.append("<h2>Memberships</h2>\n<table class=\"small\"><thead><tr><th>Offender</th><th>Cohort</th><th>Joined</th>"
        + "<th>Left</th>");
    for (WindowKind k : WindowKind.values()) {
      h.append("<th class=\"num\">").append(k).append(" offences</th><th class=\"num\">").append(k).append(" cost</th>");
    }
    h.append("<th>Notes</th></tr></thead><tbody>");
    for (MembershipRow row : r.memberships()) {
      h.append("<tr><td>").append(esc(row.membership().offenderId())).append("</td><td>")
          .append(row.membership().cohort()).append("</td><td>").append(row.membership().joinedOn()).append("</td><td>")
          .append(row.membership().leftOn() == null ? "-" : row.membership().leftOn().toString()).append("</td>");
      List<String> notes = new ArrayList<>();
      for (MembershipWindow w : row.windows().values()) {
        if (w.status().counted()) {
          td(h, Integer.toString(w.offences()));
          td(h, money(w.costGbp()));
        } else {
          td(h, "-");
          td(h, "-");
        }
        if (!w.note().isEmpty()) notes.add(w.kind() + ": " + w.note());
        if (w.convictionsPending()) notes.add(w.kind() + ": convictions may still come through");
      }
      h.append("<td>").append(esc(String.join("; ", notes))).append("</td></tr>");
    }
    h.append("</tbody></table>\n");
  }

  private static void provisionalTable(StringBuilder h, IdiomReport r) {
    if (r.provisional().isEmpty()) return;
    h.append("<h2>Provisional POST windows (not in POST totals)</h2>\n<table><thead><tr><th>Offender</th><th>Cohort</th>"
        + "<th>Joined</th><th>Left</th><th>Window</th><th>Reason</th></tr></thead><tbody>");
    for (ProvisionalWindow p : r.provisional()) {
      h.append("<tr><td>").append(esc(p.membership().offenderId())).append("</td><td>").append(p.membership().cohort())
          .append("</td><td>").append(p.membership().joinedOn()).append("</td><td>").append(p.membership().leftOn())
          .append("</td><td>").append(p.window().from()).append(" to ").append(p.window().lastDay())
          .append("</td><td>").append(esc(p.reason())).append("</td></tr>");
    }
    h.append("</tbody></table>\n");
  }

  private static void overlapsTable(StringBuilder h, IdiomReport r) {
    if (r.overlaps().isEmpty()) return;
    h.append("<h2>Offences in windows of two memberships</h2>\n<table><thead><tr><th>Offender</th><th>Offence date</th>"
        + "<th>Code</th><th>Counted in</th></tr></thead><tbody>");
    for (Overlap o : r.overlaps()) {
      h.append("<tr><td>").append(esc(o.offenderId())).append("</td><td>").append(o.offenceDate()).append("</td><td>")
          .append(esc(o.offenceCode())).append("</td><td>").append(esc(String.join("; ", o.windows())))
          .append("</td></tr>");
    }
    h.append("</tbody></table>\n");
  }

  private static void referenceTables(StringBuilder h, IdiomReport r) {
    ReferenceData ref = r.reference();
    FinancialYear year = r.request().priceYear();
    h.append("<h2>Reference data</h2>\n<p>").append(esc(ReportNotes.BASIS)).append(" Uplift: cost in ").append(year)
        .append(" = base cost &times; D(").append(year).append(") / D(base year).</p>\n");
    h.append("<h3>Unit costs: scheme ").append(esc(ref.costScheme().name())).append(" (")
        .append(esc(ref.costScheme().file())).append(")</h3>\n<table class=\"small\"><thead><tr><th>Category</th>"
            + "<th>Base year</th><th class=\"num\">Base cost</th><th class=\"num\">Factor</th><th class=\"num\">Cost in ")
        .append(year).append("</th><th>Status</th><th>Source</th></tr></thead><tbody>");
    for (UnitCost u : ref.costScheme().unitCosts()) {
      h.append("<tr><td>").append(esc(u.category())).append("</td><td>").append(u.basePriceYear()).append("</td>");
      td(h, money(u.costGbp()));
      td(h, Rounding.factor(ref.deflators().factor(u.basePriceYear(), year)).toPlainString());
      td(h, money(ref.deflators().uplift(u.costGbp(), u.basePriceYear(), year)));
      h.append("<td>").append(esc(u.status())).append("</td><td>").append(esc(u.source())).append("</td></tr>");
    }
    h.append("</tbody></table>\n<h3>GDP deflators: vintage ").append(esc(ref.deflators().vintage())).append(" (")
        .append(esc(ref.deflators().file())).append(")</h3>\n<p>").append(esc(ref.deflators().source()))
        .append("</p>\n<table><thead><tr><th>Financial year</th><th class=\"num\">Index</th></tr></thead><tbody>");
    ref.deflators().series().forEach((y, v) -> h.append("<tr><td>").append(y).append("</td><td class=\"num\">")
        .append(v.toPlainString()).append("</td></tr>"));
    h.append("</tbody></table>\n<h3>Offence map (").append(esc(ref.offenceMap().file())).append(")</h3>\n"
        + "<table class=\"small\"><thead><tr><th>Code</th><th>Cost category</th><th>Offence</th></tr></thead><tbody>");
    for (OffenceMapping m : ref.offenceMap().mappings()) {
      h.append("<tr><td>").append(esc(m.code())).append("</td><td>")
          .append(m.category() == null ? "<em>uncosted</em>" : esc(m.category())).append("</td><td>")
          .append(esc(m.label())).append("</td></tr>");
    }
    h.append("</tbody></table>\n");
  }

  private static int scale(BigDecimal value, BigDecimal max, int plot) {
    return value.multiply(BigDecimal.valueOf(plot)).divide(max, 0, RoundingMode.HALF_UP).intValue();
  }

  private static void td(StringBuilder h, String value) {
    h.append("<td class=\"num\">").append(esc(value)).append("</td>");
  }

  private static String count(ReportView view, String cell, int n) {
    return view.hidden(cell) ? esc(view.hiddenText()) : Integer.toString(n);
  }

  static String money(BigDecimal gbp) {
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
    BigDecimal pence = Rounding.pence(gbp);
    return (pence.signum() < 0 ? "-£" : "£") + format.format(pence.abs());
  }

  private static String signedMoney(BigDecimal gbp) {
    return Rounding.pence(gbp).signum() > 0 ? "+" + money(gbp) : money(gbp);
  }

  private static String signed(BigDecimal value) {
    return value.signum() > 0 ? "+" + value.toPlainString() : value.toPlainString();
  }

  private static String shorten(String label) {
    return label.length() > 24 ? label.substring(0, 23) + "\u2026" : label;
  }

  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<': out.append("&lt;"); break;
        case '>': out.append("&gt;"); break;
        case '&': out.append("&amp;"); break;
        case '"': out.append("&quot;"); break;
        case '\'': out.append("&#39;"); break;
        default: out.append(c);
      }
    }
    return out.toString();
  }

  private static final String CSS = "@page { size: A4; margin: 14mm 12mm; }"
      + "body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; color: #111; margin: 16px; }"
      + "h1 { font-size: 17pt; margin: 0 0 4px; } h2 { font-size: 13pt; margin: 18px 0 6px; "
      + "break-after: avoid; } h3 { font-size: 11pt; break-after: avoid; }"
      + ".meta { color: #444; margin: 0 0 8px; } .flag { background: #fff3cd; border: 1px solid #e0c36b; "
      + "padding: 4px 8px; } .headline { font-size: 12pt; font-weight: bold; }"
      + "table { border-collapse: collapse; margin: 6px 0; } th, td { border: 1px solid #bbb; padding: 2px 6px; "
      + "text-align: left; vertical-align: top; } thead th { background: #eef1f5; } .num { text-align: right; "
      + "white-space: nowrap; } table.small { font-size: 8.5pt; } table.small td:not(:last-child) { white-space: nowrap; }"
      + "thead { display: table-header-group; } tr, figure, svg, .flag, .headline { break-inside: avoid; "
      + "page-break-inside: avoid; }"
      + ".charts { display: flex; flex-wrap: wrap; gap: 16px; } figure { margin: 6px 0; } "
      + "figcaption { font-size: 9pt; color: #444; } .notes li { margin: 2px 0; }"
      + "@media print { body { margin: 0; } a { color: inherit; } }";
}
