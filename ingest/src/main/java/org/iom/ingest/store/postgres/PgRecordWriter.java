package org.iom.ingest.store.postgres;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.iom.ingest.format.Rejection;
import org.iom.ingest.model.CohortMembership;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.Offender;
import org.iom.ingest.model.ProvenOffence;
import org.iom.ingest.model.RecordKind;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.model.Zone;
import org.iom.ingest.store.WriteResult;
import org.iom.ingest.store.merge.AssignmentLedger;
import org.iom.ingest.store.merge.KeyedUpsert;
import org.iom.ingest.store.merge.StoredTime;

/**
 * Writes everything but fixes. These kinds arrive in small batches, so each batch is planned in
 * Java with the same rules as the in-memory store ({@link KeyedUpsert}, {@link AssignmentLedger})
 * against the stored rows it reads <em>inside</em> its transaction, under a lock that keeps
 * those rows from changing until commit:
 * <ul>
 *   <li>assignments: the rows of the batch's tags in {@code tags}, {@code SELECT ... FOR UPDATE}
 *       in tag order (so two batches for different tags run in parallel, two for the same tag
 *       one after the other, and none deadlock); the overlap check then runs on the stored
 *       assignments of those tags, and a deferred trigger re-checks at commit;</li>
 *   <li>other kinds: a transaction-level advisory lock per kind
 *       ({@link #KIND_LOCK_BASE} + ordinal), so counts of identical/changed rows are exact even
 *       with concurrent writers.</li>
 * </ul>
 * Thread-safe.
 */
final class PgRecordWriter {
  /** Advisory lock keys {@code KIND_LOCK_BASE + RecordKind.ordinal()} ("IOM_KIN" + ordinal). */
  static final long KIND_LOCK_BASE = 0x494F4D5F4B494E00L;

  private final Pool pool;
  private final Set<String> knownTags;

  PgRecordWriter(Pool pool, Set<String> knownTags) {
    this.pool = pool;
    this.knownTags = knownTags;
  }

  Future<WriteResult> putAssignments(List<TagAssignment> batch) {
    if (batch.isEmpty()) return Future.succeededFuture(WriteResult.EMPTY);
    SortedSet<String> tags = new TreeSet<>();
    for (TagAssignment a : batch) tags.add(a.tagId());
    String[] tagArray = tags.toArray(String[]::new);
    return pool.withTransaction(conn -> PgFixWriter.insertTags(conn, tags)
        .compose(v -> conn.preparedQuery("SELECT tag_id FROM tags WHERE tag_id = ANY($1::text[]) ORDER BY tag_id FOR UPDATE")
            .execute(Tuple.of(tagArray)))
        .compose(v -> conn.preparedQuery("SELECT " + PgRows.ASSIGNMENT_COLUMNS + " FROM assignments WHERE tag_id = ANY($1::text[])")
            .execute(Tuple.of(tagArray)))
        .compose(rows -> {
          Map<String, List<TagAssignment>> stored = new HashMap<>();
          for (Row r : rows) {
            TagAssignment a = PgRows.assignment(r);
            stored.computeIfAbsent(a.tagId(), t -> new ArrayList<>()).add(a);
          }
          KeyedUpsert.Plan<TagAssignment> plan = AssignmentLedger.plan(batch, stored);
          return writeAssignments(conn, plan.toWrite()).map(plan.result());
        }))
        .onSuccess(r -> knownTags.addAll(tags));
  }

