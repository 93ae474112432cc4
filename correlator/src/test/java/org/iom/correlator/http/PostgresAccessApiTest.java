package org.iom.correlator.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.iom.ingest.store.PgTestDatabase;
import org.iom.ingest.store.Store;
import org.iom.ingest.store.postgres.PostgresStore;

/** Access control with users, tokens and the audit log in PostgreSQL, beside the records. */
class PostgresAccessApiTest extends AccessApiContract {
  private PgTestDatabase db;

  @Override
  Future<Store> openStore(Vertx vertx) {
    db = PgTestDatabase.create("accessapi");
    return PostgresStore.open(vertx, db.connectOptions()).map(s -> (Store) s);
  }

  @Override
  void releaseStore() {
    if (db != null) db.close();
  }
}
