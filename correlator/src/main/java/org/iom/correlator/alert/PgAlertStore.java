package org.iom.correlator.alert;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Alerts in PostgreSQL (migration V4). Every write that appends events holds a transaction-level
 * advisory lock, so event ids commit in order and a stream resuming after id N misses nothing.
 * Thread-safe.
 */
public final class PgAlertStore implements AlertStore {
  private static final long EVENT_LOCK = 7001;
  private static final String COLUMNS = "alert_id, alert_key, kind, offender_id, crime_ref, zone_id, status,"
      + " occurred_at, evidence, raised_at, updated_at, withdrawn_at";

  private final Pool pool;

  public PgAlertStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<List<AlertEvent>> apply(List<AlertDraft> drafts, List<String> withdrawnKeys, Instant now) {
    if (drafts.isEmpty() && withdrawnKeys.isEmpty()) return Future.succeededFuture(List.of());
    return pool.withTransaction(conn -> lock(conn).compose(v -> {
      List<AlertEvent> events = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (AlertDraft d : drafts) chain = chain.compose(x -> upsert(conn, d, now, events));
      for (String key : withdrawnKeys) chain = chain.compose(x -> withdraw(conn, key, now, events));
      return chain.map(x -> events);
    }));
  }

  @Override
  public Future<List<AlertEvent>> syncCrimes(Map<String, List<AlertDraft>> draftsByCrime, Instant now) {
    if (draftsByCrime.isEmpty()) return Future.succeededFuture(List.of());
    return pool.withTransaction(conn -> lock(conn).compose(v -> {
      List<AlertEvent> events = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (Map.Entry<String, List<AlertDraft>> crime : draftsByCrime.entrySet()) {
        for (AlertDraft d : crime.getValue()) chain = chain.compose(x -> upsert(conn, d, now, events));
        String[] keep = crime.getValue().stream().map(AlertDraft::key).toArray(String[]::new);
        chain = chain.compose(x -> conn.preparedQuery("UPDATE alerts SET withdrawn_at = $3, updated_at = $3"
                + " WHERE crime_ref = $1 AND kind IN ('CRIME_PROXIMITY', 'CRIME_GAP') AND withdrawn_at IS NULL"
                + " AND NOT (alert_key = ANY($2)) RETURNING " + COLUMNS)
            .execute(Tuple.tuple().addValue(crime.getKey()).addValue(keep).addValue(utc(now)))
            .compose(rows -> {
              Future<Void> each = Future.succeededFuture();
              for (Row r : rows) each = each.compose(y -> appendEvent(conn, AlertEvent.Type.WITHDRAWN, alert(r), now, events));
              return each;
            }));
      }
      return chain.map(x -> events);
    }));
  }

