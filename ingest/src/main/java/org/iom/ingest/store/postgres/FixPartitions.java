package org.iom.ingest.store.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The monthly partitions of {@code fixes}: {@code fixes_yYYYYmMM} holds
 * {@code [YYYY-MM-01T00:00Z, first of next month T00:00Z)}. The bounds are written as UTC
 * literals, so the session time zone never shifts them.
 *
 * <p>Created on demand for the months a batch touches, before the batch's own transaction:
 * a short transaction takes a transaction-level advisory lock ({@link #LOCK_KEY}), runs
 * {@code CREATE TABLE IF NOT EXISTS ... PARTITION OF fixes}, and commits. The lock serialises
 * concurrent creators in this and other processes; a duplicate-table or duplicate-type error
 * (a creator that bypassed the lock) is retried once. Months known to exist are cached; the
 * cache starts from {@code pg_inherits}. There is no default partition: its rows would have to
 * be moved out before the month could be created.
 *
 * <p>Cost: creating a partition takes an ACCESS EXCLUSIVE lock on {@code fixes} briefly, so it
 * waits for open readers (a long {@code scanFixes}) and queues writers behind it; the store
 * therefore pre-creates the current and next month at start, and the creating transaction uses
 * a 30 s {@code lock_timeout} (the batch then fails visibly rather than stalling writers).
 *
 * <p>Thread-safe.
 */
public final class FixPartitions {
  /** Advisory lock key for partition creation ("IOM_FIXP"). */
  public static final long LOCK_KEY = 0x494F4D5F46495850L;

  static final String LIST_SQL =
      "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
          + " WHERE i.inhparent = 'fixes'::regclass";

  private static final Pattern NAME = Pattern.compile("fixes_y(\\d{4})m(\\d{2})");
  private static final Set<String> RETRYABLE = Set.of("42P07", "23505");

  private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

  public static String tableName(YearMonth month) {
    checkYear(month);
    return String.format(Locale.ROOT, "fixes_y%04dm%02d", month.getYear(), month.getMonthValue());
  }

  public static Optional<YearMonth> monthOf(String tableName) {
    Matcher m = NAME.matcher(tableName);
    if (!m.matches()) return Optional.empty();
    return Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
  }

  static String createSql(YearMonth month) {
    return "CREATE TABLE IF NOT EXISTS " + tableName(month) + " PARTITION OF fixes FOR VALUES FROM ('"
        + month.atDay(1) + " 00:00:00+00') TO ('" + month.plusMonths(1).atDay(1) + " 00:00:00+00')";
  }

  private static void checkYear(YearMonth month) {
    if (month.getYear() < 1000 || month.getYear() > 9999) {
      throw new IllegalArgumentException(
          "recorded_at in " + month + " is outside the years 1000-9999 that the fix store accepts");
    }
  }

  /** Months of {@code months} not known to exist, ascending. */
  SortedSet<YearMonth> missing(Collection<YearMonth> months) {
    SortedSet<YearMonth> missing = new TreeSet<>();
    for (YearMonth m : months) {
      checkYear(m);
      if (!known.contains(m)) missing.add(m);
    }
    return missing;
  }

  /** Forgets the cache, e.g. after an insert found no partition (someone dropped one). */
  void forget() {
    known.clear();
  }

  /** Loads the months that exist. */
  Future<Void> load(Pool pool) {
    return pool.query(LIST_SQL).execute().map(rows -> {
      for (Row row : rows) monthOf(row.getString(0)).ifPresent(known::add);
      return null;
    });
  }

  /** Makes sure every month exists, creating the missing ones (see the class comment). */
  Future<Void> ensure(Pool pool, Collection<YearMonth> months) {
    SortedSet<YearMonth> missing = missing(months);
    if (missing.isEmpty()) return Future.succeededFuture();
    return create(pool, missing).recover(e -> isRetryable(e) ? create(pool, missing) : Future.failedFuture(e));
  }

  private Future<Void> create(Pool pool, SortedSet<YearMonth> missing) {
    return pool.withTransaction(conn -> {
      Future<?> chain = conn.query("SET LOCAL lock_timeout = '30s'").execute()
          .compose(r -> conn.query("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")").execute());
      for (YearMonth m : missing) chain = chain.compose(r -> run(conn, createSql(m)));
      return chain.mapEmpty();
    }).onSuccess(v -> known.addAll(missing)).mapEmpty();
  }

  private static Future<?> run(SqlConnection conn, String sql) {
    return conn.query(sql).execute();
  }

  private static boolean isRetryable(Throwable e) {
    return e instanceof DatabaseException de && RETRYABLE.contains(de.getSqlState());
  }

  /** The same, over JDBC, for the COPY loader; commits its own transaction and restores autocommit. */
  void ensure(Connection jdbc, Collection<YearMonth> months) throws SQLException {
    if (known.isEmpty()) {
      try (Statement st = jdbc.createStatement(); ResultSet rs = st.executeQuery(LIST_SQL)) {
        while (rs.next()) monthOf(rs.getString(1)).ifPresent(known::add);
      }
    }
    SortedSet<YearMonth> missing = missing(months);
    if (missing.isEmpty()) return;
    try {
      createJdbc(jdbc, missing);
    } catch (SQLException e) {
      if (!RETRYABLE.contains(e.getSQLState())) throw e;
      createJdbc(jdbc, missing);
    }
  }

  private void createJdbc(Connection jdbc, SortedSet<YearMonth> missing) throws SQLException {
    boolean autoCommit = jdbc.getAutoCommit();
    jdbc.setAutoCommit(false);
    try (Statement st = jdbc.createStatement()) {
      st.execute("SET LOCAL lock_timeout = '30s'");
      st.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
      for (YearMonth m : missing) st.execute(createSql(m));
      jdbc.commit();
      known.addAll(missing);
    } catch (SQLException e) {
      jdbc.rollback();
      throw e;
    } finally {
      jdbc.setAutoCommit(autoCommit);
    }
  }

  /** The months currently cached as existing, for tests and logs. */
  List<YearMonth> knownMonths() {
    return known.stream().sorted().toList();
  }
}
