package org.iom.correlator.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.iom.ingest.store.Store;
import org.iom.ingest.store.memory.MemoryStore;

class MemoryAlertsApiTest extends AlertsApiContract {
  @Override
  Future<Store> openStore(Vertx vertx) {
    return Future.succeededFuture(new MemoryStore());
  }
}
