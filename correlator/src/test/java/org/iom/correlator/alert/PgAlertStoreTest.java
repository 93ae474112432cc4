package org.iom.correlator.alert;

import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.iom.ingest.store.PgTestDatabase;
import org.iom.ingest.store.postgres.PostgresStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class PgAlertStoreTest extends AlertStoreContract {
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
  AlertStore newEmptyStore() {
    try (Connection c = DB.connect(); Statement st = c.createStatement()) {
      st.execute("TRUNCATE alert_events, alert_transitions, alerts RESTART IDENTITY");
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return new PgAlertStore(records.pool());
  }
}