  @Override
  public Future<List<AlertEvent>> syncLicenceAlerts(String offenderId, Instant from, Instant to, List<AlertDraft> drafts,
      Instant now) {
    try {
      LicenceSync.check(offenderId, from, to, drafts);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    String[] keep = drafts.stream().map(AlertDraft::key).toArray(String[]::new);
    return pool.withTransaction(conn -> lock(conn).compose(v -> {
      List<AlertEvent> events = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (AlertDraft d : drafts) chain = chain.compose(x -> upsert(conn, d, now, events));
      chain = chain.compose(x -> conn.preparedQuery("UPDATE alerts SET withdrawn_at = $5, updated_at = $5"
              + " WHERE offender_id = $1 AND kind NOT IN ('CRIME_PROXIMITY', 'CRIME_GAP') AND withdrawn_at IS NULL"
              + " AND occurred_at >= $2 AND occurred_at < $3 AND NOT (alert_key = ANY($4)) RETURNING " + COLUMNS)
          .execute(Tuple.tuple().addValue(offenderId).addValue(utc(from)).addValue(utc(to)).addValue(keep).addValue(utc(now)))
          .compose(rows -> {
            Future<Void> each = Future.succeededFuture();
            for (Row r : rows) each = each.compose(y -> appendEvent(conn, AlertEvent.Type.WITHDRAWN, alert(r), now, events));
            return each;
          }));
      return chain.map(x -> events);
    }));
  }

  private static Future<Void> upsert(SqlConnection conn, AlertDraft d, Instant now, List<AlertEvent> events) {
    return conn.preparedQuery("INSERT INTO alerts (alert_key, kind, offender_id, crime_ref, zone_id, occurred_at, evidence,"
            + " raised_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)"
            + " ON CONFLICT (alert_key) DO UPDATE SET kind = EXCLUDED.kind, offender_id = EXCLUDED.offender_id,"
            + " crime_ref = EXCLUDED.crime_ref, zone_id = EXCLUDED.zone_id, occurred_at = EXCLUDED.occurred_at,"
            + " evidence = EXCLUDED.evidence, updated_at = EXCLUDED.updated_at, withdrawn_at = NULL"
            + " WHERE alerts.kind <> EXCLUDED.kind OR alerts.occurred_at <> EXCLUDED.occurred_at"
            + " OR alerts.evidence <> EXCLUDED.evidence OR alerts.withdrawn_at IS NOT NULL"
            + " RETURNING " + COLUMNS + ", (xmax = 0) AS inserted")
        .execute(Tuple.tuple().addValue(d.key()).addValue(d.kind().name()).addValue(d.offenderId())
            .addValue(d.crimeRef()).addValue(d.zoneId()).addValue(utc(d.occurredAt())).addValue(d.evidence())
            .addValue(utc(now)))
        .compose(rows -> {
          if (rows.size() == 0) return Future.succeededFuture(); // unchanged
          Row r = rows.iterator().next();
          AlertEvent.Type type = r.getBoolean("inserted") ? AlertEvent.Type.CREATED : AlertEvent.Type.UPDATED;
          return appendEvent(conn, type, alert(r), now, events);
        });
  }

  private static Future<Void> withdraw(SqlConnection conn, String key, Instant now, List<AlertEvent> events) {
    return conn.preparedQuery("UPDATE alerts SET withdrawn_at = $2, updated_at = $2 WHERE alert_key = $1"
            + " AND withdrawn_at IS NULL RETURNING " + COLUMNS)
        .execute(Tuple.of(key, utc(now)))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture()
            : appendEvent(conn, AlertEvent.Type.WITHDRAWN, alert(rows.iterator().next()), now, events));
  }

  private static Future<Void> appendEvent(SqlConnection conn, AlertEvent.Type type, Alert alert, Instant now,
      List<AlertEvent> events) {
    return conn.preparedQuery("INSERT INTO alert_events (alert_id, event_type, at, snapshot) VALUES ($1, $2, $3, $4)"
            + " RETURNING event_id")
        .execute(Tuple.of(alert.alertId(), type.name(), utc(now), alert.toJson()))
        .map(rows -> {
          events.add(new AlertEvent(rows.iterator().next().getLong(0), type, alert));
          return null;
        });
  }

