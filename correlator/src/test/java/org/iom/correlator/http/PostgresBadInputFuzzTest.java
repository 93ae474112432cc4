package org.iom.correlator.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.iom.ingest.store.PgTestDatabase;
import org.iom.ingest.store.Store;
import org.iom.ingest.store.postgres.PostgresStore;

/** The bad-input fuzz against a real PostgreSQL: a smaller share of bodies (a fresh database). */
class PostgresBadInputFuzzTest extends BadInputFuzzContract {
  private PgTestDatabase db;

  @Override
  Future<Store> openStore(Vertx vertx) {
    db = PgTestDatabase.create("badinputfuzz");
    return PostgresStore.open(vertx, db.connectOptions()).map(s -> (Store) s);
  }

  @Override
  int bodies() {
    return Integer.getInteger("fuzz.pg.bodies", 1_000);
  }

  @Override
  void releaseStore() {
    if (db != null) db.close();
  }
}
