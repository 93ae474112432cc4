package org.iom.correlator.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.iom.ingest.model.RecordKind;
import org.iom.ingest.store.Store;

/**
 * {@code GET /health}: 200 {@code {"status":"UP","store":{...}}} when the store answers, 503
 * with the store's error otherwise. Says when the store is the volatile in-memory one.
 */
final class HealthHandler implements Handler<RoutingContext> {
  private final Store store;
  private final StoreMonitor monitor;

  HealthHandler(Store store, StoreMonitor monitor) {
    this.store = store;
    this.monitor = monitor;
  }

  @Override
  public void handle(RoutingContext ctx) {
    JsonObject storeJson = new JsonObject()
        .put("kind", store.isVolatile() ? "in-memory (volatile)" : "postgresql")
        .put("target", store.describe());
    monitor.check()
        .compose(v -> store.counts())
        .onSuccess(counts -> {
          JsonObject rows = new JsonObject();
          for (RecordKind kind : RecordKind.values()) rows.put(kind.pathName(), counts.of(kind));
          rows.put("rejected", counts.rejections());
          reply(ctx, 200, new JsonObject().put("status", "UP")
              .put("store", storeJson.put("status", "UP").put("rows", rows)));
        })
        .onFailure(e -> reply(ctx, 503, new JsonObject().put("status", "DOWN")
            .put("store", storeJson.put("status", "DOWN").put("error", String.valueOf(e.getMessage())))));
  }

  private static void reply(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
