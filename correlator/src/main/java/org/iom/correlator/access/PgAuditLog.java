package org.iom.correlator.access;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log in PostgreSQL (table {@code audit_log} of migration
 * {@code V3__access_and_audit.sql}, append-only by trigger), through a pool shared with the
 * ingest store. Each append is its own committed statement. Thread-safe.
 */
public final class PgAuditLog implements AuditLog {
  private static final String COLUMNS = "id, at, user_name, role, endpoint, offender_id, crime_ref, purpose, row_count";

  private final Pool pool;

  public PgAuditLog(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<AuditRecord> append(AuditEntry e) {
    return pool.preparedQuery("""
            INSERT INTO audit_log (at, user_name, role, endpoint, offender_id, crime_ref, purpose, row_count)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING\s""" + COLUMNS)
        .execute(Tuple.from(new Object[] {PgTimes.utc(e.at()), e.user(), e.role().name(), e.endpoint(),
            e.offenderId(), e.crimeRef(), e.purpose(), e.rowCount()}))
        .map(rows -> record(rows.iterator().next()));
  }

  @Override
  public Future<List<AuditRecord>> find(AuditQuery q) {
    // Only the filters given become conditions, so each combination gets a plan that can use
    // the matching index.
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE id > $1");
    Tuple args = Tuple.of(q.afterId());
    condition(sql, args, "user_name = ", q.user());
    condition(sql, args, "offender_id = ", q.offenderId());
    condition(sql, args, "crime_ref = ", q.crimeRef());
    if (q.endpointPrefix() != null) {
      args.addString(q.endpointPrefix());
      sql.append(" AND starts_with(endpoint, $").append(args.size()).append(')');
    }
    condition(sql, args, "at >= ", q.from() == null ? null : PgTimes.utc(q.from()));
    condition(sql, args, "at < ", q.to() == null ? null : PgTimes.utc(q.to()));
    args.addInteger(q.limit());
    sql.append(" ORDER BY id LIMIT $").append(args.size());
    return pool.preparedQuery(sql.toString()).execute(args).map(rows -> {
      List<AuditRecord> page = new ArrayList<>(rows.size());
      for (Row r : rows) page.add(record(r));
      return page;
    });
  }

  private static void condition(StringBuilder sql, Tuple args, String test, Object value) {
    if (value == null) return;
    args.addValue(value);
    sql.append(" AND ").append(test).append('$').append(args.size());
  }

  private static AuditRecord record(Row r) {
    return new AuditRecord(r.getLong("id"), new AuditEntry(PgTimes.instant(r.getOffsetDateTime("at")),
        r.getString("user_name"), Role.valueOf(r.getString("role")), r.getString("endpoint"),
        r.getString("offender_id"), r.getString("crime_ref"), r.getString("purpose"), r.getLong("row_count")));
  }
}
