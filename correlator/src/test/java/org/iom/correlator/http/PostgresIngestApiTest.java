package org.iom.correlator.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.iom.ingest.store.PgTestDatabase;
import org.iom.ingest.store.Store;
import org.iom.ingest.store.postgres.PostgresStore;

/** The ingest contract against a real PostgreSQL: a fresh database per test. */
class PostgresIngestApiTest extends IngestApiContract {
  private PgTestDatabase db;

  @Override
  Future<Store> openStore(Vertx vertx) {
    db = PgTestDatabase.create("ingestapi");
    return PostgresStore.open(vertx, db.connectOptions()).map(s -> (Store) s);
  }

  @Override
  void releaseStore() {
    if (db != null) db.close();
  }
}