  private static Future<Void> writeAssignments(SqlConnection conn, List<TagAssignment> rows) {
    if (rows.isEmpty()) return Future.succeededFuture();
    int n = rows.size();
    String[] tag = new String[n];
    OffsetDateTime[] fitted = new OffsetDateTime[n];
    String[] offender = new String[n];
    OffsetDateTime[] removed = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      TagAssignment a = rows.get(i);
      tag[i] = a.tagId();
      fitted[i] = PgRows.utc(a.fittedAt());
      offender[i] = a.offenderId();
      removed[i] = PgRows.utc(a.removedAt());
    }
    return conn.preparedQuery("""
        INSERT INTO assignments (tag_id, fitted_at, offender_id, removed_at)
        SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::timestamptz[])
        ON CONFLICT (tag_id, fitted_at) DO UPDATE
          SET offender_id = EXCLUDED.offender_id, removed_at = EXCLUDED.removed_at
        """).execute(Tuple.of(tag, fitted, offender, removed)).mapEmpty();
  }

  Future<WriteResult> putCrimes(List<Crime> batch) {
    List<Crime> rows = batch.stream().map(StoredTime::truncate).toList();
    return upsert(RecordKind.CRIMES, rows, Crime::crimeRef, Crime::crimeRef,
        "SELECT " + PgRows.CRIME_COLUMNS + " FROM crimes WHERE crime_ref = ANY($1::text[])", PgRows::crime,
        """
        INSERT INTO crimes (crime_ref, offence_code, committed_from, committed_to, lat, lon, easting, northing,
                            offence_type, radius_m)
        SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::float8[],
                             $6::float8[], $7::float8[], $8::float8[], $9::text[], $10::float8[])
        ON CONFLICT (crime_ref) DO UPDATE SET offence_code = EXCLUDED.offence_code,
          committed_from = EXCLUDED.committed_from, committed_to = EXCLUDED.committed_to,
          lat = EXCLUDED.lat, lon = EXCLUDED.lon, easting = EXCLUDED.easting, northing = EXCLUDED.northing,
          offence_type = EXCLUDED.offence_type, radius_m = EXCLUDED.radius_m
        """,
        PgRecordWriter::crimeArrays);
  }

  private static Tuple crimeArrays(List<Crime> rows) {
    Columns c = new Columns(rows.size(), 10);
    for (Crime r : rows) {
      c.add(r.crimeRef(), r.offenceCode(), PgRows.utc(r.committedFrom()), PgRows.utc(r.committedTo()),
          r.location().lat(), r.location().lon(), r.location().easting(), r.location().northing(),
          r.offenceType(), r.radiusM());
    }
    return c.tuple(String[]::new, String[]::new, OffsetDateTime[]::new, OffsetDateTime[]::new, Double[]::new,
        Double[]::new, Double[]::new, Double[]::new, String[]::new, Double[]::new);
  }

  Future<WriteResult> putOffenders(List<Offender> batch) {
    return upsert(RecordKind.OFFENDERS, batch, Offender::offenderId, Offender::offenderId,
        "SELECT " + PgRows.OFFENDER_COLUMNS + " FROM offenders WHERE offender_id = ANY($1::text[])", PgRows::offender,
        """
        INSERT INTO offenders (offender_id, display_name, manager_id, cohort)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
        ON CONFLICT (offender_id) DO UPDATE SET display_name = EXCLUDED.display_name,
          manager_id = EXCLUDED.manager_id, cohort = EXCLUDED.cohort
        """,
        rows -> {
          Columns c = new Columns(rows.size(), 4);
          for (Offender o : rows) {
            c.add(o.offenderId(), o.displayName(), o.managerId(), o.cohort() == null ? null : o.cohort().name());
          }
          return c.tuple(String[]::new, String[]::new, String[]::new, String[]::new);
        });
  }

  Future<WriteResult> putMemberships(List<CohortMembership> batch) {
    return upsert(RecordKind.COHORT_MEMBERSHIPS, batch, m -> List.of(m.offenderId(), m.cohort(), m.joinedOn()),
        CohortMembership::offenderId,
        "SELECT " + PgRows.MEMBERSHIP_COLUMNS + " FROM cohort_memberships WHERE offender_id = ANY($1::text[])",
        PgRows::membership,
        """
        INSERT INTO cohort_memberships (offender_id, cohort, joined_on, left_on)
        SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::date[])
        ON CONFLICT (offender_id, cohort, joined_on) DO UPDATE SET left_on = EXCLUDED.left_on
        """,
        rows -> {
          Columns c = new Columns(rows.size(), 4);
          for (CohortMembership m : rows) c.add(m.offenderId(), m.cohort().name(), m.joinedOn(), m.leftOn());
          return c.tuple(String[]::new, String[]::new, LocalDate[]::new, LocalDate[]::new);
        });
  }

  Future<WriteResult> putOffences(List<ProvenOffence> batch) {
    return upsert(RecordKind.OFFENCES, batch, Function.identity(), ProvenOffence::offenderId,
        "SELECT " + PgRows.OFFENCE_COLUMNS + " FROM proven_offences WHERE offender_id = ANY($1::text[])",
        PgRows::offence,
        """
        INSERT INTO proven_offences (offender_id, offence_date, offence_code, conviction_date, crime_ref)
        SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::date[], $5::text[])
        ON CONFLICT ON CONSTRAINT proven_offences_identical DO NOTHING
        """,
        rows -> {
          Columns c = new Columns(rows.size(), 5);
          for (ProvenOffence o : rows) {
            c.add(o.offenderId(), o.offenceDate(), o.offenceCode(), o.convictionDate(), o.crimeRef());
          }
          return c.tuple(String[]::new, LocalDate[]::new, String[]::new, LocalDate[]::new, String[]::new);
        });
  }

  Future<WriteResult> putZones(List<Zone> batch) {
    return upsert(RecordKind.ZONES, batch, Zone::zoneId, Zone::zoneId,
        "SELECT " + PgRows.ZONE_COLUMNS + " FROM zones WHERE zone_id = ANY($1::text[])", PgRows::zone,
        """
        INSERT INTO zones (zone_id, offender_id, kind, schedule, area_wkb, geojson, grace_s, tolerance_m)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bytea[], $6::text[],
                             $7::int4[], $8::float8[])
        ON CONFLICT (zone_id) DO UPDATE SET offender_id = EXCLUDED.offender_id, kind = EXCLUDED.kind,
          schedule = EXCLUDED.schedule, area_wkb = EXCLUDED.area_wkb, geojson = EXCLUDED.geojson,
          grace_s = EXCLUDED.grace_s, tolerance_m = EXCLUDED.tolerance_m
        """,
        rows -> {
          Columns c = new Columns(rows.size(), 8);
          for (Zone z : rows) {
            c.add(z.zoneId(), z.offenderId(), z.kind().name(), z.schedule().toString(), PgRows.wkb(z.area()),
                z.geoJson(), z.graceS(), z.toleranceM());
          }
          return c.tuple(String[]::new, String[]::new, String[]::new, String[]::new, Buffer[]::new,
              String[]::new, Integer[]::new, Double[]::new);
        });
  }

  /**
   * Plans and writes one batch of a keyed kind under its advisory lock.
   *
   * @param lookupId the id the stored rows are read by ({@code = ANY($1)}); a superset of the
   *     rows sharing a key with the batch is fine
   */
  private <K, V> Future<WriteResult> upsert(
      RecordKind kind, List<V> batch, Function<V, K> key, Function<V, String> lookupId, String selectSql,
      Function<Row, V> mapper, String upsertSql, Function<List<V>, Tuple> arrays) {
    if (batch.isEmpty()) return Future.succeededFuture(WriteResult.EMPTY);
    String[] ids = batch.stream().map(lookupId).distinct().toArray(String[]::new);
    return pool.withTransaction(conn -> conn.query("SELECT pg_advisory_xact_lock(" + (KIND_LOCK_BASE + kind.ordinal()) + ")")
        .execute()
        .compose(v -> conn.preparedQuery(selectSql).execute(Tuple.of(ids)))
        .compose(rows -> {
          Map<K, V> stored = new HashMap<>();
          for (Row r : rows) {
            V v = mapper.apply(r);
            stored.put(key.apply(v), v);
          }
          KeyedUpsert.Plan<V> plan = KeyedUpsert.plan(batch, key, stored);
          if (plan.toWrite().isEmpty()) return Future.succeededFuture(plan.result());
          return conn.preparedQuery(upsertSql).execute(arrays.apply(plan.toWrite())).map(plan.result());
        }));
  }

  Future<Void> putRejections(RecordKind kind, String source, List<Rejection> batch, Instant receivedAt) {
    if (batch.isEmpty()) return Future.succeededFuture();
    Columns c = new Columns(batch.size(), 3);
    for (Rejection r : batch) c.add(r.line(), PgRows.text(r.reason()), PgRows.text(r.raw()));
    Tuple arrays = c.tuple(Long[]::new, String[]::new, String[]::new);
    Tuple params = Tuple.of(kind.name(), source == null ? "" : PgRows.text(source), PgRows.utc(receivedAt),
        arrays.getValue(0), arrays.getValue(1), arrays.getValue(2));
    // ORDER BY n: ids follow line order, which breaks ties in "newest first".
    return pool.preparedQuery("""
        INSERT INTO rejections (kind, source, received_at, line, reason, raw)
        SELECT $1, $2, $3, u.line, u.reason, u.raw
        FROM unnest($4::int8[], $5::text[], $6::text[]) WITH ORDINALITY AS u(line, reason, raw, n)
        ORDER BY u.n
        """).execute(params).mapEmpty();
  }

  /** Collects rows column by column into typed arrays for {@code unnest}. */
  private static final class Columns {
    private final List<List<Object>> columns = new ArrayList<>();

    Columns(int rows, int width) {
      for (int i = 0; i < width; i++) columns.add(new ArrayList<>(rows));
    }

    void add(Object... values) {
      for (int i = 0; i < values.length; i++) columns.get(i).add(values[i]);
    }

    @SafeVarargs
    final Tuple tuple(java.util.function.IntFunction<? extends Object[]>... arrayTypes) {
      Tuple t = Tuple.tuple();
      for (int i = 0; i < arrayTypes.length; i++) t.addValue(columns.get(i).toArray(arrayTypes[i].apply(0)));
      return t;
    }
  }
}
