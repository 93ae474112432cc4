package org.iom.ingest.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.iom.ingest.geo.Position;
import org.iom.ingest.model.Fix;
import org.iom.ingest.store.PgTestDatabase;
import org.iom.ingest.store.WriteResult;
import org.iom.ingest.store.memory.MemoryStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The COPY path ({@link PostgresBulkFixLoader}) beside the pooled store: same settlement of every row. */
class PostgresStoreBulkLoadTest {
  @RegisterExtension static final PgTestDatabase DB = new PgTestDatabase();

  private static final Instant T0 = Instant.parse("2024-01-31T23:00:00Z");
  private static final Position HOME = Position.ofLatLon(52.9225, -1.4746);

  private static Vertx vertx;
  private static PostgresStore reader;

  @BeforeAll
  static void open() throws Exception {
    vertx = Vertx.vertx();
    reader = PostgresStore.open(vertx, DB.connectOptions()).await(60, TimeUnit.SECONDS);
  }

  @AfterAll
  static void close() throws Exception {
    reader.close();
    vertx.close().await(60, TimeUnit.SECONDS);
  }

  @BeforeEach
  void empty() throws SQLException {
    try (Connection c = DB.connect(); Statement st = c.createStatement()) {
      st.execute("TRUNCATE fixes, tags CASCADE");
    }
  }

  private static Fix fix(String tag, Instant t, Position p) {
    return Fix.of(tag, t, p);
  }

  private static List<Fix> stored(String tag) throws Exception {
    return reader.fixes(tag, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).await(60, TimeUnit.SECONDS);
  }

  @Test
  void loadsEveryFieldAcrossMonthsAndReadsBackThroughTheStore() throws Exception {
    Fix full = new Fix("T1", T0, HOME, 3.5, 12.25, 55, "CHARGING");
    Fix nextMonth = fix("T1", T0.plusSeconds(3_600), Position.ofGrid(HOME.easting() + 15, HOME.northing()));
    Fix otherTag = fix("T0", T0.plusSeconds(1), HOME);
    try (PostgresBulkFixLoader loader = PostgresBulkFixLoader.connect(DB.connectOptions())) {
      assertThat(loader.load(List.of(nextMonth, full, otherTag))).isEqualTo(new WriteResult(3, 0, List.of()));
    }
    assertThat(stored("T1")).containsExactly(full, nextMonth);
    assertThat(stored("T0")).containsExactly(otherTag);
  }

  @Test
  void duplicatesConflictsAndRepeatsAreSettledLikeTheStore() throws Exception {
    Fix a = fix("T1", T0, HOME);
    Position a5mm = Position.ofGrid(HOME.easting() + 0.005, HOME.northing());
    Position a2m = Position.ofGrid(HOME.easting() + 2, HOME.northing());
    try (PostgresBulkFixLoader loader = PostgresBulkFixLoader.connect(DB.connectOptions())) {
      loader.load(List.of(a));
      WriteResult r = loader.load(List.of(
          fix("T1", T0, a5mm), // duplicate of the stored one
          fix("T1", T0, a2m), // repeat inside the batch, another place: conflict with row 0
          fix("T1", T0.plusSeconds(60), HOME), // new
          fix("T1", T0.plusSeconds(60), HOME))); // repeat, same place: duplicate
      assertThat(r.accepted()).isEqualTo(1);
      assertThat(r.duplicates()).isEqualTo(2);
      assertThat(r.conflicts()).extracting(WriteResult.Conflict::index).containsExactly(1);
      WriteResult conflict = loader.load(List.of(fix("T1", T0, a2m)));
      assertThat(conflict.conflicts()).singleElement()
          .satisfies(c -> assertThat(c.reason()).contains("already stored at another place", "first one is kept"));
    }
    assertThat(stored("T1")).containsExactly(a, fix("T1", T0.plusSeconds(60), HOME));
  }

  /** Random batches full of repeats: the loader, the pooled store and the memory store must agree. */
  @Test
  void agreesWithBothStoresOnRandomBatches() throws Exception {
    Random random = new Random(42);
    MemoryStore memory = new MemoryStore();
    try (PostgresBulkFixLoader loader = PostgresBulkFixLoader.connect(DB.connectOptions())) {
      for (int round = 0; round < 6; round++) {
        List<Fix> batch = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
          String tag = "T" + random.nextInt(4);
          Instant t = T0.plusSeconds(60L * random.nextInt(2_000));
          double shift = random.nextInt(10) == 0 ? 3 : 0; // sometimes another place
          batch.add(fix(tag, t, Position.ofGrid(HOME.easting() + t.getEpochSecond() % 97 + shift, HOME.northing())));
        }
        WriteResult expected = memory.putFixes(batch).result();
        WriteResult viaLoader = loader.load(batch);
        assertThat(viaLoader).isEqualTo(expected);
      }
    }
    // And the pooled path, on a fresh table, against the same history.
    try (Connection c = DB.connect(); Statement st = c.createStatement()) {
      st.execute("TRUNCATE fixes, tags CASCADE");
    }
    Random again = new Random(42);
    MemoryStore memory2 = new MemoryStore();
    for (int round = 0; round < 6; round++) {
      List<Fix> batch = new ArrayList<>();
      for (int i = 0; i < 3_000; i++) {
        String tag = "T" + again.nextInt(4);
        Instant t = T0.plusSeconds(60L * again.nextInt(2_000));
        double shift = again.nextInt(10) == 0 ? 3 : 0;
        batch.add(fix(tag, t, Position.ofGrid(HOME.easting() + t.getEpochSecond() % 97 + shift, HOME.northing())));
      }
      assertThat(reader.putFixes(batch).await(60, TimeUnit.SECONDS)).isEqualTo(memory2.putFixes(batch).result());
    }
    for (String tag : List.of("T0", "T1", "T2", "T3")) {
      assertThat(stored(tag)).containsExactlyElementsOf(
          memory.fixes(tag, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).result());
    }
  }
}
