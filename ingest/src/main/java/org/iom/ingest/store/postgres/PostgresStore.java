package org.iom.ingest.store.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.InstantSource;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.iom.ingest.format.Rejection;
import org.iom.ingest.model.CohortMembership;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.Offender;
import org.iom.ingest.model.ProvenOffence;
import org.iom.ingest.model.RecordKind;
import org.iom.ingest.model.Tag;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.model.Zone;
import org.iom.ingest.store.Store;
import org.iom.ingest.store.StoreCounts;
import org.iom.ingest.store.StoredRejection;
import org.iom.ingest.store.WriteResult;
import org.iom.ingest.store.merge.StoredTime;

/**
 * The durable store on PostgreSQL 15+, through vertx-pg-client. Open it with {@link #open}:
 * that applies the Flyway migrations in {@code db/migration} (blocking, on a worker thread),
 * then builds the connection pool.
 *
 * <p>Schema and rules, in short (details in {@code docs/store.md}):
 * <ul>
 *   <li>{@code fixes} is partitioned by UTC calendar month ({@link FixPartitions}), primary key
 *       {@code (tag_id, recorded_at)}, which makes "a tag's fixes in a time slice" an index range
 *       scan of the pruned partitions; fix batches go through {@link PgFixWriter};</li>
 *   <li>the other kinds go through {@link PgRecordWriter} with the same planning rules as the
 *       in-memory store;</li>
 *   <li>every write batch is one transaction: a succeeded future means committed;</li>
 *   <li>times are stored to the microsecond ({@link StoredTime}).</li>
 * </ul>
 *
 * <p>Thread-safe. Futures complete on the pool's Vert.x context; {@link #scanFixes} calls its
 * consumer there too (an event loop: hand heavy work to a worker).
 */
public final class PostgresStore implements Store {
  /** Fixes delivered per {@link #scanFixes} batch (one cursor fetch). */
  public static final int SCAN_BATCH = 10_000;

  private final Pool pool;
  private final String description;
  private final InstantSource clock;
  private final PgFixWriter fixWriter;
  private final PgRecordWriter recordWriter;
  private final FixPartitions partitions;

  private PostgresStore(Pool pool, String description, InstantSource clock, FixPartitions partitions) {
    this.pool = pool;
    this.description = description;
    this.clock = clock;
    this.partitions = partitions;
    Set<String> knownTags = PgFixWriter.newTagCache();
    this.fixWriter = new PgFixWriter(pool, partitions, knownTags);
    this.recordWriter = new PgRecordWriter(pool, knownTags);
  }

  /** Connects with the libpq {@code PG*} environment variables ({@link PgConnectOptions#fromEnv()}). */
  public static Future<PostgresStore> open(Vertx vertx) {
    return open(vertx, PgConnectOptions.fromEnv());
  }

  /** Migrates, then pools up to 4 connections; rejected rows are stamped with the system clock. */
  public static Future<PostgresStore> open(Vertx vertx, PgConnectOptions options) {
    return open(vertx, options, new PoolOptions().setMaxSize(4), InstantSource.system());
  }

