package org.iom.correlator.cli;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import org.iom.ingest.store.Store;
import org.iom.ingest.store.memory.MemoryStore;
import org.iom.ingest.store.postgres.PostgresStore;

/** Which store a command uses. PostgreSQL settings come from libpq's PG* environment variables. */
public enum StoreChoice {
  POSTGRES, MEMORY;

  public Future<Store> open(Vertx vertx) {
    return switch (this) {
      case MEMORY -> Future.succeededFuture(new MemoryStore());
      case POSTGRES -> PostgresStore.open(vertx, PgConnectOptions.fromEnv()).map(s -> (Store) s);
    };
  }
}
