package org.iom.correlator.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.iom.correlator.report.CohortScope;
import org.iom.correlator.report.FinancialYear;
import org.iom.correlator.report.IdiomCalculator;
import org.iom.correlator.report.IdiomCsvZipWriter;
import org.iom.correlator.report.IdiomHtmlWriter;
import org.iom.correlator.report.IdiomJsonWriter;
import org.iom.correlator.report.IdiomRequest;
import io.vertx.core.Future;
import java.util.function.Supplier;
import org.iom.correlator.access.Role;
import org.iom.correlator.access.web.AuditTrail;
import org.iom.correlator.access.web.Callers;
import org.iom.correlator.report.IdiomReport;
import org.iom.correlator.report.ReferenceData;
import org.iom.correlator.report.ReportView;
import org.iom.ingest.store.Store;

/**
 * {@code GET /v1/reports/idiom?cohort=FIXED&as_of=2025-03-31&price_year=2024-25&format=json|csv|html}:
 * the IDIOM report over the stored memberships and proven offences. A PARTNER gets the partner
 * view (aggregates only, cells under 5 suppressed); IOM managers and admins get the full view with
 * per-offender rows (offender ids, no names), and that read is audited. The computation runs on a
 * worker thread.
 */
final class IdiomReportHandler implements Handler<RoutingContext> {
  private final Vertx vertx;
  private final Store store;
  private final Supplier<ReferenceData> reference;
  private final AuditTrail audit;

  /** @param reference the reference data in force when a report is asked for (admins may replace it) */
  IdiomReportHandler(Vertx vertx, Store store, Supplier<ReferenceData> reference, AuditTrail audit) {
    this.vertx = vertx;
    this.store = store;
    this.reference = reference;
    this.audit = audit;
  }

  @Override
  public void handle(RoutingContext ctx) {
    IdiomRequest request;
    String format = param(ctx, "format", "json");
    try {
      request = IdiomRequest.of(CohortScope.parse(param(ctx, "cohort", "ALL")),
          LocalDate.parse(required(ctx, "as_of")), FinancialYear.parse(required(ctx, "price_year")));
    } catch (DateTimeParseException e) {
      ctx.fail(new ApiError(400, "as_of '" + ctx.request().getParam("as_of") + "' is not a date (yyyy-mm-dd)"));
      return;
    } catch (IllegalArgumentException e) {
      ctx.fail(new ApiError(400, e.getMessage()));
      return;
    }
    if (!format.equals("json") && !format.equals("csv") && !format.equals("html")) {
      ctx.fail(new ApiError(400, "format '" + format + "' is not one of json, csv, html"));
      return;
    }
    boolean partner = Callers.of(ctx).role() == Role.PARTNER;
    store.memberships()
        .compose(memberships -> store.offences().compose(offences -> vertx.executeBlocking(() -> {
          IdiomReport report = new IdiomCalculator(reference.get()).compute(memberships, offences, request);
          ReportView view = partner ? ReportView.partner(report, ReportView.DEFAULT_THRESHOLD) : ReportView.full(report);
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          switch (format) {
            case "csv" -> new IdiomCsvZipWriter().write(view, out);
            case "html" -> new IdiomHtmlWriter().write(view, out);
            default -> new IdiomJsonWriter().write(view, out);
          }
          return out.toByteArray();
        })))
        // The full view lists offenders: that read is audited like any other personal data.
        .compose(bytes -> partner ? Future.succeededFuture(bytes)
            : audit.record(ctx, null, null, "IDIOM report (full view)", 0).map(recorded -> bytes))
        .onSuccess(bytes -> ctx.response()
            .putHeader("Content-Type", switch (format) {
              case "csv" -> "application/zip";
              case "html" -> "text/html; charset=utf-8";
              default -> "application/json";
            })
            .putHeader("Content-Disposition", format.equals("csv") ? "attachment; filename=\"idiom.zip\"" : "inline")
            .end(Buffer.buffer(bytes)))
        .onFailure(e -> ctx.fail(e instanceof IllegalArgumentException ? new ApiError(400, e.getMessage()) : e));
  }

  private static String param(RoutingContext ctx, String name, String fallback) {
    String value = ctx.request().getParam(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static String required(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " is required");
    return value.strip();
  }
}
