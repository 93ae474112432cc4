package org.iom.ingest.store;

import io.vertx.pgclient.PgConnectOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.iom.ingest.store.postgres.PgJdbc;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, uniquely named PostgreSQL database for one test class, created from the libpq
 * {@code PG*} environment (through the {@code PGDATABASE} database, which must exist) and
 * dropped afterwards. Its default time zone is set to Europe/London so that any code that
 * leans on the session time zone shows up in tests (British Summer Time shifts a month edge).
 *
 * <p>Use as a JUnit extension: {@code @RegisterExtension static final PgTestDatabase DB = new
 * PgTestDatabase();}, or by hand with {@link #create} and {@link #close}. When PostgreSQL cannot
 * be reached the test class FAILS (never skips) with a message saying how to run the tests.
 *
 * <p>Shared with other modules through the ingest test-jar. Not thread-safe; one per class.
 */
public final class PgTestDatabase implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  private PgConnectOptions admin;
  private String name;

  /** Creates the database now, named after {@code label}. */
  public static PgTestDatabase create(String label) {
    PgTestDatabase db = new PgTestDatabase();
    db.start(label);
    return db;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start(context.getRequiredTestClass().getSimpleName());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private void start(String label) {
    admin = PgConnectOptions.fromEnv();
    String safe = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    name = "iom_t_" + safe.substring(0, Math.min(safe.length(), 40)) + "_"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    try (Connection c = PgJdbc.connect(admin); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
      st.execute("ALTER DATABASE " + name + " SET timezone TO 'Europe/London'");
    } catch (SQLException | RuntimeException e) {
      throw new AssertionError(
          "PostgreSQL is needed for this test and could not be used at " + PgJdbc.describe(admin)
              + " as user '" + admin.getUser() + "' (" + e.getMessage() + ").\n"
              + "Run the tests with scripts/test.sh, or a single module with e.g.\n"
              + "  scripts/with-postgres.sh mvn -B -pl ingest -am test\n"
              + "which starts a local PostgreSQL 15 and sets PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE."
              + " The role needs CREATEDB.",
          e);
    }
  }

  /** Connection settings for the test database (a new copy each call). */
  public PgConnectOptions connectOptions() {
    return new PgConnectOptions(admin).setDatabase(name);
  }

  /** A new JDBC connection to the test database; the caller closes it. */
  public Connection connect() throws SQLException {
    return PgJdbc.connect(connectOptions());
  }

  public String name() {
    return name;
  }

  /** Drops the database, closing any connection still open to it (PostgreSQL 13+). */
  @Override
  public void close() {
    if (name == null) return;
    try (Connection c = PgJdbc.connect(admin); Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop test database " + name, e);
    } finally {
      name = null;
    }
  }
}
