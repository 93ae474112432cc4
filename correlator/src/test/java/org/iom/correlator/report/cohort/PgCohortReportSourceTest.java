package org.iom.correlator.report.cohort;

import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.iom.correlator.alert.PgAlertStore;
import org.iom.correlator.live.MatchStore;
import org.iom.ingest.store.PgTestDatabase;
import org.iom.ingest.store.postgres.PostgresStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cohort report gathered from PostgreSQL (cursor scan of the fixes, edge-fix queries, paged alerts). */
class PgCohortReportSourceTest extends CohortReportSourceContract {
  @RegisterExtension static final PgTestDatabase DB = new PgTestDatabase();
  private static Vertx vertx;
  private static PostgresStore records;

  @BeforeAll
  static void openStore() {
    vertx = Vertx.vertx();
    records = join(PostgresStore.open(vertx, DB.connectOptions()));
  }

  @AfterAll
  static void close() {
    records.close();
    join(vertx.close());
  }

  @Override
  Stores emptyStores() {
    try (Connection c = DB.connect(); Statement st = c.createStatement()) {
      st.execute("TRUNCATE tags, fixes, assignments, crimes, offenders, cohort_memberships, matches, alert_events, "
          + "alert_transitions, alerts RESTART IDENTITY CASCADE");
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return new Stores(records, MatchStore.beside(records), new PgAlertStore(records.pool()));
  }
}
