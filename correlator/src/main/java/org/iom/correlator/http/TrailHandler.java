package org.iom.correlator.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import io.vertx.core.Future;
import org.iom.correlator.access.Role;
import org.iom.correlator.access.web.AuditTrail;
import org.iom.correlator.access.web.Callers;
import org.iom.correlator.match.MatchRule;
import org.iom.correlator.trail.OffenderTrail;
import org.iom.ingest.store.Store;

/**
 * {@code GET /v1/offenders/{id}/trail?from=&to=[&crime_ref=&purpose=]}: the offender's trail over
 * the closed interval as GeoJSON ({@link OffenderTrail}). Both bounds are required and at most
 * {@link #MAX_SPAN} apart: a trail is read for a purpose, not downloaded whole. A manager reads
 * their caseload's trails; an investigator must give a crime reference and a purpose, and may read
 * only inside that crime's search window (403 otherwise). Every read is audited.
 */
final class TrailHandler implements Handler<RoutingContext> {
  static final Duration MAX_SPAN = Duration.ofDays(31);

  private final Store store;
  private final Viewers viewers;
  private final AuditTrail audit;
  private final MatchRule rule;

  TrailHandler(Store store, Viewers viewers, AuditTrail audit, MatchRule rule) {
    this.store = store;
    this.viewers = viewers;
    this.audit = audit;
    this.rule = rule;
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
    String crimeRef = ctx.request().getParam("crime_ref");
    String purpose = ctx.request().getParam("purpose");
    boolean investigator = Callers.of(ctx).role() == Role.INVESTIGATOR;
    if (investigator && (blank(crimeRef) || blank(purpose))) {
      ctx.fail(new ApiError(400, "an investigator's trail request needs crime_ref and purpose"));
      return;
    }
    Future<Void> allowed = !investigator ? Future.succeededFuture() : store.crime(crimeRef.strip()).map(crime -> {
      if (crime.isEmpty()) throw new ApiError(404, "no crime with crime_ref '" + crimeRef + "' has been received");
      Instant w0 = crime.get().committedFrom().minus(rule.buffer());
      Instant w1 = crime.get().committedTo().plus(rule.buffer());
      if (from.isBefore(w0) || to.isAfter(w1)) {
        throw new ApiError(403, "an investigator may read a trail only inside the crime's search window " + w0 + " to " + w1);
      }
      return null;
    });
    allowed.compose(ok -> viewers.of(ctx)).compose(viewer -> {
      if (!viewer.sees(offenderId)) throw new ApiError(404, "no offender '" + offenderId + "' on your caseload");
      return OffenderTrail.load(store, offenderId, from, to, rule.maxGap());
    }).compose(trail -> audit.record(ctx, offenderId, blank(crimeRef) ? null : crimeRef.strip(),
            blank(purpose) ? null : purpose.strip(), trail.getJsonArray("features").size()).map(recorded -> trail))
        .onSuccess(trail -> ctx.response().putHeader("Content-Type", "application/geo+json").end(trail.encode()))
        .onFailure(ctx::fail);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String required(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " is required");
    return value.strip();
  }
}
