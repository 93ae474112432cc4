package org.iom.correlator.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.iom.ingest.store.Store;
import org.iom.ingest.store.memory.MemoryStore;

/** Access control with users, tokens and the audit log in memory. */
class MemoryAccessApiTest extends AccessApiContract {
  @Override
  Future<Store> openStore(Vertx vertx) {
    return Future.succeededFuture(new MemoryStore());
  }
}
