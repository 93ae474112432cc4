package org.iom.correlator.http;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.NoSuchElementException;
import java.util.Set;
import org.iom.correlator.access.web.AuditTrail;
import org.iom.correlator.alert.Alert;
import org.iom.correlator.alert.AlertKind;
import org.iom.correlator.alert.AlertQuery;
import org.iom.correlator.alert.AlertStatus;
import org.iom.correlator.alert.AlertTransition;
import org.iom.correlator.alert.IllegalTransitionException;
import org.iom.correlator.trail.OffenderTrail;
import org.iom.ingest.store.Store;

/**
 * The alert endpoints:
 * <ul>
 *   <li>{@code GET /v1/alerts?status=&kind=&offender_id=&crime_ref=&from=&to=&limit=&offset=}:
 *       newest raised first, {@code limit} default 100, at most 1,000;</li>
 *   <li>{@code GET /v1/alerts/{id}}: the alert with its workflow history and, for a crime alert,
 *       the crime and the offender's trail inside the crime's search window (GeoJSON);</li>
 *   <li>{@code POST /v1/alerts/{id}/transitions} {@code {"to": STATUS, "reason": "..."}}: 409 for a
 *       step the workflow does not allow, 400 without a reason.</li>
 * </ul>
 * Every endpoint sees only the alerts of the offenders the caller may see ({@link Viewers}).
 */
final class AlertsHandler {
  static final int DEFAULT_LIMIT = 100;

  private final AlertAccess alerts;
  private final Store store;
  private final Viewers viewers;
  private final AuditTrail audit;
  private final InstantSource clock;
  private final Duration maxGap;

  AlertsHandler(AlertAccess alerts, Store store, Viewers viewers, AuditTrail audit, InstantSource clock, Duration maxGap) {
    this.alerts = alerts;
    this.store = store;
    this.viewers = viewers;
    this.audit = audit;
    this.clock = clock;
    this.maxGap = maxGap;
  }

  void list(RoutingContext ctx) {
    AlertQuery base;
    try {
      base = query(ctx);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      ctx.fail(new ApiError(400, e.getMessage()));
      return;
    }
    viewers.of(ctx).compose(viewer -> {
      Set<String> offenders = viewer.narrow(base.offenderIds());
      AlertQuery q = new AlertQuery(base.status(), base.kind(), offenders, base.crimeRef(), base.from(), base.to(),
          base.limit(), base.offset());
      return alerts.store().find(q);
    }).compose(found -> audit.record(ctx, base.offenderIds() == null ? null : base.offenderIds().iterator().next(),
        base.crimeRef(), null, found.size()).map(recorded -> found)).onSuccess(found -> {
      JsonArray rows = new JsonArray();
      found.forEach(a -> rows.add(a.toJson()));
      json(ctx, 200, new JsonObject().put("alerts", rows).put("count", rows.size()));
    }).onFailure(ctx::fail);
  }

  void get(RoutingContext ctx) {
    Long id = alertId(ctx);
    if (id == null) return;
    visibleAlert(ctx, id).compose(alert -> alerts.store().transitions(id).compose(history -> {
      JsonObject body = alert.toJson();
      JsonArray steps = new JsonArray();
      history.forEach((AlertTransition t) -> steps.add(t.toJson()));
      body.put("transitions", steps);
      if (alert.crimeRef() == null) return Future.succeededFuture(body);
      return store.crime(alert.crimeRef()).compose(crime -> {
        if (crime.isEmpty()) return Future.succeededFuture(body);
        Instant from = Instant.parse(alert.evidence().getString("window_from"));
        Instant to = Instant.parse(alert.evidence().getString("window_to"));
        body.put("crime", new JsonObject().put("crime_ref", crime.get().crimeRef())
            .put("offence_code", crime.get().offenceCode())
            .put("committed_from", crime.get().committedFrom().toString())
            .put("committed_to", crime.get().committedTo().toString())
            .put("lat", crime.get().location().lat()).put("lon", crime.get().location().lon())
            .put("easting", crime.get().location().easting()).put("northing", crime.get().location().northing()));
        return OffenderTrail.load(store, alert.offenderId(), from, to, maxGap).map(trail -> body.put("trail", trail));
      });
    }).compose(body -> audit.record(ctx, alert.offenderId(), alert.crimeRef(), "alert review", 1).map(recorded -> body)))
        .onSuccess(body -> json(ctx, 200, body)).onFailure(ctx::fail);
  }

  void transition(RoutingContext ctx) {
    Long id = alertId(ctx);
    if (id == null) return;
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      ctx.fail(new ApiError(400, "the body must be a JSON object {\"to\": STATUS, \"reason\": \"...\"}"));
      return;
    }
    if (body == null || !(body.getValue("to") instanceof String toText)) {
      ctx.fail(new ApiError(400, "\"to\" is required: one of " + java.util.Arrays.toString(AlertStatus.values())));
      return;
    }
    AlertStatus to;
    try {
      to = AlertStatus.valueOf(toText.strip());
    } catch (IllegalArgumentException e) {
      ctx.fail(new ApiError(400, "\"to\" '" + toText + "' is not one of " + java.util.Arrays.toString(AlertStatus.values())));
      return;
    }
    Object reason = body.getValue("reason");
    if (!(reason instanceof String text) || text.isBlank()) {
      ctx.fail(new ApiError(400, "\"reason\" is required: say why the alert moves to " + to));
      return;
    }
    viewers.of(ctx).compose(viewer -> visibleAlert(ctx, id)
            .compose(alert -> alerts.store().transition(id, to, viewer.user(), text.strip(), clock.instant())))
        .onSuccess(event -> {
          alerts.feed().publish(java.util.List.of(event));
          json(ctx, 200, event.alert().toJson());
        })
        .onFailure(e -> ctx.fail(e instanceof IllegalTransitionException illegal ? new ApiError(409, illegal.getMessage())
            : e instanceof NoSuchElementException ? new ApiError(404, "no alert " + id) : e));
  }

  /** The alert if the caller may see it; 404 otherwise (its existence is not disclosed). */
  private Future<Alert> visibleAlert(RoutingContext ctx, long id) {
    return viewers.of(ctx).compose(viewer -> alerts.store().get(id).map(found -> {
      if (found.isEmpty() || !viewer.sees(found.get().offenderId())) throw new ApiError(404, "no alert " + id);
      return found.get();
    }));
  }

  private static Long alertId(RoutingContext ctx) {
    String raw = ctx.pathParam("id");
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      ctx.fail(new ApiError(400, "alert id '" + raw + "' is not a number"));
      return null;
    }
  }

  private static AlertQuery query(RoutingContext ctx) {
    String status = ctx.request().getParam("status");
    String kind = ctx.request().getParam("kind");
    String offender = ctx.request().getParam("offender_id");
    String from = ctx.request().getParam("from");
    String to = ctx.request().getParam("to");
    int limit = intParam(ctx, "limit", DEFAULT_LIMIT);
    int offset = intParam(ctx, "offset", 0);
    return new AlertQuery(
        status == null ? null : parse(AlertStatus.class, "status", status),
        kind == null ? null : parse(AlertKind.class, "kind", kind),
        offender == null ? null : Set.of(offender),
        ctx.request().getParam("crime_ref"),
        from == null ? null : Instant.parse(from),
        to == null ? null : Instant.parse(to),
        limit, offset);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " '" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  private static int intParam(RoutingContext ctx, String name, int fallback) {
    String raw = ctx.request().getParam(name);
    if (raw == null) return fallback;
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " '" + raw + "' is not a whole number");
    }
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
