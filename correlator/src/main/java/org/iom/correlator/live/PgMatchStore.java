package org.iom.correlator.live;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iom.correlator.match.Match;
import org.iom.correlator.match.MatchKind;

/**
 * Matches in PostgreSQL's {@code matches} table (migration V2). A replace runs in one
 * transaction: it locks the crimes' stored rows, compares, deletes the withdrawn ones and upserts
 * the new and changed ones ({@code updated_at} moves only for those). Thread-safe.
 */
public final class PgMatchStore implements MatchStore {
  private static final String COLUMNS = "crime_ref, offender_id, tag_id, kind, closest_m, closest_at,"
      + " minutes_within, fixes_within, gap_minutes, radius_m, window_from, window_to";

  private final Pool pool;

  public PgMatchStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<MatchChanges> replace(Map<String, List<Match>> matchesByCrime) {
    if (matchesByCrime.isEmpty()) return Future.succeededFuture(MatchChanges.NONE);
    String[] crimes = matchesByCrime.keySet().toArray(String[]::new);
    return pool.withTransaction(conn -> conn
        .preparedQuery("SELECT " + COLUMNS + " FROM matches WHERE crime_ref = ANY($1) ORDER BY crime_ref, offender_id FOR UPDATE")
        .execute(Tuple.of(crimes))
        .compose(rows -> {
          Map<String, Map<String, Match>> stored = new HashMap<>();
          for (Row r : rows) {
            Match m = match(r);
            stored.computeIfAbsent(m.crimeRef(), k -> new TreeMap<>()).put(m.offenderId(), m);
          }
          MatchDiff diff = new MatchDiff();
          matchesByCrime.forEach((crime, next) -> diff.compare(crime, stored.getOrDefault(crime, Map.of()), next));
          return delete(conn, diff.toDelete()).compose(v -> upsert(conn, diff.toWrite())).map(v -> diff.changes());
        }));
  }

  private static Future<Void> delete(SqlConnection conn, List<Match> withdrawn) {
    if (withdrawn.isEmpty()) return Future.succeededFuture();
    String[] crime = new String[withdrawn.size()];
    String[] offender = new String[withdrawn.size()];
    for (int i = 0; i < crime.length; i++) {
      crime[i] = withdrawn.get(i).crimeRef();
      offender[i] = withdrawn.get(i).offenderId();
    }
    return conn.preparedQuery("""
        DELETE FROM matches m USING unnest($1::text[], $2::text[]) AS gone(crime_ref, offender_id)
        WHERE m.crime_ref = gone.crime_ref AND m.offender_id = gone.offender_id
        """).execute(Tuple.tuple().addValue(crime).addValue(offender)).mapEmpty();
  }

  private static Future<Void> upsert(SqlConnection conn, List<Match> rows) {
    if (rows.isEmpty()) return Future.succeededFuture();
    int n = rows.size();
    String[] crime = new String[n], offender = new String[n], tag = new String[n], kind = new String[n];
    Double[] closest = new Double[n], minutes = new Double[n], gap = new Double[n], radius = new Double[n];
    Integer[] fixes = new Integer[n];
    OffsetDateTime[] closestAt = new OffsetDateTime[n], from = new OffsetDateTime[n], to = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      Match m = rows.get(i);
      crime[i] = m.crimeRef();
      offender[i] = m.offenderId();
      tag[i] = m.tagId();
      kind[i] = m.kind().name();
      closest[i] = m.closestM();
      closestAt[i] = utc(m.closestAt());
      minutes[i] = m.minutesWithin();
      fixes[i] = m.fixesWithin();
      gap[i] = m.gapMinutes();
      radius[i] = m.radiusM();
      from[i] = utc(m.windowFrom());
      to[i] = utc(m.windowTo());
    }
    return conn.preparedQuery("INSERT INTO matches (" + COLUMNS + ")"
        + " SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::timestamptz[],"
        + " $7::float8[], $8::int4[], $9::float8[], $10::float8[], $11::timestamptz[], $12::timestamptz[])"
        + " ON CONFLICT (crime_ref, offender_id) DO UPDATE SET tag_id = EXCLUDED.tag_id, kind = EXCLUDED.kind,"
        + " closest_m = EXCLUDED.closest_m, closest_at = EXCLUDED.closest_at, minutes_within = EXCLUDED.minutes_within,"
        + " fixes_within = EXCLUDED.fixes_within, gap_minutes = EXCLUDED.gap_minutes, radius_m = EXCLUDED.radius_m,"
        + " window_from = EXCLUDED.window_from, window_to = EXCLUDED.window_to, updated_at = now()")
        .execute(Tuple.wrap(new Object[] {crime, offender, tag, kind, closest, closestAt, minutes, fixes, gap, radius, from, to}))
        .mapEmpty();
  }

  @Override
  public Future<List<Match>> ofCrime(String crimeRef) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM matches WHERE crime_ref = $1 ORDER BY offender_id")
        .execute(Tuple.of(crimeRef)).map(PgMatchStore::matches);
  }

  @Override
  public Future<List<Match>> all() {
    return pool.query("SELECT " + COLUMNS + " FROM matches ORDER BY crime_ref, offender_id").execute()
        .map(PgMatchStore::matches);
  }

  private static List<Match> matches(Iterable<Row> rows) {
    List<Match> out = new ArrayList<>();
    for (Row r : rows) out.add(match(r));
    return out;
  }

  private static Match match(Row r) {
    return new Match(r.getString(0), r.getString(1), r.getString(2), MatchKind.valueOf(r.getString(3)),
        r.getDouble(4), instant(r, 5), r.getDouble(6), r.getInteger(7), r.getDouble(8), r.getDouble(9),
        instant(r, 10), instant(r, 11));
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(Row r, int column) {
    return r.getOffsetDateTime(column).toInstant();
  }
}
