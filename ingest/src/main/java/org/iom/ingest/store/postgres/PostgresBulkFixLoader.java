package org.iom.ingest.store.postgres;

import io.vertx.pgclient.PgConnectOptions;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.iom.ingest.geo.Position;
import org.iom.ingest.model.Fix;
import org.iom.ingest.store.WriteResult;
import org.iom.ingest.store.merge.FixBatch;
import org.iom.ingest.store.merge.StoredTime;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The fast path for loading many fixes from the command line ({@code import}): binary
 * {@code COPY} through pgjdbc into a session-local staging table, then one
 * {@code INSERT INTO fixes SELECT ... FROM stage ON CONFLICT DO NOTHING}, all in one transaction
 * per {@link #load} call. Same outcome as {@link PostgresStore#putFixes}: repeats inside the
 * batch settled first (first wins), rows already stored at the same place (within 1 cm) are
 * duplicates, elsewhere conflicts with the first kept; every row counted once.
 *
 * <p>Only when the insert skipped rows does it join the staging table to {@code fixes} to find
 * which skipped rows sit at another place; a fresh import pays nothing for that.
 * Partitions are ensured as in the store ({@link FixPartitions}, same advisory lock).
 *
 * <p>Blocking, and holds one JDBC connection: not thread-safe, use from one worker thread (never
 * an event loop). Call {@link #load} with chunks of about 100k-1M fixes; each call is one
 * transaction that is committed when it returns.
 */
public final class PostgresBulkFixLoader implements AutoCloseable {
  private static final byte[] COPY_SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
  /** 2000-01-01T00:00:00Z in Unix epoch microseconds: PostgreSQL's binary timestamp origin. */
  private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
  private static final short STAGE_COLUMNS = 11;
  private static final String UNIQUE_VIOLATION = "23505";

  private final Connection jdbc;
  private final FixPartitions partitions = new FixPartitions();
  private final Set<String> knownTags = new HashSet<>();

  private PostgresBulkFixLoader(Connection jdbc) {
    this.jdbc = jdbc;
  }

  /** Applies pending migrations, then opens the loader's connection. */
  public static PostgresBulkFixLoader connect(PgConnectOptions options) throws SQLException {
    PgJdbc.migrate(options);
    Connection c = PgJdbc.connect(options);
    try (Statement st = c.createStatement()) {
      // Session-local buffers for the staging table; only settable before its first use.
      st.execute("SET temp_buffers = '256MB'");
      st.execute("""
          CREATE TEMP TABLE IF NOT EXISTS fix_stage (
            ord int4 NOT NULL, tag_id text COLLATE "C" NOT NULL, recorded_at timestamptz NOT NULL,
            lat float8 NOT NULL, lon float8 NOT NULL, easting float8 NOT NULL, northing float8 NOT NULL,
            accuracy_m float8, speed_kmh float8, battery_pct int2, event text
          ) ON COMMIT DELETE ROWS""");
      return new PostgresBulkFixLoader(c);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** Loads one batch in one transaction; returns once it is committed. */
  public WriteResult load(List<Fix> fixes) throws SQLException {
    if (fixes.isEmpty()) return WriteResult.EMPTY;
    FixBatch batch = FixBatch.of(fixes);
    partitions.ensure(jdbc, batch.months());
    SortedSet<String> newTags = new TreeSet<>(batch.tagIds());
    newTags.removeAll(knownTags);
    jdbc.setAutoCommit(false);
    try {
      insertTags(newTags);
      if (copyStraightIn(batch.unique())) {
        batch.accept(batch.unique().size());
        batch.duplicates(0);
        jdbc.commit();
        knownTags.addAll(newTags);
        return batch.result();
      }
      copyToStage(batch.unique());
      int inserted;
      try (Statement st = jdbc.createStatement()) {
        inserted = st.executeUpdate("INSERT INTO fixes (" + PgRows.FIX_COLUMNS + ") SELECT " + PgRows.FIX_COLUMNS
            + " FROM fix_stage ON CONFLICT DO NOTHING");
      }
      batch.accept(inserted);
      if (inserted < batch.unique().size()) settleSkipped(batch, inserted);
      jdbc.commit();
      knownTags.addAll(newTags);
      return batch.result();
    } catch (SQLException | RuntimeException e) {
      jdbc.rollback();
      throw e;
    } finally {
      jdbc.setAutoCommit(true);
    }
  }

  private void insertTags(SortedSet<String> tags) throws SQLException {
    if (tags.isEmpty()) return;
    try (PreparedStatement ps = jdbc.prepareStatement(PgFixWriter.INSERT_TAGS.replace("$1", "?"))) {
      Array array = jdbc.createArrayOf("text", tags.toArray());
      ps.setArray(1, array);
      ps.executeUpdate();
    }
  }

  /**
   * After the insert, each staged row whose key is held at another place (beyond 1 cm) was
   * skipped and is a conflict; the other skipped rows are duplicates. Rows we inserted match
   * themselves, so only rows further than about 1 cm are fetched, then judged exactly in Java.
   */
  private void settleSkipped(FixBatch batch, int inserted) throws SQLException {
    String sql = "SELECT s.ord, f.lat, f.lon, f.easting, f.northing FROM fix_stage s"
        + " JOIN fixes f ON f.tag_id = s.tag_id AND f.recorded_at = s.recorded_at"
        + " WHERE (f.easting - s.easting) * (f.easting - s.easting)"
        + " + (f.northing - s.northing) * (f.northing - s.northing) > 0.000081"; // (0.9 cm)^2
    int conflicts = 0;
    try (Statement st = jdbc.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        int k = rs.getInt(1);
        Position stored = new Position(rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5));
        if (!batch.unique().get(k).position().samePlaceAs(stored)) {
          batch.against(k, stored);
          conflicts++;
        }
      }
    }
    batch.duplicates(batch.unique().size() - inserted - conflicts);
  }

  /**
   * The optimistic path for a fresh import: binary COPY straight into {@code fixes} (about twice
   * the rate of staging and re-inserting). If any key is already stored, the primary key refuses
   * the whole COPY; it is rolled back to a savepoint and the batch takes the staging path.
   *
   * @return true when every row went in
   */
  private boolean copyStraightIn(List<Fix> rows) throws SQLException {
    Savepoint before = jdbc.setSavepoint();
    try {
      copy("COPY fixes (" + PgRows.FIX_COLUMNS + ") FROM STDIN WITH (FORMAT binary)", rows, false);
      jdbc.releaseSavepoint(before);
      return true;
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState()) && !(e.getCause() instanceof SQLException cause
          && UNIQUE_VIOLATION.equals(cause.getSQLState()))) {
        throw e;
      }
      jdbc.rollback(before);
      return false;
    }
  }

  private void copyToStage(List<Fix> rows) throws SQLException {
    copy("COPY fix_stage (ord, " + PgRows.FIX_COLUMNS + ") FROM STDIN WITH (FORMAT binary)", rows, true);
  }

  private void copy(String sql, List<Fix> rows, boolean withOrdinal) throws SQLException {
    PGCopyOutputStream copy = new PGCopyOutputStream(jdbc.unwrap(PGConnection.class), sql, 1 << 16);
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(copy, 1 << 16))) {
      out.write(COPY_SIGNATURE);
      out.writeInt(0); // flags
      out.writeInt(0); // header extension length
      for (int k = 0; k < rows.size(); k++) writeRow(out, withOrdinal ? k : -1, rows.get(k));
      out.writeShort(-1); // trailer
    } catch (IOException e) {
      if (e.getCause() instanceof SQLException sql2) throw sql2;
      throw new SQLException("COPY of fixes failed: " + e.getMessage(), e);
    }
  }

  /** One binary COPY row; {@code ord < 0} leaves out the staging table's ordinal column. */
  private static void writeRow(DataOutputStream out, int ord, Fix f) throws IOException {
    Position p = f.position();
    if (ord >= 0) {
      out.writeShort(STAGE_COLUMNS);
      out.writeInt(4);
      out.writeInt(ord);
    } else {
      out.writeShort(STAGE_COLUMNS - 1);
    }
    writeText(out, f.tagId());
    out.writeInt(8);
    out.writeLong(pgMicros(f.recordedAt()));
    writeDouble(out, p.lat());
    writeDouble(out, p.lon());
    writeDouble(out, p.easting());
    writeDouble(out, p.northing());
    writeDouble(out, f.accuracyM());
    writeDouble(out, f.speedKmh());
    if (f.batteryPct() == null) {
      out.writeInt(-1);
    } else {
      out.writeInt(2);
      out.writeShort(f.batteryPct());
    }
    writeText(out, PgRows.text(f.event()));
  }

  private static long pgMicros(Instant t) {
    return StoredTime.toEpochMicros(t) - PG_EPOCH_MICROS;
  }

  private static void writeDouble(DataOutputStream out, Double value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
    } else {
      out.writeInt(8);
      out.writeDouble(value);
    }
  }

  private static void writeText(DataOutputStream out, String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  @Override
  public void close() throws SQLException {
    jdbc.close();
  }
}
