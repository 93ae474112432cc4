package org.iom.correlator.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.iom.correlator.report.IdiomReport.CategoryTotal;
import org.iom.correlator.report.IdiomReport.Change;
import org.iom.correlator.report.IdiomReport.ExcludedMembership;
import org.iom.correlator.report.IdiomReport.MembershipRow;
import org.iom.correlator.report.IdiomReport.MembershipWindow;
import org.iom.correlator.report.IdiomReport.Overlap;
import org.iom.correlator.report.IdiomReport.ProvisionalWindow;
import org.iom.correlator.report.IdiomReport.UncostedTotal;
import org.iom.correlator.report.IdiomReport.WindowSummary;

/**
 * The CSV form of a report: a zip with one RFC 4180 file per table (UTF-8, CRLF, header row).
 * Same figures and rounding as the JSON; hidden cells are written as e.g. {@code <5}. The
 * partner view has no {@code offenders.csv}, {@code overlaps.csv} or {@code excluded.csv}, and
 * one aggregate row in {@code provisional.csv}. Stateless and thread-safe.
 */
public final class IdiomCsvZipWriter {
  /** Table files in the order written. */
  public static final List<String> FULL_TABLES = List.of("report.csv", "windows.csv", "categories.csv",
      "uncosted.csv", "change.csv", "offenders.csv", "provisional.csv", "excluded.csv", "overlaps.csv",
      "unit_costs.csv", "offence_map.csv", "deflators.csv", "notes.csv");

