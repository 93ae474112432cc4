package org.iom.ingest.store.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.iom.ingest.geo.Position;
import org.iom.ingest.model.Fix;
import org.iom.ingest.store.WriteResult;
import org.iom.ingest.store.merge.FixBatch;

/**
 * Writes a batch of fixes through vertx-pg-client in one transaction, in statements of at most
 * {@value #CHUNK} rows, each an {@code INSERT ... SELECT FROM unnest(arrays) ON CONFLICT DO
 * NOTHING}. When its row count says some rows were skipped, one more statement
 * ({@link #ELSEWHERE}) finds the skipped rows whose key is stored at another place: conflicts
 * (first one kept); the other skipped rows are duplicates (same place within 1 cm). Repeats
 * inside the batch are settled in Java first ({@link FixBatch}), so the database sees each key
 * once, in key order. (An earlier version returned the skipped keys from the insert itself, an
 * anti-join against its {@code RETURNING}; that doubled the server time of every chunk.)
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
      INSERT INTO fixes (tag_id, recorded_at, lat, lon, easting, northing, accuracy_m, speed_kmh, battery_pct, event)
      SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::float8[], $4::float8[], $5::float8[],
                           $6::float8[], $7::float8[], $8::float8[], $9::int2[], $10::text[])
      ON CONFLICT DO NOTHING
      """;

  /**
   * Rows of the chunk whose key is stored at a place further than 0.9 cm from theirs (so not
   * inserted by us); Java then applies the exact 1 cm rule. Rows we inserted match themselves.
   */
  static final String ELSEWHERE = """
      SELECT k.ord, f.lat, f.lon, f.easting, f.northing
      FROM unnest($1::text[], $2::timestamptz[], $3::float8[], $4::float8[])
        WITH ORDINALITY AS k(tag_id, recorded_at, easting, northing, ord)
      JOIN fixes f ON f.tag_id = k.tag_id AND f.recorded_at = k.recorded_at
      WHERE (f.easting - k.easting) * (f.easting - k.easting)
          + (f.northing - k.northing) * (f.northing - k.northing) > 0.000081
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
    Future<Void> partitionsReady;
    try {
      batch = FixBatch.of(fixes);
      partitionsReady = partitions.ensure(pool, batch.months());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    SortedSet<String> newTags = new TreeSet<>(batch.tagIds());
    newTags.removeAll(knownTags);
    return partitionsReady
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
    List<Fix> chunk = unique.subList(from, to);
    return conn.preparedQuery(INSERT).execute(arrays(chunk))
        .compose(r -> {
          batch.accept(r.rowCount());
          int skipped = chunk.size() - r.rowCount();
          return skipped == 0 ? Future.succeededFuture() : settle(conn, batch, from, chunk, skipped);
        })
        .compose(v -> insertChunk(conn, batch, to));
  }

  /**
   * The insert skipped {@code skipped} rows of the chunk: those whose key is held at another
   * place are conflicts, the rest duplicates. Needs no per-row RETURNING, so a chunk with no
   * skipped row (the usual case) costs one statement.
   */
  private Future<Void> settle(SqlConnection conn, FixBatch batch, int from, List<Fix> chunk, int skipped) {
    int n = chunk.size();
    String[] tag = new String[n];
    OffsetDateTime[] at = new OffsetDateTime[n];
    Double[] easting = new Double[n];
    Double[] northing = new Double[n];
    for (int i = 0; i < n; i++) {
      Fix f = chunk.get(i);
      tag[i] = f.tagId();
      at[i] = PgRows.utc(f.recordedAt());
      easting[i] = f.position().easting();
      northing[i] = f.position().northing();
    }
    Tuple keys = Tuple.tuple().addArrayOfString(tag).addArrayOfOffsetDateTime(at)
        .addArrayOfDouble(easting).addArrayOfDouble(northing);
    return conn.preparedQuery(ELSEWHERE).execute(keys).map(stored -> {
      int conflicts = 0;
      for (Row r : stored) {
        int k = from + (int) (r.getLong(0) - 1); // ordinality counts from 1
        Position place = PgRows.position(r, 1);
        if (!batch.unique().get(k).position().samePlaceAs(place)) {
          batch.against(k, place);
          conflicts++;
        }
      }
      batch.duplicates(skipped - conflicts);
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
