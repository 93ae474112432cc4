package org.iom.ingest.store.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.iom.ingest.geo.Position;
import org.iom.ingest.model.Fix;
import org.iom.ingest.store.WriteResult;
import org.iom.ingest.store.merge.FixBatch;
import org.iom.ingest.store.merge.FixBatch.FixKey;

/**
 * Writes a batch of fixes through vertx-pg-client in one transaction, in statements of at most
 * {@value #CHUNK} rows, each an {@code INSERT ... SELECT FROM unnest(arrays) ON CONFLICT DO
 * NOTHING} that returns only the rows it did <em>not</em> insert (an anti-join against its own
 * {@code RETURNING}); their stored places are then read back to call each a duplicate (same
 * place within 1 cm) or a conflict (first one kept). Repeats inside the batch are settled in
 * Java first ({@link FixBatch}), so the database sees each key once, in key order.
 *
 * <p>Before the transaction: the months' partitions are ensured ({@link FixPartitions}); tags
 * not yet known to this process are inserted in the transaction, sorted. A failure because a
 * partition vanished ({@code 23514}) or a deadlock/serialisation failure is retried once.
 *
 * <p>Thread-safe.
 */
final class PgFixWriter {
  static final int CHUNK = 10_000;

  private static final String INSERT = """
      WITH input AS (
        SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::float8[], $4::float8[], $5::float8[],
                             $6::float8[], $7::float8[], $8::float8[], $9::int2[], $10::text[])
          AS u(tag_id, recorded_at, lat, lon, easting, northing, accuracy_m, speed_kmh, battery_pct, event)
      ), inserted AS (
        INSERT INTO fixes (tag_id, recorded_at, lat, lon, easting, northing, accuracy_m, speed_kmh, battery_pct, event)
        SELECT * FROM input
        ON CONFLICT DO NOTHING
        RETURNING tag_id, recorded_at
      )
      SELECT i.tag_id, i.recorded_at FROM input i
      WHERE NOT EXISTS (SELECT 1 FROM inserted n WHERE n.tag_id = i.tag_id AND n.recorded_at = i.recorded_at)
      """;

  private static final String STORED_PLACES = """
      SELECT f.tag_id, f.recorded_at, f.lat, f.lon, f.easting, f.northing
      FROM unnest($1::text[], $2::timestamptz[]) AS k(tag_id, recorded_at)
      JOIN fixes f ON f.tag_id = k.tag_id AND f.recorded_at = k.recorded_at
      """;

  static final String INSERT_TAGS =
      "INSERT INTO tags (tag_id) SELECT t FROM unnest($1::text[]) AS u(t) ORDER BY t ON CONFLICT DO NOTHING";

  private static final Set<String> RETRY_ONCE = Set.of("23514", "40P01", "40001");

  private final Pool pool;
  private final FixPartitions partitions;
  private final Set<String> knownTags;

  PgFixWriter(Pool pool, FixPartitions partitions, Set<String> knownTags) {
    this.pool = pool;
    this.partitions = partitions;
    this.knownTags = knownTags;
  }

  static Set<String> newTagCache() {
    return ConcurrentHashMap.newKeySet();
  }

  Future<WriteResult> write(List<Fix> fixes) {
    if (fixes.isEmpty()) return Future.succeededFuture(WriteResult.EMPTY);
    return attempt(fixes).recover(e -> {
      if (!(e instanceof DatabaseException de) || !RETRY_ONCE.contains(de.getSqlState())) return Future.failedFuture(e);
      if ("23514".equals(de.getSqlState())) partitions.forget();
      return attempt(fixes);
    });
  }

