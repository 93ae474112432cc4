package org.iom.correlator.report.cohort;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.iom.correlator.alert.AlertKind;
import org.iom.correlator.match.MatchKind;
import org.iom.correlator.report.cohort.CohortReport.AlertGroup;
import org.iom.correlator.report.cohort.CohortReport.OffenderRow;
import org.iom.ingest.model.Cohort;

/**
 * The CSV form of a cohort report: a zip with one RFC 4180 file per table (UTF-8, CRLF, header
 * row); same figures and rounding as the JSON, hidden cells written as e.g. {@code <5}. The
 * partner view has no {@code offenders.csv}. Without an alert store, {@code alerts.csv} and
 * {@code licence_alerts.csv} hold only their header. Stateless and thread-safe.
 */
public final class CohortCsvZipWriter {
  /** Table files in the order written (the partner view leaves out offenders.csv). */
  public static final List<String> FULL_TABLES = List.of("report.csv", "people.csv", "completeness.csv", "bands.csv",
      "crimes.csv", "matches.csv", "alerts.csv", "licence_alerts.csv", "caseload.csv", "offenders.csv", "notes.csv");

  public void write(CohortView view, OutputStream out) throws IOException {
    CohortReport r = view.report();
    CohortRequest q = r.request();
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    entry(zip, "report.csv", csv -> {
      csv.writeRecord("key", "value");
      csv.writeRecord("cohort", q.scope().name());
      csv.writeRecord("from", q.from().toString());
      csv.writeRecord("to_exclusive", q.to().toString());
      csv.writeRecord("time_zone", CohortRequest.LONDON.getId());
      csv.writeRecord("start", q.periodStart().toString());
      csv.writeRecord("end", q.periodEnd().toString());
      csv.writeRecord("counted_to", q.countedEnd().toString());
      csv.writeRecord("period_running", Boolean.toString(q.periodRunning()));
      csv.writeRecord("generated_at", q.generatedAt().toString());
      csv.writeRecord("cadence_seconds", BigDecimal.valueOf(q.cadence().toMillis(), 3).stripTrailingZeros().toPlainString());
      csv.writeRecord("max_gap_minutes",
          BigDecimal.valueOf(q.maxGap().toMillis()).divide(BigDecimal.valueOf(60_000)).stripTrailingZeros().toPlainString());
      csv.writeRecord("alerts_available", Boolean.toString(r.alerts().available()));
      csv.writeRecord("partner_view", Boolean.toString(view.partner()));
    });
    entry(zip, "people.csv", csv -> {
      csv.writeRecord("figure", "value");
      csv.writeRecord("on_scheme", view.count("people.on_scheme", r.people().onScheme()));
      csv.writeRecord("memberships", view.count("people.memberships", r.people().memberships()));
      for (Cohort c : Cohort.values()) {
        Integer n = r.people().byCohort().get(c);
        if (n != null) csv.writeRecord("on_scheme_" + c, view.count("people.by_cohort." + c, n));
      }
      csv.writeRecord("tagged", view.count("people.tagged", r.people().tagged()));
      csv.writeRecord("tag_assignments", view.count("people.tag_assignments", r.people().tagAssignments()));
      csv.writeRecord("tag_days", hideOr(view, "people.tag_days", CohortFigures.days(r.people().taggedMs())));
    });
    entry(zip, "completeness.csv", csv -> {
      var k = r.completeness();
      csv.writeRecord("figure", "value");
      csv.writeRecord("tagged_hours", hideOr(view, "completeness.tagged_hours", CohortFigures.hours(r.people().taggedMs())));
      csv.writeRecord("fixes_received", view.count("completeness.fixes_received", k.received()));
      csv.writeRecord("fixes_expected", hideOr(view, "completeness.fixes_expected", CohortFigures.twoDp(k.expected())));
      csv.writeRecord("percent", hideOr(view, "completeness.percent", k.percent().map(CohortFigures::twoDp).orElse(null)));
      csv.writeRecord("gaps", view.count("completeness.gaps", k.gaps()));
      csv.writeRecord("gap_hours", hideOr(view, "completeness.gap_hours", CohortFigures.hours(k.gapMs())));
      csv.writeRecord("silent_edge_hours", hideOr(view, "completeness.silent_edge_hours", CohortFigures.hours(k.silentMs())));
    });
    entry(zip, "bands.csv", csv -> {
      csv.writeRecord("band", "label", "offenders");
      r.completeness().bands().forEach((b, n) ->
          csv.writeRecord(b.name(), b.label(), view.count("completeness.by_band." + b, n)));
    });
    entry(zip, "crimes.csv", csv -> {
      csv.writeRecord("figure", "value");
      csv.writeRecord("cross_referenced", Integer.toString(r.crimes().crossReferenced()));
      csv.writeRecord("with_matches", view.count("crimes.with_matches", r.crimes().withMatches()));
      csv.writeRecord("offenders_matched", view.count("crimes.offenders_matched", r.crimes().offendersMatched()));
    });
    entry(zip, "matches.csv", csv -> {
      csv.writeRecord("kind", "matches");
      for (MatchKind m : MatchKind.values()) {
        csv.writeRecord(m.name(), view.count("matches.by_kind." + m, r.crimes().matchesByKind().get(m)));
      }
      csv.writeRecord("TOTAL", view.count("matches.total", r.crimes().matches()));
    });
    entry(zip, "alerts.csv", csv -> {
      csv.writeRecord(List.of("group", "POSITIVE_LINE_OF_ENQUIRY", "ELIMINATED", "NO_FURTHER_ACTION", "STILL_OPEN",
          "total", "open_new", "open_acknowledged", "withdrawn"));
      if (r.alerts().available()) {
        alertRow(csv, view, "crime", r.alerts().crime());
        alertRow(csv, view, "licence", r.alerts().licence());
      }
    });
    entry(zip, "licence_alerts.csv", csv -> {
      csv.writeRecord("kind", "alerts");
      if (r.alerts().available()) {
        for (Map.Entry<AlertKind, Integer> e : r.alerts().licenceByKind().entrySet()) {
          csv.writeRecord(e.getKey().name(), view.count("alerts.licence.by_kind." + e.getKey(), e.getValue()));
        }
      }
    });
    entry(zip, "caseload.csv", csv -> {
      csv.writeRecord("manager", "offenders");
      for (CohortView.ManagerRow m : view.managers()) {
        csv.writeRecord(m.label(), view.count(CohortView.managerCell(m.label()), m.offenders()));
      }
      csv.writeRecord("(no manager)", view.count("caseload.unassigned", r.caseload().unassigned()));
    });
    if (!view.partner()) {
      entry(zip, "offenders.csv", csv -> {
        csv.writeRecord("offender_id", "manager_id", "cohorts", "tags", "tagged_hours", "fixes_received",
            "fixes_expected", "completeness_percent", "gaps", "gap_hours", "silent_edge_hours", "matches_present",
            "matches_gap", "crime_alerts", "positive_lines_of_enquiry", "licence_alerts");
        for (OffenderRow o : r.offenders()) {
          csv.writeRecord(o.offenderId(), o.managerId() == null ? "" : o.managerId(),
              o.cohorts().stream().sorted().map(Enum::name).collect(Collectors.joining(";")), String.join(";", o.tags()),
              CohortFigures.hours(o.taggedMs()).toPlainString(), Long.toString(o.received()),
              CohortFigures.twoDp(o.expected()).toPlainString(),
              o.percent().map(p -> CohortFigures.twoDp(p).toPlainString()).orElse(""), Integer.toString(o.gaps()),
              CohortFigures.hours(o.gapMs()).toPlainString(), CohortFigures.hours(o.silentMs()).toPlainString(),
              Integer.toString(o.matchesPresent()), Integer.toString(o.matchesGap()), Integer.toString(o.crimeAlerts()),
              Integer.toString(o.positiveLines()), Integer.toString(o.licenceAlerts()));
        }
      });
    }
    entry(zip, "notes.csv", csv -> {
      csv.writeRecord("note");
      for (String note : CohortNotes.of(view)) csv.writeRecord(note);
    });
    zip.finish();
    zip.flush();
  }

