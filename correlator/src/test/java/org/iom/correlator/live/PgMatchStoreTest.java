package org.iom.correlator.live;

import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.iom.ingest.store.PgTestDatabase;
import org.iom.ingest.store.postgres.PostgresStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The match store contract against PostgreSQL (schema from the migrations). */
class PgMatchStoreTest extends MatchStoreContract {
  @RegisterExtension static final PgTestDatabase DB = new PgTestDatabase();
  private static Vertx vertx;
  private static PostgresStore records;

  @BeforeAll
  static void openStore() {
    vertx = Vertx.vertx();
    records = await(PostgresStore.open(vertx, DB.connectOptions()));
  }

  @AfterAll
  static void close() {
    records.close();
    await(vertx.close());
  }

  @Override
  MatchStore newEmptyStore() {
    try (Connection c = DB.connect(); Statement st = c.createStatement()) {
      st.execute("TRUNCATE matches");
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return MatchStore.beside(records);
  }
}
