package org.iom.ingest.store.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.iom.ingest.store.EvidenceSpan;

/**
 * Retention of fixes by month: a month is purged by dropping its partition, never by deleting
 * rows, after copying the fixes inside evidence spans to {@code evidence_fixes} (read with the
 * live fixes by {@link PostgresStore#fixes}). Both happen in one transaction. Thread-safe.
 */
public final class FixRetention {
  /** What purging one month did (or, on a dry run, would do). */
  public record MonthPurge(YearMonth month, String partition, long fixes, long keptAsEvidence, boolean dropped) {}

  private final Pool pool;
  private final FixPartitions partitions;

  FixRetention(Pool pool, FixPartitions partitions) {
    this.pool = pool;
    this.partitions = partitions;
  }

  /** Months that have a partition and end at or before {@code cutoff}'s start, oldest first. */
  public Future<List<YearMonth>> monthsBefore(YearMonth cutoff) {
    return pool.query(FixPartitions.LIST_SQL).execute().map(rows -> {
      List<YearMonth> months = new ArrayList<>();
      for (Row r : rows) FixPartitions.monthOf(r.getString(0)).filter(m -> m.isBefore(cutoff)).ifPresent(months::add);
      months.sort(null);
      return months;
    });
  }

  /**
   * Purges one month: keeps the fixes inside {@code keep} as evidence, then drops the partition.
   * With {@code dryRun} only counts.
   */
  public Future<MonthPurge> purge(YearMonth month, List<EvidenceSpan> keep, boolean dryRun) {
    String table = FixPartitions.tableName(month);
    Tuple spans = spans(keep);
    String inSpans = " FROM " + table + " p WHERE EXISTS (SELECT 1 FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[])"
        + " AS k(tag_id, f, t) WHERE p.tag_id = k.tag_id AND p.recorded_at BETWEEN k.f AND k.t)";
    return pool.withTransaction(conn -> conn.query("SET LOCAL lock_timeout = '30s'").execute()
        .compose(v -> count(conn, "SELECT count(*) FROM " + table, Tuple.tuple()))
        .compose(all -> count(conn, "SELECT count(*)" + inSpans, spans).compose(kept -> {
          if (dryRun) return Future.succeededFuture(new MonthPurge(month, table, all, kept, false));
          return conn.preparedQuery("INSERT INTO evidence_fixes SELECT p.*" + inSpans + " ON CONFLICT DO NOTHING")
              .execute(spans)
              .compose(x -> conn.query("DROP TABLE " + table).execute())
              .map(x -> new MonthPurge(month, table, all, kept, true));
        })))
        .onSuccess(done -> {
          if (done.dropped()) partitions.forget();
        });
  }

  private static Future<Long> count(SqlConnection conn, String sql, Tuple params) {
    return conn.preparedQuery(sql).execute(params).map(rows -> rows.iterator().next().getLong(0));
  }

  private static Tuple spans(List<EvidenceSpan> keep) {
    String[] tags = new String[keep.size()];
    OffsetDateTime[] from = new OffsetDateTime[keep.size()];
    OffsetDateTime[] to = new OffsetDateTime[keep.size()];
    for (int i = 0; i < keep.size(); i++) {
      tags[i] = keep.get(i).tagId();
      from[i] = PgRows.utc(keep.get(i).from());
      to[i] = PgRows.utc(keep.get(i).to());
    }
    return Tuple.tuple().addValue(tags).addValue(from).addValue(to);
  }
}
