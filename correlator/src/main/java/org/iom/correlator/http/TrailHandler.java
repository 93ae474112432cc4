package org.iom.correlator.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.iom.correlator.trail.OffenderTrail;
import org.iom.ingest.store.Store;

/**
 * {@code GET /v1/offenders/{id}/trail?from=&to=}: the offender's trail over the closed interval
 * as GeoJSON ({@link OffenderTrail}). Both bounds are required and at most {@link #MAX_SPAN} apart:
 * a trail is read for a purpose, not downloaded whole.
 */
final class TrailHandler implements Handler<RoutingContext> {
  static final Duration MAX_SPAN = Duration.ofDays(31);

  private final Store store;
  private final Viewers viewers;
  private final Duration maxGap;

  TrailHandler(Store store, Viewers viewers, Duration maxGap) {
    this.store = store;
    this.viewers = viewers;
    this.maxGap = maxGap;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String offenderId = ctx.pathParam("id");
    Instant from;
    Instant to;
    try {
      from = Instant.parse(required(ctx, "from"));
      to = Instant.parse(required(ctx, "to"));
    } catch (DateTimeParseException e) {
      ctx.fail(new ApiError(400, "from and to must be ISO-8601 UTC instants, e.g. 2025-03-24T10:00:00Z"));
      return;
    } catch (IllegalArgumentException e) {
      ctx.fail(new ApiError(400, e.getMessage()));
      return;
    }
    if (to.isBefore(from)) {
      ctx.fail(new ApiError(400, "to is before from"));
      return;
    }
    if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
      ctx.fail(new ApiError(400, "a trail may span at most " + MAX_SPAN.toDays() + " days"));
      return;
    }
    viewers.of(ctx).compose(viewer -> {
      if (!viewer.sees(offenderId)) throw new ApiError(404, "no offender '" + offenderId + "' on your caseload");
      return OffenderTrail.load(store, offenderId, from, to, maxGap);
    }).onSuccess(trail -> ctx.response().putHeader("Content-Type", "application/geo+json").end(trail.encode()))
        .onFailure(ctx::fail);
  }

  private static String required(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " is required");
    return value.strip();
  }
}
