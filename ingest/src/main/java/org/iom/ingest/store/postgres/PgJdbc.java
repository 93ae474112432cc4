package org.iom.ingest.store.postgres;

import io.vertx.pgclient.PgConnectOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The blocking JDBC side (pgjdbc), used only where vertx-pg-client cannot serve: Flyway
 * migrations and COPY. Built from the same {@link PgConnectOptions} as the Vert.x pool, so one
 * set of libpq {@code PG*} variables configures both. pgjdbc cannot reach a Unix-domain socket
 * without an extra socket factory, so {@code PGHOST} must name a TCP host.
 *
 * <p>Stateless and thread-safe; every method blocks, so call it from a worker thread
 * ({@code vertx.executeBlocking}), never from an event loop.
 */
public final class PgJdbc {
  /** Where the versioned SQL migrations live ({@code V1__initial_schema.sql}, ...). */
  public static final String MIGRATIONS = "classpath:db/migration";

  private PgJdbc() {}

  /** A pgjdbc data source for the host, port, database, user, password and SSL mode of {@code options}. */
  public static DataSource dataSource(PgConnectOptions options) {
    String host = options.getHost();
    if (host != null && host.startsWith("/")) {
      throw new IllegalArgumentException(
          "PGHOST '" + host + "' is a Unix-domain socket directory; pgjdbc (used for migrations and COPY)"
              + " needs a TCP host, e.g. PGHOST=localhost");
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {host});
    ds.setPortNumbers(new int[] {options.getPort()});
    ds.setDatabaseName(options.getDatabase());
    ds.setUser(options.getUser());
    ds.setPassword(options.getPassword());
    ds.setApplicationName("iom-ingest");
    ds.setConnectTimeout(10);
    if (options.getSslMode() != null) {
      ds.setSslMode(options.getSslMode().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    return ds;
  }

  public static Connection connect(PgConnectOptions options) throws SQLException {
    return dataSource(options).getConnection();
  }

  /**
   * Applies pending migrations from {@link #MIGRATIONS}. Safe when several processes start at
   * once: Flyway serialises them with a PostgreSQL advisory lock.
   */
  public static MigrateResult migrate(PgConnectOptions options) {
    return Flyway.configure(PgJdbc.class.getClassLoader())
        .dataSource(dataSource(options))
        .locations(MIGRATIONS)
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }

  /** {@code postgresql://host:port/database}, without credentials, for logs. */
  public static String describe(PgConnectOptions options) {
    return "postgresql://" + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
  }
}
