package org.iom.correlator.access;

import io.vertx.core.Vertx;
import org.iom.ingest.store.PgTestDatabase;
import org.iom.ingest.store.postgres.PostgresStore;

/**
 * A throwaway database migrated by {@link PostgresStore#open} (ingest's V1 and this module's
 * V3), for the access and audit tables. Fails, never skips, when PostgreSQL is unreachable.
 */
final class PgSchema implements AutoCloseable {
  final Vertx vertx = Vertx.vertx();
  final PgTestDatabase db;
  final PostgresStore store;

  PgSchema(String label) {
    db = PgTestDatabase.create(label);
    store = Await.result(PostgresStore.open(vertx, db.connectOptions()));
  }

  @Override
  public void close() {
    store.close();
    Await.result(vertx.close());
    db.close();
  }
}
