package org.iom.correlator.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.InstantSource;
import org.iom.correlator.access.web.Callers;
import org.iom.correlator.report.ReferenceData;
import org.iom.correlator.report.ReferenceDataException;
import org.iom.correlator.report.ReferenceTables;

/**
 * {@code PUT /v1/reference/{costs|offence-map|deflators}[?scheme=HO2018]} (ADMIN): replaces one
 * IDIOM reference table with the CSV body (the formats of docs/idiom.md). The whole table is
 * validated first; a bad row answers 400 naming the line and the reason and nothing changes.
 * Reports priced afterwards use it and print it.
 */
final class ReferenceUploadHandler implements Handler<RoutingContext> {
  static final int MAX_BYTES = 1 << 20;

  private final ReferenceTables tables;
  private final InstantSource clock;

  ReferenceUploadHandler(ReferenceTables tables, InstantSource clock) {
    this.tables = tables;
    this.clock = clock;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ReferenceTables.Kind kind;
    try {
      kind = ReferenceTables.Kind.ofPath(ctx.pathParam("kind"));
    } catch (IllegalArgumentException e) {
      ctx.fail(new ApiError(404, e.getMessage()));
      return;
    }
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")) {
      ctx.fail(new ApiError(415, "send the table as text/csv"));
      return;
    }
    String csv = ctx.body().asString("UTF-8");
    if (csv == null || csv.isBlank()) {
      ctx.fail(new ApiError(400, "the body is empty: send the whole " + kind.pathName() + " table as CSV"));
      return;
    }
    tables.replace(kind, ctx.request().getParam("scheme"), csv, Callers.of(ctx).name(), clock.instant())
        .onSuccess(now -> ctx.response().putHeader("Content-Type", "application/json").end(summary(kind, now).encode()))
        .onFailure(e -> ctx.fail(e instanceof ReferenceDataException || e instanceof IllegalArgumentException
            ? new ApiError(400, e.getMessage()) : e));
  }

  private static JsonObject summary(ReferenceTables.Kind kind, ReferenceData now) {
    return new JsonObject().put("replaced", kind.pathName())
        .put("cost_scheme", now.costScheme().name())
        .put("offence_map", now.offenceMap().file())
        .put("offence_codes", now.offenceMap().mappings().size())
        .put("deflators", now.deflators().file())
        .put("deflator_vintage", now.deflators().vintage())
        .put("deflator_years", now.deflators().series().size());
  }
}
