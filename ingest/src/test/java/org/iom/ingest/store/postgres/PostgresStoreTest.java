package org.iom.ingest.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.PoolOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.store.PgTestDatabase;
import org.iom.ingest.store.Store;
import org.iom.ingest.store.StoreContractTest;
import org.iom.ingest.store.WriteResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresStoreTest extends StoreContractTest {
  @RegisterExtension static final PgTestDatabase DB = new PgTestDatabase();

  private static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() {
    await(vertx.close());
  }

  @Override
  protected Store newEmptyStore(InstantSource clock) throws SQLException {
    PostgresStore opened = open(clock);
    try (Connection c = DB.connect(); Statement st = c.createStatement()) {
      st.execute("TRUNCATE fixes, tags, assignments, offenders, crimes, cohort_memberships, proven_offences,"
          + " zones, rejections RESTART IDENTITY CASCADE");
    }
    return opened;
  }

  private PostgresStore open(InstantSource clock) {
    return await(PostgresStore.open(vertx, DB.connectOptions(), new PoolOptions().setMaxSize(4), clock));
  }

  @Test
  void isDurable() {
    assertThat(store.isVolatile()).isFalse();
    assertThat(store.describe()).startsWith("postgresql://").endsWith("/" + DB.name());
  }

  @Test
  void anAcknowledgedFixBatchIsCommittedAndVisibleOverAFreshConnection() throws SQLException {
    List<Fix> batch = new ArrayList<>();
    for (int i = 0; i < 25_000; i++) batch.add(fix("T" + (i % 7), T0.plusSeconds(i), moved(DERBY, i % 100, 0)));
    WriteResult r = await(store.putFixes(batch));
    assertThat(r.accepted()).isEqualTo(25_000);
    try (Connection c = DB.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT tag_id) FROM fixes")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(25_000);
      assertThat(rs.getLong(2)).isEqualTo(7);
    }
  }

  @Test
  void scanFixesStreamsALongRangeThroughTheCursorInBoundedOrderedBatches() {
    List<Fix> batch = new ArrayList<>();
    for (int i = 0; i < PostgresStore.SCAN_BATCH * 2 + 7; i++) {
      batch.add(fix("T" + (i % 3), Instant.parse("2023-12-31T00:00:00Z").plusSeconds(60L * i), DERBY));
    }
    await(store.putFixes(batch));
    List<Integer> sizes = new ArrayList<>();
    List<Fix> seen = new ArrayList<>();
    long n = await(store.scanFixes(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"), b -> {
      sizes.add(b.size());
      seen.addAll(b);
    }));
    assertThat(n).isEqualTo(batch.size());
    assertThat(sizes).containsExactly(PostgresStore.SCAN_BATCH, PostgresStore.SCAN_BATCH, 7);
    assertThat(seen).isSortedAccordingTo(
        java.util.Comparator.comparing(Fix::tagId).thenComparing(Fix::recordedAt));
    assertThat(seen).containsExactlyInAnyOrderElementsOf(batch);
  }

  @Test
  void fixPartitionsExistPerUtcMonthAndHoldTheirMonthsRows() throws SQLException {
    await(store.putFixes(List.of(
        fix("T1", Instant.parse("2021-03-31T23:59:59.999Z"), DERBY),
        fix("T1", Instant.parse("2021-04-01T00:00:00Z"), DERBY),
        fix("T1", Instant.parse("2021-07-15T12:00:00Z"), DERBY))));
    try (Connection c = DB.connect(); Statement st = c.createStatement()) {
      List<String> partitions = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
          + " WHERE i.inhparent = 'fixes'::regclass AND c.relname LIKE 'fixes_y2021%' ORDER BY 1")) {
        while (rs.next()) partitions.add(rs.getString(1));
      }
      assertThat(partitions).containsExactly("fixes_y2021m03", "fixes_y2021m04", "fixes_y2021m07");
      Map<String, String> partitionOf = new LinkedHashMap<>();
      try (ResultSet rs = st.executeQuery(
          "SELECT to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS'), tableoid::regclass::text"
              + " FROM fixes WHERE recorded_at < '2022-01-01Z' ORDER BY recorded_at")) {
        while (rs.next()) partitionOf.put(rs.getString(1), rs.getString(2));
      }
      assertThat(partitionOf).containsExactly(
          Map.entry("2021-03-31 23:59:59.999", "fixes_y2021m03"),
          Map.entry("2021-04-01 00:00:00.000", "fixes_y2021m04"),
          Map.entry("2021-07-15 12:00:00.000", "fixes_y2021m07"));
    }
  }

  @Test
  void aTagsTimeSliceIsReadByAnIndexRangeScan() throws SQLException {
    await(store.putFixes(List.of(fix("T1", T0, DERBY))));
    try (Connection c = DB.connect(); Statement st = c.createStatement()) {
      st.execute("SET enable_seqscan = off"); // tiny tables: make the planner show what it can use
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = st.executeQuery("EXPLAIN SELECT * FROM fixes WHERE tag_id = 'T1'"
          + " AND recorded_at >= '2024-05-14 09:00Z' AND recorded_at < '2024-05-14 10:00Z' ORDER BY recorded_at")) {
        while (rs.next()) plan.append(rs.getString(1)).append('\n');
      }
      assertThat(plan.toString()).contains("Index", "fixes_y2024m05_pkey").doesNotContain("fixes_y2024m04");
    }
  }

  @Test
  void concurrentWritersOfANewMonthBothSucceedAndStoreEachKeyOnce() {
    try (PostgresStore other = open(clock)) {
      List<Fix> first = new ArrayList<>();
      List<Fix> second = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        Instant t = Instant.parse("2019-01-01T00:00:00Z").plusSeconds(60L * i);
        first.add(fix("T1", t, DERBY));
        if (i % 2 == 0) second.add(fix("T1", t, DERBY));
        second.add(fix("T2", t, DERBY));
      }
      Future<WriteResult> a = store.putFixes(first);
      Future<WriteResult> b = other.putFixes(second);
      WriteResult ra = await(a);
      WriteResult rb = await(b);
      assertThat(ra.accepted() + rb.accepted()).isEqualTo(4_000);
      assertThat(ra.duplicates() + rb.duplicates()).isEqualTo(1_000);
      assertThat(ra.conflicts()).isEmpty();
      assertThat(rb.conflicts()).isEmpty();
      assertThat(allFixes("T1")).hasSize(2_000);
    }
  }

  @Test
  void concurrentOverlappingAssignmentsOfOneTagLetExactlyOneIn() {
    try (PostgresStore other = open(clock)) {
      for (int round = 0; round < 10; round++) {
        String tag = "TC" + round;
        Future<WriteResult> a = store.putAssignments(List.of(new TagAssignment("O1", tag, T0, null)));
        Future<WriteResult> b = other.putAssignments(List.of(new TagAssignment("O2", tag, T0.plusSeconds(60), null)));
        WriteResult ra = await(a);
        WriteResult rb = await(b);
        assertThat(ra.accepted() + rb.accepted()).isEqualTo(1);
        assertThat(ra.conflicts().size() + rb.conflicts().size()).isEqualTo(1);
      }
      assertThat(await(store.assignments())).hasSize(10);
    }
  }

  @Test
  void theDatabaseItselfRefusesOverlappingAssignments() throws SQLException {
    await(store.putAssignments(List.of(new TagAssignment("O1", "T1", T0, null))));
    try (Connection c = DB.connect(); Statement st = c.createStatement()) {
      assertThatThrownBy(() -> st.execute("INSERT INTO assignments (tag_id, fitted_at, offender_id)"
          + " VALUES ('T1', '2024-05-15 00:00Z', 'O2')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("overlaps");
    }
  }
}
