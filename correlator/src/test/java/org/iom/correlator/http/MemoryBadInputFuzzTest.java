package org.iom.correlator.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.iom.ingest.store.Store;
import org.iom.ingest.store.memory.MemoryStore;

/** The bad-input fuzz against the in-memory store: the full 10,000 bodies. */
class MemoryBadInputFuzzTest extends BadInputFuzzContract {
  @Override
  Future<Store> openStore(Vertx vertx) {
    return Future.succeededFuture(new MemoryStore());
  }

  @Override
  int bodies() {
    return Integer.getInteger("fuzz.bodies", 10_000);
  }
}
