package org.iom.correlator.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iom.correlator.report.IdiomReport.CategoryTotal;
import org.iom.correlator.report.IdiomReport.Change;
import org.iom.correlator.report.IdiomReport.ExcludedMembership;
import org.iom.correlator.report.IdiomReport.MembershipRow;
import org.iom.correlator.report.IdiomReport.MembershipWindow;
import org.iom.correlator.report.IdiomReport.Overlap;
import org.iom.correlator.report.IdiomReport.ProvisionalWindow;
import org.iom.correlator.report.IdiomReport.UncostedTotal;
import org.iom.correlator.report.IdiomReport.WindowSummary;
import org.iom.ingest.model.CohortMembership;

/**
 * The JSON form of a report: the public contract, documented in docs/idiom.md. Money is
 * pounds rounded to pence and percentages to two decimals, written as plain JSON numbers;
 * hidden cells (partner view) are {@code null} and named under {@code privacy.suppressed_cells}.
 * Stateless and thread-safe.
 */
public final class IdiomJsonWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

  public void write(ReportView view, OutputStream out) throws IOException {
    MAPPER.writeValue(out, toTree(view));
  }

  public ObjectNode toTree(ReportView view) {
    IdiomReport r = view.report();
    Cells cells = new Cells(view);
    ObjectNode root = F.objectNode();
    root.put("report", "IDIOM cost of crime");
    root.put("cohort", r.request().scope().name());
    root.put("as_of", r.request().asOf().toString());
    root.put("price_year", r.request().priceYear().toString());
    cells.count(root, "cohort_size", "cohort_size", r.cohortOffenders());
    cells.count(root, "cohort_memberships", "cohort_memberships", r.cohortMemberships());
    root.put("small_cohort", r.smallCohort());
    root.put("small_cohort_below", r.request().smallCohortBelow());

    ObjectNode windows = root.putObject("windows");
    for (WindowSummary w : r.windows().values()) windows.set(w.kind().name(), window(cells, w));

    ObjectNode change = root.putObject("change");
    change.set("pre_to_post", change(cells, r.preToPost()));
    change.set("pre_to_during", change(cells, r.preToDuring()));

    ArrayNode offenders = root.putArray("offenders");
    if (!view.partner()) for (MembershipRow row : r.memberships()) offenders.add(row(row));

    ArrayNode provisional = root.putArray("provisional");
    ArrayNode excluded = root.putArray("excluded");
    ArrayNode overlaps = root.putArray("overlaps");
    if (view.partner()) {
      WindowSummary post = r.window(WindowKind.POST);
      if (post.provisionalMemberships() > 0) {
        ObjectNode p = provisional.addObject();
        p.put("window", "POST");
        cells.count(p, "memberships", ReportView.windowCell(WindowKind.POST, "provisional_memberships"),
            post.provisionalMemberships());
        p.put("reason", "POST window not ended by the report date (per-person rows withheld in the partner view)");
      }
    } else {
      for (ProvisionalWindow p : r.provisional()) {
        ObjectNode node = membership(provisional.addObject(), p.membership());
        node.put("window", p.window().kind().name());
        dates(node, p.window());
        node.put("reason", p.reason());
      }
      for (ExcludedMembership e : r.excluded()) membership(excluded.addObject(), e.membership()).put("reason", e.reason());
      for (Overlap o : r.overlaps()) {
        ObjectNode node = overlaps.addObject();
        node.put("offender_id", o.offenderId());
        node.put("offence_date", o.offenceDate().toString());
        node.put("offence_code", o.offenceCode());
        ArrayNode where = node.putArray("windows");
        o.windows().forEach(where::add);
      }
    }

    ObjectNode flags = root.putObject("flags");
    flags.put("small_cohort", r.smallCohort());
    flags.put("provisional_post_windows", r.window(WindowKind.POST).provisionalMemberships() > 0);
    flags.put("partial_during_windows", r.window(WindowKind.DURING).partialMemberships() > 0);
    flags.put("overlapping_windows", !r.overlaps().isEmpty());
    flags.put("uncosted_offences", r.windows().values().stream().anyMatch(w -> w.uncostedOffences() > 0));
    flags.put("multiplier_applied", false);
    flags.put("partner_view", view.partner());

    ArrayNode notes = root.putArray("notes");
    ReportNotes.of(view).forEach(notes::add);
    root.set("reference", reference(r));

    ObjectNode privacy = root.putObject("privacy");
    privacy.put("partner_view", view.partner());
    if (view.partner()) privacy.put("threshold", view.threshold());
    ArrayNode suppressed = privacy.putArray("suppressed_cells");
    view.hiddenCells().forEach(suppressed::add);
    return root;
  }

  private static ObjectNode window(Cells c, WindowSummary w) {
    WindowKind k = w.kind();
    ObjectNode node = F.objectNode();
    c.count(node, "offenders", ReportView.windowCell(k, "offenders"), w.offenders());
    c.count(node, "offences", ReportView.windowCell(k, "offences"), w.offences());
    c.money(node, "cost_gbp", ReportView.windowCell(k, "cost_gbp"), w.costGbp());
    c.count(node, "uncosted_offences", ReportView.windowCell(k, "uncosted_offences"), w.uncostedOffences());
    ObjectNode byCategory = node.putObject("by_category");
    for (CategoryTotal t : w.byCategory().values()) {
      ObjectNode cat = byCategory.putObject(t.category());
      c.count(cat, "offences", ReportView.categoryCell(k, t.category(), "offences"), t.offences());
      c.money(cat, "cost_gbp", ReportView.categoryCell(k, t.category(), "cost_gbp"), t.costGbp());
    }
    c.count(node, "memberships", ReportView.windowCell(k, "memberships"), w.memberships());
    c.count(node, "offenders_with_offences", ReportView.windowCell(k, "offenders_with_offences"),
        w.offendersWithOffences());
    c.count(node, "costed_offences", ReportView.windowCell(k, "costed_offences"), w.costedOffences());
    String perOffence = ReportView.windowCell(k, "cost_per_offence_gbp");
    if (w.costPerOffence().isEmpty() || c.view.hidden(perOffence)) {
      node.putNull("cost_per_offence_gbp");
    } else {
      node.put("cost_per_offence_gbp", Rounding.pence(w.costPerOffence().get()));
    }
    ObjectNode uncosted = node.putObject("uncosted_by_code");
    for (UncostedTotal u : w.uncostedByCode().values()) {
      ObjectNode code = uncosted.putObject(u.offenceCode());
      code.put("label", u.label());
      code.put("reason", u.reason());
      c.count(code, "offences", ReportView.uncostedCell(k, u.offenceCode()), u.offences());
    }
    if (k == WindowKind.DURING) {
      c.count(node, "partial_memberships", ReportView.windowCell(k, "partial_memberships"), w.partialMemberships());
    }
    if (k == WindowKind.POST) {
      c.count(node, "provisional_memberships", ReportView.windowCell(k, "provisional_memberships"),
          w.provisionalMemberships());
      c.count(node, "memberships_without_window", ReportView.windowCell(k, "memberships_without_window"),
          w.withoutWindow());
    }
    c.count(node, "convictions_pending_memberships", ReportView.windowCell(k, "convictions_pending_memberships"),
        w.convictionsPending());
    return node;
  }

  private static ObjectNode change(Cells c, Change change) {
    ObjectNode node = F.objectNode();
    if (c.view.hidden(ReportView.changeCell(change.to()))) {
      node.putNull("cost_gbp");
      node.putNull("percent");
      node.putNull("memberships");
      return node;
    }
    node.put("cost_gbp", Rounding.pence(change.changeGbp()));
    if (change.percent().isPresent()) {
      node.put("percent", Rounding.percent(change.percent().get()));
    } else {
      node.putNull("percent");
    }
    node.put("memberships", change.memberships());
    node.put("from_window", change.from().name());
    node.put("to_window", change.to().name());
    node.put("from_offences", change.fromOffences());
    node.put("to_offences", change.toOffences());
    node.put("from_cost_gbp", Rounding.pence(change.fromCostGbp()));
    node.put("to_cost_gbp", Rounding.pence(change.toCostGbp()));
    return node;
  }

  private static ObjectNode row(MembershipRow row) {
    ObjectNode node = membership(F.objectNode(), row.membership());
    ObjectNode windows = node.putObject("windows");
    for (MembershipWindow w : row.windows().values()) {
      ObjectNode win = windows.putObject(w.kind().name());
      win.put("status", w.status().name());
      if (w.window() != null) dates(win, w.window());
      win.put("offences", w.offences());
      win.put("uncosted_offences", w.uncostedOffences());
      if (w.status().counted()) win.put("cost_gbp", Rounding.pence(w.costGbp()));
      else win.putNull("cost_gbp");
      win.put("convictions_pending", w.convictionsPending());
      if (!w.note().isEmpty()) win.put("note", w.note());
    }
    return node;
  }

  private static ObjectNode membership(ObjectNode node, CohortMembership m) {
    node.put("offender_id", m.offenderId());
    node.put("cohort", m.cohort().name());
    node.put("joined_on", m.joinedOn().toString());
    if (m.leftOn() == null) node.putNull("left_on");
    else node.put("left_on", m.leftOn().toString());
    return node;
  }

  private static void dates(ObjectNode node, DateWindow w) {
    node.put("from", w.from().toString());
    node.put("to_exclusive", w.to().toString());
  }

  private static ObjectNode reference(IdiomReport r) {
    ReferenceData ref = r.reference();
    FinancialYear year = r.request().priceYear();
    ObjectNode node = F.objectNode();
    node.put("basis", ReportNotes.BASIS);
    node.put("uplift", "cost_target = cost_base * D(" + year + ") / D(base_price_year)");
    ObjectNode scheme = node.putObject("cost_scheme");
    scheme.put("name", ref.costScheme().name());
    scheme.put("file", ref.costScheme().file());
    ArrayNode costs = scheme.putArray("unit_costs");
    for (UnitCost u : ref.costScheme().unitCosts()) {
      ObjectNode cost = costs.addObject();
      cost.put("category", u.category());
      cost.put("base_price_year", u.basePriceYear().toString());
      cost.put("cost_gbp", u.costGbp());
      cost.put("uplift_factor", Rounding.factor(ref.deflators().factor(u.basePriceYear(), year)));
      cost.put("cost_gbp_in_price_year",
          Rounding.pence(ref.deflators().uplift(u.costGbp(), u.basePriceYear(), year)));
      cost.put("source", u.source());
      cost.put("status", u.status());
    }
    ObjectNode map = node.putObject("offence_map");
    map.put("file", ref.offenceMap().file());
    ArrayNode mappings = map.putArray("mappings");
    for (OffenceMapping m : ref.offenceMap().mappings()) {
      ObjectNode row = mappings.addObject();
      row.put("offence_code", m.code());
      if (m.category() == null) row.putNull("category");
      else row.put("category", m.category());
      row.put("label", m.label());
    }
    ObjectNode deflators = node.putObject("deflators");
    deflators.put("file", ref.deflators().file());
    deflators.put("vintage", ref.deflators().vintage());
    deflators.put("source", ref.deflators().source());
    ObjectNode series = deflators.putObject("index");
    Map<FinancialYear, BigDecimal> values = new LinkedHashMap<>(ref.deflators().series());
    values.forEach((y, v) -> series.put(y.toString(), v));
    return node;
  }

  /** Writes a cell as its value, or null when the view hides it. */
  private static final class Cells {
    final ReportView view;

    Cells(ReportView view) {
      this.view = view;
    }

    void count(ObjectNode node, String field, String cell, int n) {
      if (view.hidden(cell)) node.putNull(field);
      else node.put(field, n);
    }

    void money(ObjectNode node, String field, String cell, BigDecimal gbp) {
      if (view.hidden(cell)) node.putNull(field);
      else node.put(field, Rounding.pence(gbp));
    }
  }
}