  public void write(ReportView view, OutputStream out) throws IOException {
    IdiomReport r = view.report();
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    entry(zip, "report.csv", csv -> {
      csv.writeRecord("key", "value");
      csv.writeRecord("cohort", r.request().scope().name());
      csv.writeRecord("as_of", r.request().asOf().toString());
      csv.writeRecord("price_year", r.request().priceYear().toString());
      csv.writeRecord("cohort_size", count(view, "cohort_size", r.cohortOffenders()));
      csv.writeRecord("cohort_memberships", count(view, "cohort_memberships", r.cohortMemberships()));
      csv.writeRecord("small_cohort", Boolean.toString(r.smallCohort()));
      csv.writeRecord("partner_view", Boolean.toString(view.partner()));
      csv.writeRecord("cost_scheme", r.reference().costScheme().name());
      csv.writeRecord("deflator_vintage", r.reference().deflators().vintage());
    });
    entry(zip, "windows.csv", csv -> {
      csv.writeRecord("window", "memberships", "offenders", "offenders_with_offences", "offences", "costed_offences",
          "uncosted_offences", "cost_gbp", "cost_per_offence_gbp", "partial_memberships", "provisional_memberships",
          "memberships_without_window", "convictions_pending_memberships");
      for (WindowSummary w : r.windows().values()) {
        WindowKind k = w.kind();
        String perOffence = w.costPerOffence().map(IdiomCsvZipWriter::pence).orElse("");
        csv.writeRecord(k.name(), count(view, cell(k, "memberships"), w.memberships()),
            count(view, cell(k, "offenders"), w.offenders()),
            count(view, cell(k, "offenders_with_offences"), w.offendersWithOffences()),
            count(view, cell(k, "offences"), w.offences()),
            count(view, cell(k, "costed_offences"), w.costedOffences()),
            count(view, cell(k, "uncosted_offences"), w.uncostedOffences()),
            hideOr(view, cell(k, "cost_gbp"), pence(w.costGbp())),
            hideOr(view, cell(k, "cost_per_offence_gbp"), perOffence),
            count(view, cell(k, "partial_memberships"), w.partialMemberships()),
            count(view, cell(k, "provisional_memberships"), w.provisionalMemberships()),
            count(view, cell(k, "memberships_without_window"), w.withoutWindow()),
            count(view, cell(k, "convictions_pending_memberships"), w.convictionsPending()));
      }
    });
    entry(zip, "categories.csv", csv -> {
      csv.writeRecord("window", "category", "offences", "cost_gbp");
      for (WindowSummary w : r.windows().values()) {
        for (CategoryTotal t : w.byCategory().values()) {
          csv.writeRecord(w.kind().name(), t.category(),
              count(view, ReportView.categoryCell(w.kind(), t.category(), "offences"), t.offences()),
              hideOr(view, ReportView.categoryCell(w.kind(), t.category(), "cost_gbp"), pence(t.costGbp())));
        }
      }
    });
    entry(zip, "uncosted.csv", csv -> {
      csv.writeRecord("window", "offence_code", "label", "reason", "offences");
      for (WindowSummary w : r.windows().values()) {
        for (UncostedTotal u : w.uncostedByCode().values()) {
          csv.writeRecord(w.kind().name(), u.offenceCode(), u.label(), u.reason(),
              count(view, ReportView.uncostedCell(w.kind(), u.offenceCode()), u.offences()));
        }
      }
    });
    entry(zip, "change.csv", csv -> {
      csv.writeRecord("comparison", "memberships", "from_offences", "to_offences", "from_cost_gbp", "to_cost_gbp",
          "change_gbp", "percent");
      for (Change c : List.of(r.preToPost(), r.preToDuring())) {
        String name = "PRE_TO_" + c.to().name();
        if (view.hidden(ReportView.changeCell(c.to()))) {
          String h = view.hiddenText();
          csv.writeRecord(name, h, h, h, h, h, h, h);
        } else {
          csv.writeRecord(name, Integer.toString(c.memberships()), Integer.toString(c.fromOffences()),
              Integer.toString(c.toOffences()), pence(c.fromCostGbp()), pence(c.toCostGbp()), pence(c.changeGbp()),
              c.percent().map(p -> Rounding.percent(p).toPlainString()).orElse(""));
        }
      }
    });
    if (!view.partner()) {
      entry(zip, "offenders.csv", csv -> {
        List<String> header = new ArrayList<>(List.of("offender_id", "cohort", "joined_on", "left_on"));
        for (WindowKind k : WindowKind.values()) {
          String p = k.name().toLowerCase(java.util.Locale.ROOT) + "_";
          header.addAll(List.of(p + "from", p + "to_exclusive", p + "status", p + "offences", p + "uncosted_offences",
              p + "cost_gbp", p + "convictions_pending", p + "note"));
        }
        csv.writeRecord(header);
        for (MembershipRow row : r.memberships()) {
          List<String> fields = new ArrayList<>(List.of(row.membership().offenderId(), row.membership().cohort().name(),
              row.membership().joinedOn().toString(), text(row.membership().leftOn())));
          for (MembershipWindow w : row.windows().values()) {
            fields.addAll(List.of(w.window() == null ? "" : w.window().from().toString(),
                w.window() == null ? "" : w.window().to().toString(), w.status().name(),
                Integer.toString(w.offences()), Integer.toString(w.uncostedOffences()),
                w.status().counted() ? pence(w.costGbp()) : "", Boolean.toString(w.convictionsPending()), w.note()));
          }
          csv.writeRecord(fields);
        }
      });
    }
    entry(zip, "provisional.csv", csv -> {
      csv.writeRecord("offender_id", "cohort", "joined_on", "left_on", "window", "from", "to_exclusive", "memberships",
          "reason");
      if (view.partner()) {
        int n = r.window(WindowKind.POST).provisionalMemberships();
        if (n > 0) {
          csv.writeRecord("", "", "", "", "POST", "", "",
              count(view, cell(WindowKind.POST, "provisional_memberships"), n),
              "POST window not ended by the report date");
        }
      } else {
        for (ProvisionalWindow p : r.provisional()) {
          csv.writeRecord(p.membership().offenderId(), p.membership().cohort().name(),
              p.membership().joinedOn().toString(), text(p.membership().leftOn()), p.window().kind().name(),
              p.window().from().toString(), p.window().to().toString(), "1", p.reason());
        }
      }
    });
    if (!view.partner()) {
      entry(zip, "excluded.csv", csv -> {
        csv.writeRecord("offender_id", "cohort", "joined_on", "left_on", "reason");
        for (ExcludedMembership e : r.excluded()) {
          csv.writeRecord(e.membership().offenderId(), e.membership().cohort().name(),
              e.membership().joinedOn().toString(), text(e.membership().leftOn()), e.reason());
        }
      });
      entry(zip, "overlaps.csv", csv -> {
        csv.writeRecord("offender_id", "offence_date", "offence_code", "windows");
        for (Overlap o : r.overlaps()) {
          csv.writeRecord(o.offenderId(), o.offenceDate().toString(), o.offenceCode(), String.join("; ", o.windows()));
        }
      });
    }
    entry(zip, "unit_costs.csv", csv -> {
      csv.writeRecord("scheme", "category", "base_price_year", "cost_gbp", "uplift_factor", "cost_gbp_in_price_year",
          "source", "status");
      GdpDeflators d = r.reference().deflators();
      FinancialYear year = r.request().priceYear();
      for (UnitCost u : r.reference().costScheme().unitCosts()) {
        csv.writeRecord(u.scheme(), u.category(), u.basePriceYear().toString(), u.costGbp().toPlainString(),
            Rounding.factor(d.factor(u.basePriceYear(), year)).toPlainString(),
            pence(d.uplift(u.costGbp(), u.basePriceYear(), year)), u.source(), u.status());
      }
    });
    entry(zip, "offence_map.csv", csv -> {
      csv.writeRecord("offence_code", "category", "label");
      for (OffenceMapping m : r.reference().offenceMap().mappings()) {
        csv.writeRecord(m.code(), m.category() == null ? "" : m.category(), m.label());
      }
    });
    entry(zip, "deflators.csv", csv -> {
      csv.writeRecord("financial_year", "index", "vintage", "source");
      GdpDeflators d = r.reference().deflators();
      d.series().forEach((y, v) -> csv.writeRecord(y.toString(), v.toPlainString(), d.vintage(), d.source()));
    });
    entry(zip, "notes.csv", csv -> {
      csv.writeRecord("note");
      for (String note : ReportNotes.of(view)) csv.writeRecord(note);
    });
    zip.finish();
    zip.flush();
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

  private static String cell(WindowKind k, String field) {
    return ReportView.windowCell(k, field);
  }

  private static String count(ReportView view, String cell, int n) {
    return view.hidden(cell) ? view.hiddenText() : Integer.toString(n);
  }

  private static String hideOr(ReportView view, String cell, String value) {
    return view.hidden(cell) ? view.hiddenText() : value;
  }

  private static String pence(BigDecimal gbp) {
    return Rounding.pence(gbp).toPlainString();
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
