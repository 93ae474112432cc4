package org.iom.correlator.report.cohort;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.iom.correlator.alert.AlertKind;
import org.iom.correlator.match.MatchKind;
import org.iom.correlator.report.cohort.CohortReport.AlertGroup;
import org.iom.correlator.report.cohort.CohortReport.Completeness;
import org.iom.correlator.report.cohort.CohortReport.OffenderRow;
import org.iom.ingest.model.Cohort;

/**
 * The JSON form of a cohort report: a public contract, documented in docs/cohort-report.md.
 * Hours, days, expected fixes and percentages are numbers rounded to 2 dp; hidden cells (partner
 * view) are {@code null} and named under {@code privacy.suppressed_cells}. Stateless and thread-safe.
 */
public final class CohortJsonWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

  public void write(CohortView view, OutputStream out) throws IOException {
    MAPPER.writeValue(out, toTree(view));
  }

  public ObjectNode toTree(CohortView view) {
    CohortReport r = view.report();
    CohortRequest q = r.request();
    Cells c = new Cells(view);
    ObjectNode root = F.objectNode();
    root.put("report", "IOM cohort report");
    root.put("cohort", q.scope().name());
    ObjectNode period = root.putObject("period");
    period.put("from", q.from().toString());
    period.put("to_exclusive", q.to().toString());
    period.put("time_zone", CohortRequest.LONDON.getId());
    period.put("start", q.periodStart().toString());
    period.put("end", q.periodEnd().toString());
    period.put("counted_to", q.countedEnd().toString());
    period.put("running", q.periodRunning());
    root.put("generated_at", q.generatedAt().toString());
    ObjectNode settings = root.putObject("settings");
    settings.put("cadence_seconds", q.cadence().toMillis() / 1000.0);
    settings.put("max_gap_minutes", q.maxGap().toMillis() / 60_000.0);

    ObjectNode people = root.putObject("people");
    c.count(people, "on_scheme", "people.on_scheme", r.people().onScheme());
    c.count(people, "memberships", "people.memberships", r.people().memberships());
    ObjectNode byCohort = people.putObject("by_cohort");
    for (Cohort k : Cohort.values()) {
      if (r.people().byCohort().containsKey(k)) {
        c.count(byCohort, k.name(), "people.by_cohort." + k, r.people().byCohort().get(k));
      }
    }
    c.count(people, "tagged", "people.tagged", r.people().tagged());
    c.count(people, "tag_assignments", "people.tag_assignments", r.people().tagAssignments());
    c.decimal(people, "tag_days", "people.tag_days", CohortFigures.days(r.people().taggedMs()));

    Completeness k = r.completeness();
    ObjectNode completeness = root.putObject("completeness");
    c.decimal(completeness, "tagged_hours", "completeness.tagged_hours", CohortFigures.hours(r.people().taggedMs()));
    c.count(completeness, "fixes_received", "completeness.fixes_received", k.received());
    c.decimal(completeness, "fixes_expected", "completeness.fixes_expected", CohortFigures.twoDp(k.expected()));
    c.decimal(completeness, "percent", "completeness.percent", k.percent().map(CohortFigures::twoDp).orElse(null));
    c.count(completeness, "gaps", "completeness.gaps", k.gaps());
    c.decimal(completeness, "gap_hours", "completeness.gap_hours", CohortFigures.hours(k.gapMs()));
    c.decimal(completeness, "silent_edge_hours", "completeness.silent_edge_hours", CohortFigures.hours(k.silentMs()));
    ObjectNode bands = completeness.putObject("by_band");
    k.bands().forEach((b, n) -> c.count(bands, b.name(), "completeness.by_band." + b, n));

    ObjectNode crimes = root.putObject("crimes");
    crimes.put("cross_referenced", r.crimes().crossReferenced());
    c.count(crimes, "with_matches", "crimes.with_matches", r.crimes().withMatches());
    c.count(crimes, "offenders_matched", "crimes.offenders_matched", r.crimes().offendersMatched());
    ObjectNode matches = root.putObject("matches");
    c.count(matches, "total", "matches.total", r.crimes().matches());
    ObjectNode byKind = matches.putObject("by_kind");
    for (MatchKind m : MatchKind.values()) c.count(byKind, m.name(), "matches.by_kind." + m, r.crimes().matchesByKind().get(m));

    ObjectNode alerts = root.putObject("alerts");
    alerts.put("available", r.alerts().available());
    if (r.alerts().available()) {
      alerts.set("crime", group(c, "alerts.crime", r.alerts().crime()));
      ObjectNode licence = group(c, "alerts.licence", r.alerts().licence());
      ObjectNode kinds = F.objectNode();
      for (Map.Entry<AlertKind, Integer> e : r.alerts().licenceByKind().entrySet()) {
        c.count(kinds, e.getKey().name(), "alerts.licence.by_kind." + e.getKey(), e.getValue());
      }
      licence.set("by_kind", kinds);
      alerts.set("licence", licence);
    } else {
      alerts.putNull("crime");
      alerts.putNull("licence");
    }

    ObjectNode caseload = root.putObject("caseload");
    c.count(caseload, "managers", "caseload.managers", view.managers().size());
    c.count(caseload, "unassigned", "caseload.unassigned", r.caseload().unassigned());
    c.count(caseload, "without_offender_record", "caseload.without_offender_record",
        r.caseload().withoutOffenderRecord());
    ArrayNode byManager = caseload.putArray("by_manager");
    for (CohortView.ManagerRow m : view.managers()) {
      ObjectNode row = byManager.addObject();
      row.put("manager", m.label());
      c.count(row, "offenders", CohortView.managerCell(m.label()), m.offenders());
    }

    ArrayNode offenders = root.putArray("offenders");
    if (!view.partner()) for (OffenderRow o : r.offenders()) offenders.add(row(o));

    ObjectNode flags = root.putObject("flags");
    flags.put("period_running", q.periodRunning());
    flags.put("alerts_available", r.alerts().available());
    flags.put("partner_view", view.partner());
    ArrayNode notes = root.putArray("notes");
    CohortNotes.of(view).forEach(notes::add);
    ObjectNode privacy = root.putObject("privacy");
    privacy.put("partner_view", view.partner());
    if (view.partner()) privacy.put("threshold", view.threshold());
    ArrayNode suppressed = privacy.putArray("suppressed_cells");
    view.hiddenCells().forEach(suppressed::add);
    return root;
  }

  private static ObjectNode group(Cells c, String prefix, AlertGroup g) {
    ObjectNode node = F.objectNode();
    c.count(node, "total", prefix + ".total", g.total());
    ObjectNode outcomes = node.putObject("by_outcome");
    g.byOutcome().forEach((o, n) -> c.count(outcomes, o.name(), prefix + ".by_outcome." + o, n));
    c.count(node, "open_new", prefix + ".open_new", g.newAlerts());
    c.count(node, "open_acknowledged", prefix + ".open_acknowledged", g.acknowledged());
    c.count(node, "withdrawn", prefix + ".withdrawn", g.withdrawn());
    return node;
  }

  private static ObjectNode row(OffenderRow o) {
    ObjectNode node = F.objectNode();
    node.put("offender_id", o.offenderId());
    if (o.managerId() == null) node.putNull("manager_id");
    else node.put("manager_id", o.managerId());
    ArrayNode cohorts = node.putArray("cohorts");
    o.cohorts().stream().sorted().forEach(k -> cohorts.add(k.name()));
    ArrayNode tags = node.putArray("tags");
    o.tags().forEach(tags::add);
    node.put("tagged_hours", CohortFigures.hours(o.taggedMs()));
    node.put("fixes_received", o.received());
    node.put("fixes_expected", CohortFigures.twoDp(o.expected()));
    decimal(node, "completeness_percent", o.percent());
    node.put("gaps", o.gaps());
    node.put("gap_hours", CohortFigures.hours(o.gapMs()));
    node.put("silent_edge_hours", CohortFigures.hours(o.silentMs()));
    node.put("matches_present", o.matchesPresent());
    node.put("matches_gap", o.matchesGap());
    node.put("crime_alerts", o.crimeAlerts());
    node.put("positive_lines_of_enquiry", o.positiveLines());
    node.put("licence_alerts", o.licenceAlerts());
    return node;
  }

  private static void decimal(ObjectNode node, String field, Optional<BigDecimal> value) {
    if (value.isEmpty()) node.putNull(field);
    else node.put(field, CohortFigures.twoDp(value.get()));
  }

  /** Writes a cell as its value, or null when the view hides it. */
  private static final class Cells {
    final CohortView view;

    Cells(CohortView view) {
      this.view = view;
    }

    void count(ObjectNode node, String field, String cell, long n) {
      if (view.hidden(cell)) node.putNull(field);
      else node.put(field, n);
    }

    void decimal(ObjectNode node, String field, String cell, BigDecimal value) {
      if (value == null || view.hidden(cell)) node.putNull(field);
      else node.put(field, value);
    }
  }
}
