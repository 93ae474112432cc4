package org.iom.bench;

import io.vertx.pgclient.PgConnectOptions;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.iom.correlator.index.TrailIndex;
import org.iom.correlator.match.CrimeMatcher;
import org.iom.correlator.match.CrimeSearch;
import org.iom.correlator.match.Match;
import org.iom.correlator.match.MatchRule;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.store.postgres.PgJdbc;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The same question asked of PostgreSQL 15 + PostGIS on a one-month slice of the benchmark data,
 * in the same run as the index: fixes as {@code geometry(Point, 27700)} with a GiST index, a
 * {@code (tag_id, t)} btree and a {@code (t)} btree, loaded with COPY. Two queries per crime:
 * <ul>
 *   <li>{@link #EXACT_SQL}: the exact rule, written as a PostGIS user would (see its comment);</li>
 *   <li>{@link #POINT_SQL}: offenders with a fix within the radius in the window, with no
 *       segments, gaps or evidence: the floor of what PostGIS can do for this question.</li>
 * </ul>
 * The exact query's answers are compared with the index's (offender set, kind, closest_m within
 * 2 cm, and the other evidence fields), and the counts are reported. Needs the PG* environment
 * and the {@code postgis} extension in the database (bench/run.sh creates both).
 */
final class PostgisBaseline {
  /**
   * One crime, exactly. Candidates: tags with a fix within {@code pf = max(gap radius, r + L/2)}
   * of the crime during the window widened by max gap, where L is the longest
   * segment in the table (measured once at load), so every segment that comes within r has an end
   * within pf; plus tags whose last fix before or first fix after the window is within the gap
   * radius (a gap may span the window; btree probes). Then, per candidate tag, its fixes in the
   * window and the one on either side, attributed to assignments, paired with {@code LEAD} per
   * assignment: segments are clipped to the window by interpolation, closest approach from
   * {@code ST_ClosestPoint}/{@code ST_Distance} on the clipped {@code ST_MakeLine}, time inside the
   * circle from the closed-form quadratic; longer pairs are gaps. Point distances are plain
   * arithmetic on the coordinates (what {@code ST_Distance} computes for points, without its
   * per-call cost), and the segment geometry is computed only for segments whose bounding box
   * comes within r: the others can neither make the offender PRESENT nor add minutes within r,
   * and a non-PRESENT offender's closest is a gap edge, so the answer is unchanged.
   *
   * <p>Why the prefilter reads the time range (btree on t) and tests the distance, rather than
   * {@code ST_DWithin} on the GiST: pf is large (r + half the longest segment, kilometres in
   * these data, where a tag in a car skips a few fixes), and for such a radius the planner's
   * BitmapAnd of the GiST and the time index scanned most of the GiST and took 2-5 times longer
   * than the time range alone (EXPLAIN ANALYZE on this data). The GiST serves the point-only
   * query, whose radius is r.
   */
  static final String EXACT_SQL = """
      WITH cand AS (
        SELECT f.tag_id FROM fixes f
         WHERE f.t BETWEEN :w0 - :mg AND :w1 + :mg AND ST_Distance(f.geom, :p) <= :pf
        UNION
        SELECT tg.tag_id FROM tags tg,
               LATERAL (SELECT f.geom FROM fixes f WHERE f.tag_id = tg.tag_id AND f.t < :w0 ORDER BY f.t DESC LIMIT 1) b
         WHERE ST_DWithin(b.geom, :p, :g)
        UNION
        SELECT tg.tag_id FROM tags tg,
               LATERAL (SELECT f.geom FROM fixes f WHERE f.tag_id = tg.tag_id AND f.t > :w1 ORDER BY f.t LIMIT 1) a
         WHERE ST_DWithin(a.geom, :p, :g)),
      pts AS (
        SELECT cand.tag_id, w.t, w.geom FROM cand,
               LATERAL (SELECT f.t, f.geom FROM fixes f WHERE f.tag_id = cand.tag_id AND f.t BETWEEN :w0 AND :w1) w
        UNION ALL
        SELECT cand.tag_id, b.t, b.geom FROM cand,
               LATERAL (SELECT f.t, f.geom FROM fixes f WHERE f.tag_id = cand.tag_id AND f.t < :w0 ORDER BY f.t DESC LIMIT 1) b
        UNION ALL
        SELECT cand.tag_id, a.t, a.geom FROM cand,
               LATERAL (SELECT f.t, f.geom FROM fixes f WHERE f.tag_id = cand.tag_id AND f.t > :w1 ORDER BY f.t LIMIT 1) a),
      seq AS (
        SELECT p.tag_id, p.t, p.geom, a.offender_id,
               lead(p.t) OVER w AS tb, lead(p.geom) OVER w AS gb
          FROM pts p JOIN assignments a
            ON a.tag_id = p.tag_id AND p.t >= a.fitted_at AND (a.removed_at IS NULL OR p.t < a.removed_at)
        WINDOW w AS (PARTITION BY p.tag_id, a.fitted_at ORDER BY p.t)),
      piece AS (
        SELECT k.*, sqrt((ax - :cx) ^ 2 + (ay - :cy) ^ 2) AS d_a, sqrt((bx - :cx) ^ 2 + (bby - :cy) ^ 2) AS d_b
          FROM (SELECT s.offender_id, s.tag_id, s.t, s.tb,
                       s.t BETWEEN :w0 AND :w1 AS in_window,
                       s.tb - s.t <= :mg AND s.t <= :w1 AND s.tb >= :w0 AS is_seg,
                       s.tb - s.t > :mg AND s.t < :w1 AND s.tb > :w0 AS is_gap,
                       greatest(s.t, :w0) AS lo, least(s.tb, :w1) AS hi,
                       ST_X(s.geom) AS ax, ST_Y(s.geom) AS ay, ST_X(s.gb) AS bx, ST_Y(s.gb) AS bby,
                       extract(epoch FROM s.tb - s.t) AS dur
                  FROM seq s) k),
      seg AS (
        SELECT q.*, ST_MakeLine(ST_SetSRID(ST_MakePoint(q.xa, q.ya), 27700), ST_SetSRID(ST_MakePoint(q.xb, q.yb), 27700)) AS cl
          FROM (SELECT pc.*, pc.ax + fa * (pc.bx - pc.ax) AS xa, pc.ay + fa * (pc.bby - pc.ay) AS ya,
                       pc.ax + fb * (pc.bx - pc.ax) AS xb, pc.ay + fb * (pc.bby - pc.ay) AS yb
                  FROM piece pc,
                       LATERAL (SELECT extract(epoch FROM pc.lo - pc.t) / pc.dur AS fa,
                                       extract(epoch FROM pc.hi - pc.t) / pc.dur AS fb) f
                 -- only segments whose box comes within r can decide PRESENT or add minutes within r
                 WHERE pc.is_seg AND least(pc.ax, pc.bx) <= :cx + :r AND greatest(pc.ax, pc.bx) >= :cx - :r
                   AND least(pc.ay, pc.bby) <= :cy + :r AND greatest(pc.ay, pc.bby) >= :cy - :r) q),
      seg_ev AS (
        SELECT offender_id, tag_id, ST_Distance(cl, :p) AS d,
               CASE WHEN xa = xb AND ya = yb THEN lo
                    ELSE lo + (hi - lo) * ST_LineLocatePoint(cl, ST_ClosestPoint(cl, :p)) END AS at,
               extract(epoch FROM hi - lo) / 60 * (
                 CASE WHEN xa = xb AND ya = yb THEN CASE WHEN (xa - :cx) ^ 2 + (ya - :cy) ^ 2 <= :r * :r THEN 1 ELSE 0 END
                      ELSE (SELECT CASE WHEN disc < 0 THEN 0
                                        ELSE greatest(0, least(1, (-bq + sqrt(disc)) / (2 * aq)) - greatest(0, (-bq - sqrt(disc)) / (2 * aq))) END
                              FROM (SELECT aq, bq, bq * bq - 4 * aq * cq AS disc
                                      FROM (SELECT (xb - xa) ^ 2 + (yb - ya) ^ 2 AS aq,
                                                   2 * ((xa - :cx) * (xb - xa) + (ya - :cy) * (yb - ya)) AS bq,
                                                   (xa - :cx) ^ 2 + (ya - :cy) ^ 2 - :r * :r AS cq) k1) k2) END) AS minutes
          FROM seg),
      near AS (
        SELECT offender_id, tag_id, d_a AS d, t AS at FROM piece WHERE in_window
        UNION ALL
        SELECT offender_id, tag_id, d, at FROM seg_ev),
      edge AS (
        SELECT offender_id, tag_id, d_a AS d, t AS at FROM piece WHERE is_gap AND d_a <= :g
        UNION ALL
        SELECT offender_id, tag_id, d_b, tb FROM piece WHERE is_gap AND d_b <= :g),
      best_near AS (SELECT DISTINCT ON (offender_id) offender_id, tag_id, d, at FROM near ORDER BY offender_id, d, at),
      best_edge AS (SELECT DISTINCT ON (offender_id) offender_id, tag_id, d, at FROM edge ORDER BY offender_id, d, at),
      counts AS (
        SELECT offender_id,
               count(*) FILTER (WHERE in_window AND d_a <= :r) AS fixes,
               coalesce(sum(extract(epoch FROM hi - lo)) FILTER (WHERE is_gap), 0) / 60 AS gap_minutes
          FROM piece GROUP BY offender_id),
      minutes AS (SELECT offender_id, sum(minutes) AS minutes FROM seg_ev GROUP BY offender_id)
      SELECT s.offender_id,
             CASE WHEN n.d <= :r THEN 'PRESENT' ELSE 'GAP' END AS kind,
             CASE WHEN n.d <= :r THEN n.tag_id ELSE e.tag_id END AS tag_id,
             CASE WHEN n.d <= :r THEN n.d ELSE e.d END AS closest_m,
             CASE WHEN n.d <= :r THEN n.at ELSE e.at END AS closest_at,
             CASE WHEN n.d <= :r THEN coalesce(m.minutes, 0) ELSE 0 END AS minutes_within,
             CASE WHEN n.d <= :r THEN s.fixes ELSE 0 END AS fixes_within,
             s.gap_minutes
        FROM counts s LEFT JOIN minutes m USING (offender_id) LEFT JOIN best_near n USING (offender_id)
             LEFT JOIN best_edge e USING (offender_id)
       WHERE n.d <= :r OR e.d IS NOT NULL
       ORDER BY s.offender_id""";

  /**
   * The exact query with its named parameters bound as literals of their types in the text:
   * {@code :p} the crime point, {@code :cx :cy} its coordinates, {@code :r :g :pf} radius, gap
   * radius and prefilter radius (metres), {@code :w0 :w1} the window, {@code :mg} max gap. Sent
   * as text (not a server-side prepared statement) so every plan is made for the crime's own
   * values, as an expert would make sure of for a prefilter whose selectivity varies this much.
   */
  static String exactSql(CrimeSearch s, double prefilterM) {
    String point = String.format(Locale.ROOT, "ST_SetSRID(ST_MakePoint(%.2f, %.2f), 27700)", s.easting(), s.northing());
    return EXACT_SQL
        .replace(":pf", String.format(Locale.ROOT, "%.3f::float8", prefilterM))
        .replace(":p", point)
        .replace(":cx", String.format(Locale.ROOT, "%.2f::float8", s.easting()))
        .replace(":cy", String.format(Locale.ROOT, "%.2f::float8", s.northing()))
        .replace(":r", String.format(Locale.ROOT, "%.3f::float8", s.radiusM()))
        .replace(":g", String.format(Locale.ROOT, "%.3f::float8", s.gapRadiusM()))
        .replace(":w0", "'" + s.windowFrom() + "'::timestamptz")
        .replace(":w1", "'" + s.windowTo() + "'::timestamptz")
        .replace(":mg", "'" + s.maxGapMillis() + " milliseconds'::interval");
  }

  /** Offenders with a fix within r during the window: no segments, no gaps, no evidence. */
  static final String POINT_SQL = """
      SELECT DISTINCT a.offender_id
        FROM fixes f JOIN assignments a
          ON a.tag_id = f.tag_id AND f.t >= a.fitted_at AND (a.removed_at IS NULL OR f.t < a.removed_at)
       WHERE f.t BETWEEN ?::timestamptz AND ?::timestamptz
         AND ST_DWithin(f.geom, ST_SetSRID(ST_MakePoint(?, ?), 27700), ?)""";

  private static final int WARMUP_CRIMES = 20;
  /** One timed pass of the exact query (it takes a large fraction of a second a crime), three of the point query. */
  private static final int EXACT_PASSES = 1;
  private static final int POINT_PASSES = 3;

  private PostgisBaseline() {}

  static void run(TrailColumns month, List<Crime> crimes, MatchRule rule, CorrelationBench.Report report) throws Exception {
    long fixes = month.fixCount();
    // The index side of the month, built and timed the same way.
    double[] indexBuild = new double[3];
    TrailIndex index = null;
    for (int run = 0; run < indexBuild.length; run++) {
      index = null;
      long t0 = System.nanoTime();
      index = month.buildIndex();
      indexBuild[run] = fixes / CorrelationBench.seconds(t0);
    }
    CrimeMatcher matcher = index.matcher(rule);

    PgConnectOptions pg = PgConnectOptions.fromEnv();
    try (Connection db = PgJdbc.connect(pg)) {
      double loadRate = load(db, month);
      double reach = longestSegment(db, rule);
      CorrelationBench.log("postgis: loaded %,d fixes at %,.0f fixes/s (COPY + indexes + ANALYZE); longest segment %.1f m",
          fixes, loadRate, reach);
      try (Statement st = db.createStatement()) {
        st.execute("SET plan_cache_mode = force_custom_plan"); // the prefilter's selectivity depends on the crime
        st.execute("SET jit = off"); // JIT compilation costs more than these short queries run
      }

      for (int pass = 0; pass < 3; pass++) matcher.matchAll(crimes);
      CorrelationBench.Latency indexLatency = CorrelationBench.latency(matcher, crimes, 7);

      List<List<Row>> exactAnswers = new ArrayList<>();
      Histogram exact = new Histogram(3_600_000_000_000L, 3);
      Histogram point = new Histogram(3_600_000_000_000L, 3);
      try (Statement exactQuery = db.createStatement();
           PreparedStatement pointQuery = db.prepareStatement(POINT_SQL)) {
        for (Crime c : crimes.subList(0, Math.min(WARMUP_CRIMES, crimes.size()))) { // warm caches and plans
          exact(exactQuery, CrimeSearch.of(c, rule), reach);
          point(pointQuery, CrimeSearch.of(c, rule));
        }
        for (int pass = 0; pass < POINT_PASSES; pass++) {
          for (Crime c : crimes) {
            CrimeSearch s = CrimeSearch.of(c, rule);
            if (pass < EXACT_PASSES) {
              long t0 = System.nanoTime();
              List<Row> rows = exact(exactQuery, s, reach);
              exact.recordValue(System.nanoTime() - t0);
              if (pass == 0) exactAnswers.add(rows);
            }
            long t0 = System.nanoTime();
            point(pointQuery, s);
            point.recordValue(System.nanoTime() - t0);
          }
        }
      }
      Agreement agreement = compare(crimes, matcher, exactAnswers);
      double e50 = exact.getValueAtPercentile(50) / 1000.0, e99 = exact.getValueAtPercentile(99) / 1000.0;
      double p50 = point.getValueAtPercentile(50) / 1000.0, p99 = point.getValueAtPercentile(99) / 1000.0;
      CorrelationBench.log("postgis: exact p50 %.0f us p99 %.0f us; point p50 %.0f us p99 %.0f us; index p50 %.1f us p99 %.1f us; %s",
          e50, e99, p50, p99, indexLatency.p50(), indexLatency.p99(), agreement);

      String n = String.format(Locale.ROOT, "%,d", crimes.size());
      report.row("month slice: index build (`add` + `build()`), fixes/s", CorrelationBench.median(indexBuild),
          CorrelationBench.rates(indexBuild), "PostGIS load: COPY + GiST + btree + ANALYZE", loadRate, "%,.0f");
      report.value("speedupExact", e50 / indexLatency.p50());
      report.value("speedupExactP99", e99 / indexLatency.p99());
      String pgRuns = EXACT_PASSES + " x " + n + " (PostGIS)";
      report.row("month slice: per-crime median, µs, index (" + n + " crimes)", indexLatency.p50(), "7 x " + n + "; " + pgRuns,
          "PostGIS exact SQL (btree time-range + distance prefilter, LEAD segments, gaps)", e50, "%,.1f");
      report.row("month slice: per-crime p99, µs, index", indexLatency.p99(), "7 x " + n + "; " + pgRuns,
          "PostGIS exact SQL p99", e99, "%,.1f");
      report.row("month slice: per-crime median, µs, index", indexLatency.p50(), "7 x " + n + "; " + POINT_PASSES + " x " + n
          + " (PostGIS)", "PostGIS point-only `ST_DWithin` (floor, no segments or evidence)", p50, "%,.1f");
      report.row("month slice: per-crime p99, µs, index", indexLatency.p99(), "7 x " + n + "; " + POINT_PASSES + " x " + n
          + " (PostGIS)", "PostGIS point-only p99", p99, "%,.1f");
      report.note(String.format(Locale.ROOT,
          "PostGIS side: %,d fixes of %s to %s (the month's crimes are the %s of the %,d whose window lies inside it with a day "
              + "to spare); the exact query run once and the point query three times per crime after " + WARMUP_CRIMES + " warm-up crimes, from this JVM over TCP to localhost, "
              + "the exact query's parameters written into its text so each plan sees the crime's values, `jit = off`, "
              + "indexes: GiST on the point, btree on (tag, t) and on t. Longest segment in the table %.0f m, so the candidate "
              + "prefilter radius was max(gap radius, r + %.0f m). Speed-up of the index on this month: %,.0fx at the median and %,.0fx "
              + "at p99 against the exact SQL; %,.0fx and %,.0fx against the point-only floor. Agreement of the exact SQL "
              + "with the index: %s.",
          fixes, month.start, month.end, n, CorrelationBench.crimeCount, reach, reach / 2, e50 / indexLatency.p50(),
          e99 / indexLatency.p99(), p50 / indexLatency.p50(), p99 / indexLatency.p99(), agreement));
    }
  }

  private static double load(Connection db, TrailColumns month) throws SQLException {
    try (Statement st = db.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'")) {
        rs.next();
        if (rs.getInt(1) == 0) throw new IllegalStateException("the postgis extension is not installed in this database (bench/run.sh creates it)");
      }
      st.execute("DROP TABLE IF EXISTS fixes, tags, assignments");
      st.execute("CREATE UNLOGGED TABLE fixes (tag_id text NOT NULL, t timestamptz NOT NULL, geom geometry(Point, 27700) NOT NULL)");
      st.execute("CREATE TABLE tags (tag_id text PRIMARY KEY)");
      st.execute("CREATE TABLE assignments (offender_id text NOT NULL, tag_id text NOT NULL, fitted_at timestamptz NOT NULL, removed_at timestamptz)");
    }
    try (PreparedStatement tag = db.prepareStatement("INSERT INTO tags VALUES (?)");
         PreparedStatement asg = db.prepareStatement("INSERT INTO assignments VALUES (?, ?, ?, ?)")) {
      for (String id : month.tagIds) {
        tag.setString(1, id);
        tag.addBatch();
      }
      tag.executeBatch();
      for (TagAssignment a : month.assignments) {
        asg.setString(1, a.offenderId());
        asg.setString(2, a.tagId());
        asg.setObject(3, utc(a.fittedAt()));
        asg.setObject(4, a.removedAt() == null ? null : utc(a.removedAt()));
        asg.addBatch();
      }
      asg.executeBatch();
    }
    long t0 = System.nanoTime();
    CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY fixes (tag_id, t, geom) FROM STDIN");
    StringBuilder rows = new StringBuilder(1 << 20);
    for (int tag = 0; tag < month.tagIds.length; tag++) {
      long[] t = month.epochMillis[tag];
      for (int i = 0; i < t.length; i++) {
        rows.append(month.tagIds[tag]).append('\t').append(Instant.ofEpochMilli(t[i])).append("\tSRID=27700;POINT(")
            .append(month.easting[tag][i]).append(' ').append(month.northing[tag][i]).append(")\n");
        if (rows.length() > (1 << 20) - 200) flush(copy, rows);
      }
    }
    flush(copy, rows);
    copy.endCopy();
    try (Statement st = db.createStatement()) {
      st.execute("SET maintenance_work_mem = '1GB'");
      st.execute("CREATE INDEX fixes_geom ON fixes USING gist (geom)");
      st.execute("CREATE INDEX fixes_tag_t ON fixes (tag_id, t)");
      // Time alone: for long windows the planner may prefer the time range to the GiST box.
      st.execute("CREATE INDEX fixes_t ON fixes (t)");
      st.execute("ANALYZE fixes");
      st.execute("ANALYZE tags");
      st.execute("ANALYZE assignments");
    }
    return month.fixCount() / CorrelationBench.seconds(t0);
  }

  private static void flush(CopyIn copy, StringBuilder rows) throws SQLException {
    byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    rows.setLength(0);
  }

  /** The longest segment (consecutive fixes at most max gap apart) in the table, metres. */
  private static double longestSegment(Connection db, MatchRule rule) throws SQLException {
    try (PreparedStatement st = db.prepareStatement("""
        SELECT coalesce(max(ST_Distance(geom, nxt)), 0) FROM (
          SELECT geom, t, lead(geom) OVER w AS nxt, lead(t) OVER w AS tn FROM fixes WINDOW w AS (PARTITION BY tag_id ORDER BY t)) s
         WHERE tn - t <= ?::interval""")) {
      st.setString(1, rule.maxGapMillis() + " milliseconds");
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getDouble(1);
      }
    }
  }

  record Row(String offenderId, String kind, String tagId, double closestM, Instant closestAt, double minutesWithin,
      int fixesWithin, double gapMinutes) {}

  static List<Row> exact(Statement q, CrimeSearch s, double longestSegment) throws SQLException {
    String sql = exactSql(s, Math.max(s.gapRadiusM(), s.radiusM() + longestSegment / 2 + 0.01));
    List<Row> out = new ArrayList<>();
    try (ResultSet rs = q.executeQuery(sql)) {
      while (rs.next()) {
        out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
            rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getDouble(6), rs.getInt(7), rs.getDouble(8)));
      }
    }
    return out;
  }

  static int point(PreparedStatement q, CrimeSearch s) throws SQLException {
    q.setObject(1, utc(s.windowFrom()));
    q.setObject(2, utc(s.windowTo()));
    q.setDouble(3, s.easting());
    q.setDouble(4, s.northing());
    q.setDouble(5, s.radiusM());
    int n = 0;
    try (ResultSet rs = q.executeQuery()) {
      while (rs.next()) n++;
    }
    return n;
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }

  /** How far the exact SQL agrees with the index, crime by crime and match by match. */
  record Agreement(int crimes, int sameOffendersAndKinds, int matches, int closestWithin2cm, int closestAtWithin1s,
      int minutesWithin, int fixesWithin, int gapMinutes) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "same offenders and PRESENT/GAP kinds on %,d of %,d crimes; of %,d matches found by both, closest_m within 2 cm: %,d, "
              + "closest_at within 1 s: %,d, minutes_within within 0.01: %,d, fixes_within equal: %,d, gap_minutes within 0.01: %,d",
          sameOffendersAndKinds, crimes, matches, closestWithin2cm, closestAtWithin1s, minutesWithin, fixesWithin, gapMinutes);
    }
  }

  static Agreement compare(List<Crime> crimes, CrimeMatcher index, List<List<Row>> sql) {
    int same = 0, both = 0, closest = 0, at = 0, minutes = 0, fixes = 0, gaps = 0;
    for (int i = 0; i < crimes.size(); i++) {
      List<Match> ours = index.match(crimes.get(i));
      List<Row> theirs = sql.get(i);
      boolean equal = ours.size() == theirs.size();
      for (int j = 0; equal && j < ours.size(); j++) {
        equal = ours.get(j).offenderId().equals(theirs.get(j).offenderId()) && ours.get(j).kind().name().equals(theirs.get(j).kind());
      }
      if (equal) same++;
      for (Match m : ours) {
        for (Row r : theirs) {
          if (!r.offenderId().equals(m.offenderId()) || !r.kind().equals(m.kind().name())) continue;
          both++;
          if (Math.abs(r.closestM() - m.closestM()) <= 0.02) closest++;
          if (Math.abs(r.closestAt().toEpochMilli() - m.closestAt().toEpochMilli()) <= 1000) at++;
          if (Math.abs(r.minutesWithin() - m.minutesWithin()) <= 0.01) minutes++;
          if (r.fixesWithin() == m.fixesWithin()) fixes++;
          if (Math.abs(r.gapMinutes() - m.gapMinutes()) <= 0.01) gaps++;
        }
      }
    }
    return new Agreement(crimes.size(), same, both, closest, at, minutes, fixes, gaps);
  }
}
