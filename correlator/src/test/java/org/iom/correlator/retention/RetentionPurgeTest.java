package org.iom.correlator.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iom.correlator.alert.AlertDraft;
import org.iom.correlator.alert.AlertKind;
import org.iom.correlator.alert.PgAlertStore;
import org.iom.ingest.geo.Position;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.store.PgTestDatabase;
import org.iom.ingest.store.postgres.FixRetention;
import org.iom.ingest.store.postgres.PostgresStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retention against real PostgreSQL: months wholly beyond retention are dropped as partitions;
 * the alerted offender's trail around the alert window survives as evidence and is still read
 * by {@code fixes()}; a dry run changes nothing.
 */
class RetentionPurgeTest {
  @RegisterExtension static final PgTestDatabase DB = new PgTestDatabase();
  static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");
  static final Instant WINDOW_FROM = Instant.parse("2025-02-10T09:30:00Z");
  static final Instant WINDOW_TO = Instant.parse("2025-02-10T10:30:00Z");
  private static Vertx vertx;
  private static PostgresStore store;

  @BeforeAll
  static void open() {
    vertx = Vertx.vertx();
    store = await(PostgresStore.open(vertx, DB.connectOptions()));
  }

  @AfterAll
  static void close() {
    store.close();
    await(vertx.close());
  }

  @Test
  void dropsOldMonthsKeepingAlertEvidence() throws Exception {
    Position derby = Position.ofGrid(435_000, 336_000);
    List<Fix> fixes = new ArrayList<>();
    for (String tag : List.of("T1", "T2")) {
      for (Instant day : List.of(Instant.parse("2025-01-20T00:00:00Z"), Instant.parse("2025-02-10T00:00:00Z"),
          Instant.parse("2025-06-01T00:00:00Z"))) {
        for (int minute = 0; minute < 24 * 60; minute += 5) {
          fixes.add(new Fix(tag, day.plusSeconds(60L * minute), derby, null, null, null, null));
        }
      }
    }
    await(store.putFixes(fixes));
    await(store.putAssignments(List.of(new TagAssignment("O1", "T1", Instant.parse("2025-01-01T00:00:00Z"), null),
        new TagAssignment("O2", "T2", Instant.parse("2025-01-01T00:00:00Z"), null))));
    PgAlertStore alerts = new PgAlertStore(store.pool());
    await(alerts.syncCrimes(Map.of("C1", List.of(new AlertDraft("crime:C1:O1", AlertKind.CRIME_PROXIMITY, "O1", "C1", null,
        WINDOW_FROM.plusSeconds(600), new JsonObject().put("window_from", WINDOW_FROM.toString())
        .put("window_to", WINDOW_TO.toString())))), NOW));
    RetentionPurge purge = new RetentionPurge(store, alerts, Period.ofMonths(12), InstantSource.fixed(NOW));
    long evidenceFixes = (60 + 60 + 60) / 5 + 1; // 08:30..11:30 inclusive, every 5 min

    List<FixRetention.MonthPurge> dry = await(purge.run(true));
    assertThat(dry).extracting(FixRetention.MonthPurge::partition).containsExactly("fixes_y2025m01", "fixes_y2025m02");
    assertThat(dry).extracting(FixRetention.MonthPurge::dropped).containsOnly(false);
    assertThat(dry.get(1).keptAsEvidence()).isEqualTo(evidenceFixes);
    assertThat(partitions()).contains("fixes_y2025m01", "fixes_y2025m02");

    List<FixRetention.MonthPurge> done = await(purge.run(false));

    assertThat(done).extracting(FixRetention.MonthPurge::dropped).containsOnly(true);
    assertThat(done.get(0).fixes()).isEqualTo(2 * 288);
    assertThat(partitions()).doesNotContain("fixes_y2025m01", "fixes_y2025m02").contains("fixes_y2025m06");
    List<Fix> kept = await(store.fixes("T1", Instant.parse("2025-02-01T00:00:00Z"), Instant.parse("2025-03-01T00:00:00Z")));
    assertThat(kept).hasSize((int) evidenceFixes);
    assertThat(kept.get(0).recordedAt()).isEqualTo(WINDOW_FROM.minusSeconds(3600));
    assertThat(kept.get(kept.size() - 1).recordedAt()).isEqualTo(WINDOW_TO.plusSeconds(3600));
    assertThat(await(store.fixes("T2", Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-03-01T00:00:00Z")))).isEmpty();
    assertThat(await(store.fixes("T2", Instant.parse("2025-06-01T00:00:00Z"), Instant.parse("2025-07-01T00:00:00Z")))).hasSize(288);
    assertThat(await(purge.run(false))).isEmpty();
  }

  private static List<String> partitions() throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = DB.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
            + " WHERE i.inhparent = 'fixes'::regclass")) {
      while (rs.next()) names.add(rs.getString(1));
    }
    return names;
  }

  static <T> T await(Future<T> f) {
    return f.toCompletionStage().toCompletableFuture().join();
  }
}
