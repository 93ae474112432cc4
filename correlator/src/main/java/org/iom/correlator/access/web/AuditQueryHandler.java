package org.iom.correlator.access.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.iom.correlator.access.AuditEntry;
import org.iom.correlator.access.AuditLog;
import org.iom.correlator.access.AuditQuery;
import org.iom.correlator.access.AuditRecord;
import org.iom.correlator.http.ApiError;

/**
 * {@code GET /v1/audit?user=&offender=&crime_ref=&endpoint=&from=&to=&after=&limit=} (ADMIN):
 * a page of the audit log in append order. {@code endpoint} matches a prefix (e.g.
 * {@code GET /v1/alerts}); {@code from} is inclusive and {@code to} exclusive (ISO-8601 instants);
 * {@code limit} is 1 to {@value #MAX_PAGE}, default {@value #DEFAULT_LIMIT}; {@code after}
 * is the cursor: the {@code next_after} of the previous page (JSON) or its {@code X-Next-After}
 * header (CSV), absent on the last page.
 *
 * <p>JSON by default; CSV ({@link AuditCsv}) with {@code Accept: text/csv} or {@code format=csv}.
 * Reading the audit log is itself audited (who looked at whose reads), after the page is read,
 * so a page never contains its own read. Thread-safe.
 */
final class AuditQueryHandler {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_PAGE = 10_000;

  private final AuditLog log;
  private final AuditTrail trail;

  AuditQueryHandler(AuditLog log, AuditTrail trail) {
    this.log = log;
    this.trail = trail;
  }

  void handle(RoutingContext ctx) {
    AuditQuery query;
    boolean csv;
    try {
      query = query(ctx);
      csv = wantsCsv(ctx);
    } catch (ApiError e) {
      ctx.fail(e);
      return;
    } catch (IllegalArgumentException e) {
      ctx.fail(new ApiError(400, e.getMessage()));
      return;
    }
    // One more than the page: its presence says whether there is a next page.
    log.find(query.withLimit(query.limit() + 1))
        .compose(found -> {
          boolean more = found.size() > query.limit();
          List<AuditRecord> page = more ? found.subList(0, query.limit()) : found;
          Long next = more ? page.get(page.size() - 1).id() : null;
          return trail.record(ctx, query.offenderId(), query.crimeRef(), null, page.size())
              .map(v -> csv ? csv(ctx, page, next) : json(ctx, page, next));
        })
        .onFailure(ctx::fail);
  }

  private static Void csv(RoutingContext ctx, List<AuditRecord> page, Long next) {
    if (next != null) ctx.response().putHeader("X-Next-After", next.toString());
    ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"audit.csv\"")
        .end(AuditCsv.write(page));
    return null;
  }

  private static Void json(RoutingContext ctx, List<AuditRecord> page, Long next) {
    JsonArray entries = new JsonArray();
    for (AuditRecord r : page) {
      AuditEntry e = r.entry();
      entries.add(new JsonObject().put("id", r.id()).put("at", e.at().toString()).put("user", e.user())
          .put("role", e.role().name()).put("endpoint", e.endpoint()).put("offender_id", e.offenderId())
          .put("crime_ref", e.crimeRef()).put("purpose", e.purpose()).put("row_count", e.rowCount()));
    }
    ctx.json(new JsonObject().put("entries", entries).put("next_after", next));
    return null;
  }

  private static boolean wantsCsv(RoutingContext ctx) {
    String format = ctx.request().getParam("format");
    if (format != null) {
      if (format.equals("csv")) return true;
      if (format.equals("json")) return false;
      throw new ApiError(400, "format '" + format + "' is not one of json, csv");
    }
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
  }

  private static AuditQuery query(RoutingContext ctx) {
    long limit = number(ctx, "limit", DEFAULT_LIMIT);
    if (limit < 1 || limit > MAX_PAGE) throw new ApiError(400, "limit " + limit + " is not between 1 and " + MAX_PAGE);
    return new AuditQuery(param(ctx, "user"), param(ctx, "offender"), param(ctx, "crime_ref"), param(ctx, "endpoint"),
        instant(ctx, "from"), instant(ctx, "to"), number(ctx, "after", 0), (int) limit);
  }

  private static String param(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Instant instant(RoutingContext ctx, String name) {
    String value = param(ctx, name);
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new ApiError(400, name + " '" + value + "' is not an ISO-8601 instant such as 2025-03-01T00:00:00Z");
    }
  }

  private static long number(RoutingContext ctx, String name, long fallback) {
    String value = param(ctx, name);
    try {
      return value == null ? fallback : Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new ApiError(400, name + " '" + value + "' is not a whole number");
    }
  }
}
