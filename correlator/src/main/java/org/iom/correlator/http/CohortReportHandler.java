package org.iom.correlator.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletionException;
import org.iom.correlator.access.Role;
import org.iom.correlator.access.web.AuditTrail;
import org.iom.correlator.access.web.Callers;
import org.iom.correlator.alert.AlertStore;
import org.iom.correlator.live.MatchStore;
import org.iom.correlator.report.CohortScope;
import org.iom.correlator.report.ReportView;
import org.iom.correlator.report.cohort.CohortCsvZipWriter;
import org.iom.correlator.report.cohort.CohortHtmlWriter;
import org.iom.correlator.report.cohort.CohortJsonWriter;
import org.iom.correlator.report.cohort.CohortReportSource;
import org.iom.correlator.report.cohort.CohortRequest;
import org.iom.correlator.report.cohort.CohortView;
import org.iom.ingest.store.Store;

/**
 * {@code GET /v1/reports/cohort?cohort=FIXED&from=2025-03-01&to=2025-04-01&format=json|csv|html}:
 * the cohort report (docs/cohort-report.md) over the stored memberships, offenders, assignments,
 * fixes, crimes, matches and alerts. A PARTNER gets the partner view (aggregates only, cells under
 * {@link ReportView#DEFAULT_THRESHOLD} suppressed, no offender or manager ids); IOM managers and
 * admins get the full view, and that read is audited. {@code from} and
 * {@code to} are Europe/London days, {@code to} exclusive; {@code cohort} defaults to ALL,
 * {@code format} to json. Gathering and writing run on a worker thread.
 */
final class CohortReportHandler implements Handler<RoutingContext> {
  private final Vertx vertx;
  private final CohortReportSource source;
  private final InstantSource clock;
  private final Duration maxGap;
  private final AuditTrail audit;

  /**
   * @param alerts the alert store, or null when the service has none
   * @param maxGap the correlator's rule max gap, so report gaps match the matcher's
   * @param audit  where full-view reads are recorded; null serves the partner view to everyone
   */
  CohortReportHandler(Vertx vertx, Store store, MatchStore matches, AlertStore alerts, InstantSource clock,
      Duration maxGap, AuditTrail audit) {
    this.audit = audit;
    this.vertx = vertx;
    this.source = new CohortReportSource(store, matches, alerts);
    this.clock = clock;
    this.maxGap = maxGap;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String format = param(ctx, "format", "json");
    CohortRequest request;
    try {
      CohortScope scope = CohortScope.parse(param(ctx, "cohort", "ALL"));
      request = new CohortRequest(scope, date(ctx, "from"), date(ctx, "to"), clock.instant(),
          CohortRequest.DEFAULT_CADENCE, maxGap);
    } catch (IllegalArgumentException e) {
      ctx.fail(new ApiError(400, e.getMessage()));
      return;
    }
    if (!format.equals("json") && !format.equals("csv") && !format.equals("html")) {
      ctx.fail(new ApiError(400, "format '" + format + "' is not one of json, csv, html"));
      return;
    }
    boolean partner = audit == null || Callers.of(ctx).role() == Role.PARTNER;
    vertx.executeBlocking(() -> {
          var report = join(source, request);
          CohortView view = partner ? CohortView.partner(report, ReportView.DEFAULT_THRESHOLD) : CohortView.full(report);
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          switch (format) {
            case "csv" -> new CohortCsvZipWriter().write(view, out);
            case "html" -> new CohortHtmlWriter().write(view, out);
            default -> new CohortJsonWriter().write(view, out);
          }
          return out.toByteArray();
        })
        .compose(bytes -> partner ? io.vertx.core.Future.succeededFuture(bytes)
            : audit.record(ctx, null, null, "cohort report (full view)", 0).map(recorded -> bytes))
        .onSuccess(bytes -> ctx.response()
            .putHeader("Content-Type", switch (format) {
              case "csv" -> "application/zip";
              case "html" -> "text/html; charset=utf-8";
              default -> "application/json";
            })
            .putHeader("Content-Disposition", format.equals("csv") ? "attachment; filename=\"cohort.zip\"" : "inline")
            .end(Buffer.buffer(bytes)))
        .onFailure(ctx::fail);
  }

  /** Waits on a worker thread; the store's futures complete on their own context. */
  private static org.iom.correlator.report.cohort.CohortReport join(CohortReportSource source, CohortRequest request) {
    try {
      return source.report(request).toCompletionStage().toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private static LocalDate date(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " is required (yyyy-mm-dd)");
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " '" + value + "' is not a date (yyyy-mm-dd)");
    }
  }

  private static String param(RoutingContext ctx, String name, String fallback) {
    String value = ctx.request().getParam(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