  private static void alertRow(CsvWriter csv, CohortView view, String group, AlertGroup g) {
    String p = "alerts." + group;
    csv.writeRecord(group, view.count(p + ".by_outcome.POSITIVE_LINE_OF_ENQUIRY",
            g.byOutcome().get(AlertOutcome.POSITIVE_LINE_OF_ENQUIRY)),
        view.count(p + ".by_outcome.ELIMINATED", g.byOutcome().get(AlertOutcome.ELIMINATED)),
        view.count(p + ".by_outcome.NO_FURTHER_ACTION", g.byOutcome().get(AlertOutcome.NO_FURTHER_ACTION)),
        view.count(p + ".by_outcome.STILL_OPEN", g.byOutcome().get(AlertOutcome.STILL_OPEN)),
        view.count(p + ".total", g.total()), view.count(p + ".open_new", g.newAlerts()),
        view.count(p + ".open_acknowledged", g.acknowledged()), view.count(p + ".withdrawn", g.withdrawn()));
  }

  private static String hideOr(CohortView view, String cell, BigDecimal value) {
    if (view.hidden(cell)) return view.hiddenText();
    return value == null ? "" : value.toPlainString();
  }

  private static void entry(ZipOutputStream zip, String name, Consumer<CsvWriter> body) throws IOException {
    StringWriter text = new StringWriter();
    CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(text);
    body.accept(csv);
    csv.flush();
    zip.putNextEntry(new ZipEntry(name));
    OutputStreamWriter writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
    writer.write(text.toString());
    writer.flush();
    zip.closeEntry();
  }
}