  /**
   * Applies pending migrations (blocking, in {@code executeBlocking}), builds the pool, loads
   * the known fix partitions and makes sure the current and next month exist.
   *
   * @param clock stamps {@link StoredRejection#receivedAt()} and picks the months to pre-create
   */
  public static Future<PostgresStore> open(
      Vertx vertx, PgConnectOptions options, PoolOptions poolOptions, InstantSource clock) {
    Objects.requireNonNull(clock, "clock");
    PgConnectOptions connect = new PgConnectOptions(options)
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheSqlLimit(8192);
    return vertx.executeBlocking(() -> PgJdbc.migrate(options)).compose(migrated -> {
      Pool pool = PgBuilder.pool().with(poolOptions).connectingTo(connect).using(vertx).build();
      FixPartitions partitions = new FixPartitions();
      YearMonth now = YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC));
      return partitions.load(pool)
          .compose(v -> partitions.ensure(pool, List.of(now, now.plusMonths(1))))
          .map(v -> new PostgresStore(pool, PgJdbc.describe(options), clock, partitions))
          .onFailure(e -> pool.close());
    });
  }

  /**
   * The connection pool, for other modules' tables in the same database (migrated by the same
   * {@link #open}); closed by {@link #close}, so users must not close it themselves.
   */
  public Pool pool() {
    return pool;
  }

  @Override
  public Future<WriteResult> putFixes(List<Fix> fixes) {
    return fixWriter.write(fixes);
  }

  @Override
  public Future<WriteResult> putAssignments(List<TagAssignment> assignments) {
    return recordWriter.putAssignments(assignments);
  }

  @Override
  public Future<WriteResult> putCrimes(List<Crime> crimes) {
    return recordWriter.putCrimes(crimes);
  }

  @Override
  public Future<WriteResult> putOffenders(List<Offender> offenders) {
    return recordWriter.putOffenders(offenders);
  }

  @Override
  public Future<WriteResult> putMemberships(List<CohortMembership> memberships) {
    return recordWriter.putMemberships(memberships);
  }

  @Override
  public Future<WriteResult> putOffences(List<ProvenOffence> offences) {
    return recordWriter.putOffences(offences);
  }

  @Override
  public Future<WriteResult> putZones(List<Zone> zones) {
    return recordWriter.putZones(zones);
  }

  @Override
  public Future<Void> putRejections(RecordKind kind, String source, List<Rejection> rejections) {
    return recordWriter.putRejections(kind, source, rejections, clock.instant());
  }

  /** Month-by-month retention of fixes (partition drops keeping evidence). */
  public FixRetention retention() {
    return new FixRetention(pool, partitions);
  }

  /**
   * Live fixes and, for purged months, the fixes kept as evidence (a live fix wins over an
   * evidence fix with the same key, e.g. one re-sent after its month was purged).
   */
  @Override
  public Future<List<Fix>> fixes(String tagId, Instant from, Instant to) {
    String range = " WHERE tag_id = $1 AND recorded_at >= $2 AND recorded_at < $3";
    return list("SELECT " + PgRows.FIX_COLUMNS + " FROM (SELECT * FROM fixes" + range
            + " UNION ALL SELECT * FROM evidence_fixes e" + range
            + " AND NOT EXISTS (SELECT 1 FROM fixes f WHERE f.tag_id = e.tag_id AND f.recorded_at = e.recorded_at)) u"
            + " ORDER BY recorded_at",
        Tuple.of(tagId, PgRows.utc(StoredTime.ceil(from)), PgRows.utc(StoredTime.ceil(to))), PgRows::fix);
  }

  @Override
  public Future<Optional<Fix>> lastFixBefore(String tagId, Instant before) {
    return list("SELECT " + PgRows.FIX_COLUMNS + " FROM fixes"
            + " WHERE tag_id = $1 AND recorded_at < $2 ORDER BY recorded_at DESC LIMIT 1",
        Tuple.of(tagId, PgRows.utc(StoredTime.ceil(before))), PgRows::fix)
        .map(rows -> rows.stream().findFirst());
  }

  @Override
  public Future<Optional<Fix>> firstFixFrom(String tagId, Instant from) {
    return list("SELECT " + PgRows.FIX_COLUMNS + " FROM fixes"
            + " WHERE tag_id = $1 AND recorded_at >= $2 ORDER BY recorded_at LIMIT 1",
        Tuple.of(tagId, PgRows.utc(StoredTime.ceil(from))), PgRows::fix)
        .map(rows -> rows.stream().findFirst());
  }

  /**
   * Streams through a cursor in one read-only transaction (a consistent snapshot), ordered by
   * {@code (tag_id, recorded_at)}: a merge of the pruned partitions' primary-key indexes, no sort.
   */
  @Override
  public Future<Long> scanFixes(Instant from, Instant to, Consumer<List<Fix>> batch) {
    String sql = "SELECT " + PgRows.FIX_COLUMNS + " FROM fixes"
        + " WHERE recorded_at >= $1 AND recorded_at < $2 ORDER BY tag_id, recorded_at";
    return pool.withTransaction(conn -> conn.prepare(sql).compose(ps -> {
      Cursor cursor = ps.cursor(Tuple.of(PgRows.utc(StoredTime.ceil(from)), PgRows.utc(StoredTime.ceil(to))));
      return drain(cursor, batch, 0L).eventually(cursor::close);
    }));
  }

  private static Future<Long> drain(Cursor cursor, Consumer<List<Fix>> batch, long delivered) {
    return cursor.read(SCAN_BATCH).compose(rows -> {
      List<Fix> fixes = new ArrayList<>(rows.size());
      for (Row r : rows) fixes.add(PgRows.fix(r));
      if (!fixes.isEmpty()) batch.accept(fixes);
      long total = delivered + fixes.size();
      return cursor.hasMore() ? drain(cursor, batch, total) : Future.succeededFuture(total);
    });
  }

  @Override
  public Future<List<TagAssignment>> assignments() {
    return list("SELECT " + PgRows.ASSIGNMENT_COLUMNS + " FROM assignments ORDER BY tag_id, fitted_at",
        Tuple.tuple(), PgRows::assignment);
  }

  @Override
  public Future<List<Tag>> tags() {
    return list("SELECT " + PgRows.TAG_COLUMNS + " FROM tags ORDER BY tag_id", Tuple.tuple(), PgRows::tag);
  }

  @Override
  public Future<List<Crime>> crimes(Instant from, Instant to) {
    return list("SELECT " + PgRows.CRIME_COLUMNS + " FROM crimes"
            + " WHERE committed_from <= $2 AND committed_to >= $1 ORDER BY crime_ref",
        Tuple.of(PgRows.utc(from), PgRows.utc(to)), PgRows::crime);
  }

  @Override
  public Future<Optional<Crime>> crime(String crimeRef) {
    return list("SELECT " + PgRows.CRIME_COLUMNS + " FROM crimes WHERE crime_ref = $1",
        Tuple.of(crimeRef), PgRows::crime).map(l -> l.stream().findFirst());
  }

  @Override
  public Future<List<Offender>> offenders() {
    return list("SELECT " + PgRows.OFFENDER_COLUMNS + " FROM offenders ORDER BY offender_id",
        Tuple.tuple(), PgRows::offender);
  }

  @Override
  public Future<List<CohortMembership>> memberships() {
    return list("SELECT " + PgRows.MEMBERSHIP_COLUMNS + " FROM cohort_memberships"
        + " ORDER BY offender_id, cohort, joined_on", Tuple.tuple(), PgRows::membership);
  }

  @Override
  public Future<List<ProvenOffence>> offences() {
    return list("SELECT " + PgRows.OFFENCE_COLUMNS + " FROM proven_offences"
            + " ORDER BY offender_id, offence_date, offence_code, conviction_date NULLS FIRST, crime_ref NULLS FIRST",
        Tuple.tuple(), PgRows::offence);
  }

  @Override
  public Future<List<Zone>> zones() {
    return list("SELECT " + PgRows.ZONE_COLUMNS + " FROM zones ORDER BY zone_id", Tuple.tuple(), PgRows::zone);
  }

  @Override
  public Future<List<StoredRejection>> rejections(RecordKind kind, int limit) {
    return list("SELECT " + PgRows.REJECTION_COLUMNS + " FROM rejections WHERE kind = $1"
            + " ORDER BY received_at DESC, id DESC LIMIT $2",
        Tuple.of(kind.name(), Math.max(limit, 0)), PgRows::rejection);
  }

  /** Exact counts; {@code count(*)} over {@code fixes} reads every partition, so this is not for hot paths. */
  @Override
  public Future<StoreCounts> counts() {
    String sql = "SELECT (SELECT count(*) FROM fixes), (SELECT count(*) FROM assignments),"
        + " (SELECT count(*) FROM crimes), (SELECT count(*) FROM offenders),"
        + " (SELECT count(*) FROM cohort_memberships), (SELECT count(*) FROM proven_offences),"
        + " (SELECT count(*) FROM zones), (SELECT count(*) FROM rejections)";
    return pool.query(sql).execute().map(rows -> {
      Row r = rows.iterator().next();
      Map<RecordKind, Long> counts = new EnumMap<>(RecordKind.class);
      RecordKind[] order = {RecordKind.FIXES, RecordKind.ASSIGNMENTS, RecordKind.CRIMES, RecordKind.OFFENDERS,
          RecordKind.COHORT_MEMBERSHIPS, RecordKind.OFFENCES, RecordKind.ZONES};
      for (int i = 0; i < order.length; i++) counts.put(order[i], r.getLong(i));
      return new StoreCounts(counts, r.getLong(order.length));
    });
  }

  @Override
  public Future<Void> ping() {
    return pool.query("SELECT 1").execute().mapEmpty();
  }

  @Override
  public boolean isVolatile() {
    return false;
  }

  @Override
  public String describe() {
    return description;
  }

  /** Closes the pool (not the Vert.x instance, which the caller owns). */
  @Override
  public void close() {
    pool.close();
  }

  private <T> Future<List<T>> list(String sql, Tuple params, Function<Row, T> mapper) {
    return pool.preparedQuery(sql).execute(params).map(rows -> map(rows, mapper));
  }

  private static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapper) {
    List<T> out = new ArrayList<>(rows.size());
    for (Row r : rows) out.add(mapper.apply(r));
    return out;
  }
}
