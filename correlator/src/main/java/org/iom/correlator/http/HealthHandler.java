package org.iom.correlator.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.iom.correlator.live.CorrelatingStore;
import org.iom.correlator.live.LiveCorrelator;
import org.iom.ingest.model.RecordKind;
import org.iom.ingest.store.Store;

/**
 * {@code GET /health}: 200 {@code {"status":"UP","store":{...}}} when the store answers, 503
 * with the store's error otherwise. Says when the store is the volatile in-memory one, and what
 * the correlator holds (index built, fixes in memory, crimes matched, crimes waiting for a retry).
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
          JsonObject body = new JsonObject().put("status", "UP")
              .put("store", storeJson.put("status", "UP").put("rows", rows));
          if (store instanceof CorrelatingStore correlating) body.put("correlator", correlatorJson(correlating.correlator()));
          reply(ctx, 200, body);
        })
        .onFailure(e -> reply(ctx, 503, new JsonObject().put("status", "DOWN")
            .put("store", storeJson.put("status", "DOWN").put("error", String.valueOf(e.getMessage())))));
  }

  private static JsonObject correlatorJson(LiveCorrelator live) {
    LiveCorrelator.Stats stats = live.stats();
    return new JsonObject()
        .put("index_built", live.isLoaded())
        .put("in_memory_from", live.hotFrom().toString())
        .put("fixes_in_memory", stats.hotFixes())
        .put("crimes", stats.crimes())
        .put("crimes_matched", stats.crimesMatched())
        .put("crimes_pending", stats.pendingCrimes());
  }

  private static void reply(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
