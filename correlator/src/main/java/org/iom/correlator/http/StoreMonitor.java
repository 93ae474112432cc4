package org.iom.correlator.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicReference;
import org.iom.ingest.store.Store;

/**
 * Knows whether the store answers: pings it every few seconds, and is told at once when a write
 * fails, so ingest can answer 503 rather than accept what it cannot keep. Thread-safe.
 */
final class StoreMonitor {
  private static final long PING_EVERY_MS = 5_000;
  private final Store store;
  private final AtomicReference<String> error = new AtomicReference<>();

  StoreMonitor(Vertx vertx, Store store) {
    this.store = store;
    vertx.setPeriodic(PING_EVERY_MS, id -> check());
  }

  Future<Void> check() {
    return store.ping()
        .onSuccess(v -> error.set(null))
        .onFailure(e -> error.set(String.valueOf(e.getMessage())));
  }

  boolean isUp() {
    return error.get() == null;
  }

  String lastError() {
    return error.get();
  }

  void markDown(String why) {
    error.set(why);
  }
}