  private static Future<Void> lock(SqlConnection conn) {
    return conn.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(EVENT_LOCK)).mapEmpty();
  }

  @Override
  public Future<Optional<Alert>> get(long alertId) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM alerts WHERE alert_id = $1").execute(Tuple.of(alertId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(alert(rows.iterator().next())));
  }

  @Override
  public Future<List<Alert>> find(AlertQuery q) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM alerts WHERE true");
    Tuple params = Tuple.tuple();
    if (q.status() != null) sql.append(" AND status = $").append(add(params, q.status().name()));
    if (q.kind() != null) sql.append(" AND kind = $").append(add(params, q.kind().name()));
    if (q.offenderIds() != null) sql.append(" AND offender_id = ANY($").append(add(params, q.offenderIds().toArray(String[]::new))).append(")");
    if (q.crimeRef() != null) sql.append(" AND crime_ref = $").append(add(params, q.crimeRef()));
    if (q.from() != null) sql.append(" AND raised_at >= $").append(add(params, utc(q.from())));
    if (q.to() != null) sql.append(" AND raised_at < $").append(add(params, utc(q.to())));
    sql.append(" ORDER BY raised_at DESC, alert_id LIMIT $").append(add(params, q.limit()))
        .append(" OFFSET $").append(add(params, q.offset()));
    return pool.preparedQuery(sql.toString()).execute(params).map(rows -> {
      List<Alert> out = new ArrayList<>();
      for (Row r : rows) out.add(alert(r));
      return out;
    });
  }

  private static int add(Tuple params, Object value) {
    params.addValue(value);
    return params.size();
  }

  @Override
  public Future<AlertEvent> transition(long alertId, AlertStatus to, String actor, String reason, Instant now) {
    return pool.withTransaction(conn -> lock(conn)
        .compose(v -> conn.preparedQuery("SELECT status FROM alerts WHERE alert_id = $1 FOR UPDATE").execute(Tuple.of(alertId)))
        .compose(rows -> {
          if (rows.size() == 0) throw new NoSuchElementException("no alert " + alertId);
          AlertStatus from = AlertStatus.valueOf(rows.iterator().next().getString(0));
          from.requireCanMoveTo(to);
          return conn.preparedQuery("INSERT INTO alert_transitions (alert_id, from_status, to_status, actor, reason, at)"
                  + " VALUES ($1, $2, $3, $4, $5, $6)")
              .execute(Tuple.of(alertId, from.name(), to.name(), actor, reason, utc(now)))
              .compose(x -> conn.preparedQuery("UPDATE alerts SET status = $2, updated_at = $3 WHERE alert_id = $1 RETURNING " + COLUMNS)
                  .execute(Tuple.of(alertId, to.name(), utc(now))))
              .compose(updated -> {
                List<AlertEvent> events = new ArrayList<>();
                return appendEvent(conn, AlertEvent.Type.TRANSITION, alert(updated.iterator().next()), now, events)
                    .map(x -> events.get(0));
              });
        }));
  }

  @Override
  public Future<List<AlertTransition>> transitions(long alertId) {
    return pool.preparedQuery("SELECT from_status, to_status, actor, reason, at FROM alert_transitions"
            + " WHERE alert_id = $1 ORDER BY at, ctid").execute(Tuple.of(alertId))
        .map(rows -> {
          List<AlertTransition> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new AlertTransition(alertId, AlertStatus.valueOf(r.getString(0)), AlertStatus.valueOf(r.getString(1)),
                r.getString(2), r.getString(3), r.getOffsetDateTime(4).toInstant()));
          }
          return out;
        });
  }

  @Override
  public Future<List<AlertEvent>> eventsAfter(long afterEventId, int limit) {
    return pool.preparedQuery("SELECT event_id, event_type, snapshot FROM alert_events WHERE event_id > $1"
            + " ORDER BY event_id LIMIT $2").execute(Tuple.of(afterEventId, limit))
        .map(rows -> {
          List<AlertEvent> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new AlertEvent(r.getLong(0), AlertEvent.Type.valueOf(r.getString(1)), fromJson((JsonObject) r.getValue(2))));
          }
          return out;
        });
  }

  private static Alert alert(Row r) {
    return new Alert(r.getLong("alert_id"), r.getString("alert_key"), AlertKind.valueOf(r.getString("kind")),
        r.getString("offender_id"), r.getString("crime_ref"), r.getString("zone_id"),
        AlertStatus.valueOf(r.getString("status")), instant(r, "occurred_at"), (JsonObject) r.getValue("evidence"),
        instant(r, "raised_at"), instant(r, "updated_at"), instant(r, "withdrawn_at"));
  }

  /** An alert as snapshotted into an event ({@link Alert#toJson()}; the key is not part of it). */
  private static Alert fromJson(JsonObject j) {
    return new Alert(j.getLong("alert_id"), j.getString("alert_key"), AlertKind.valueOf(j.getString("kind")), j.getString("offender_id"),
        j.getString("crime_ref"), j.getString("zone_id"), AlertStatus.valueOf(j.getString("status")),
        Instant.parse(j.getString("occurred_at")), j.getJsonObject("evidence"), Instant.parse(j.getString("raised_at")),
        Instant.parse(j.getString("updated_at")), j.getString("withdrawn_at") == null ? null : Instant.parse(j.getString("withdrawn_at")));
  }

  private static Instant instant(Row r, String column) {
    OffsetDateTime t = r.getOffsetDateTime(column);
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