  private Future<WriteResult> attempt(List<Fix> fixes) {
    FixBatch batch;
    try {
      batch = FixBatch.of(fixes);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    SortedSet<String> newTags = new TreeSet<>(batch.tagIds());
    newTags.removeAll(knownTags);
    return partitions.ensure(pool, batch.months())
        .compose(v -> pool.withTransaction(conn -> insertTags(conn, newTags).compose(r -> insertChunk(conn, batch, 0))))
        .onSuccess(r -> knownTags.addAll(newTags))
        .map(v -> batch.result());
  }

  static Future<Void> insertTags(SqlConnection conn, SortedSet<String> tags) {
    if (tags.isEmpty()) return Future.succeededFuture();
    return conn.preparedQuery(INSERT_TAGS).execute(Tuple.of(tags.toArray(String[]::new))).mapEmpty();
  }

  private Future<Void> insertChunk(SqlConnection conn, FixBatch batch, int from) {
    List<Fix> unique = batch.unique();
    if (from >= unique.size()) return Future.succeededFuture();
    int to = Math.min(unique.size(), from + CHUNK);
    return conn.preparedQuery(INSERT).execute(arrays(unique.subList(from, to)))
        .compose(notInserted -> {
          batch.accept(to - from - notInserted.size());
          return settle(conn, batch, from, to, notInserted);
        })
        .compose(v -> insertChunk(conn, batch, to));
  }

  /** Reads the stored place of every row the insert skipped, and settles each. */
  private Future<Void> settle(SqlConnection conn, FixBatch batch, int from, int to, RowSet<Row> notInserted) {
    if (notInserted.size() == 0) return Future.succeededFuture();
    Map<FixKey, Integer> pending = new HashMap<>();
    List<Fix> unique = batch.unique();
    for (int k = from; k < to; k++) pending.put(new FixKey(unique.get(k).tagId(), unique.get(k).recordedAt()), k);
    List<String> tags = new ArrayList<>();
    List<OffsetDateTime> times = new ArrayList<>();
    Map<FixKey, Integer> skipped = new HashMap<>();
    for (Row r : notInserted) {
      FixKey key = new FixKey(r.getString(0), PgRows.instant(r, 1));
      skipped.put(key, pending.get(key));
      tags.add(key.tagId());
      times.add(r.getOffsetDateTime(1));
    }
    // Not Tuple.of(a, b): the OffsetDateTime[] would bind to its varargs and be spread.
    Tuple keys = Tuple.tuple().addArrayOfString(tags.toArray(String[]::new))
        .addArrayOfOffsetDateTime(times.toArray(OffsetDateTime[]::new));
    return conn.preparedQuery(STORED_PLACES).execute(keys).map(stored -> {
      for (Row r : stored) {
        Integer k = skipped.remove(new FixKey(r.getString(0), PgRows.instant(r, 1)));
        if (k != null) batch.against(k, PgRows.position(r, 2));
      }
      if (!skipped.isEmpty()) {
        // Only possible if another session deleted the row between our two statements.
        throw new IllegalStateException("fixes " + skipped.keySet() + " were neither inserted nor found; retry the batch");
      }
      return null;
    });
  }

  static Tuple arrays(List<Fix> chunk) {
    int n = chunk.size();
    String[] tag = new String[n];
    OffsetDateTime[] at = new OffsetDateTime[n];
    Double[] lat = new Double[n];
    Double[] lon = new Double[n];
    Double[] easting = new Double[n];
    Double[] northing = new Double[n];
    Double[] accuracy = new Double[n];
    Double[] speed = new Double[n];
    Short[] battery = new Short[n];
    String[] event = new String[n];
    for (int i = 0; i < n; i++) {
      Fix f = chunk.get(i);
      Position p = f.position();
      tag[i] = f.tagId();
      at[i] = PgRows.utc(f.recordedAt());
      lat[i] = p.lat();
      lon[i] = p.lon();
      easting[i] = p.easting();
      northing[i] = p.northing();
      accuracy[i] = f.accuracyM();
      speed[i] = f.speedKmh();
      battery[i] = f.batteryPct() == null ? null : f.batteryPct().shortValue();
      event[i] = PgRows.text(f.event());
    }
    return Tuple.tuple()
        .addArrayOfString(tag).addArrayOfOffsetDateTime(at)
        .addArrayOfDouble(lat).addArrayOfDouble(lon).addArrayOfDouble(easting).addArrayOfDouble(northing)
        .addArrayOfDouble(accuracy).addArrayOfDouble(speed).addArrayOfShort(battery).addArrayOfString(event);
  }
}
