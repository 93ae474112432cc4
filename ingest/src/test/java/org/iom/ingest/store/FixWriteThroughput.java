package org.iom.ingest.store;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.PoolOptions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.iom.ingest.geo.Position;
import org.iom.ingest.model.Fix;
import org.iom.ingest.store.memory.MemoryStore;
import org.iom.ingest.store.postgres.PostgresBulkFixLoader;
import org.iom.ingest.store.postgres.PostgresStore;

/**
 * A manual measurement, not a test: rows per second of both fix write paths on this machine,
 * and heap bytes per fix in {@link MemoryStore}. Run with the PG* environment set, e.g.
 * {@code scripts/with-postgres.sh java -cp ... org.iom.ingest.store.FixWriteThroughput 500000}.
 * The timings live here, never in assertions.
 */
public final class FixWriteThroughput {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
    List<Fix> fixes = synthetic(n, 250);
    System.out.printf(Locale.ROOT, "%,d synthetic fixes, 250 tags, one a minute%n", n);
    memory(fixes);
    try (PgTestDatabase db = PgTestDatabase.create("throughput")) {
      Vertx vertx = Vertx.vertx();
      try (PostgresStore store = PostgresStore.open(vertx, db.connectOptions(), new PoolOptions().setMaxSize(4),
          InstantSource.system()).await(60, TimeUnit.SECONDS)) {
        pooled(store, fixes, 10_000, "first load");
        pooled(store, fixes, 10_000, "re-send (all duplicates)");
        truncate(db);
        pooledConcurrent(store, fixes, 10_000, 2);
        truncate(db);
        try (PostgresBulkFixLoader loader = PostgresBulkFixLoader.connect(db.connectOptions())) {
          bulk(loader, fixes, 250_000, "first load");
          bulk(loader, fixes, 250_000, "re-send (all duplicates)");
        }
      } finally {
        vertx.close().await(60, TimeUnit.SECONDS);
      }
    }
  }

  static List<Fix> synthetic(int n, int tags) {
    Instant start = Instant.parse("2024-05-31T12:00:00Z"); // crosses into June
    Position base = Position.ofLatLon(52.9225, -1.4746);
    List<Fix> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int tag = i % tags;
      int step = i / tags;
      Position p = new Position(base.lat() + step * 1e-6, base.lon(), base.easting() + tag * 10.0,
          base.northing() + step * 0.1);
      out.add(new Fix(String.format(Locale.ROOT, "TAG%04d", tag), start.plusSeconds(60L * step), p,
          5.0, step % 7 == 0 ? null : 3.5, 80, null));
    }
    return out;
  }

  private static void memory(List<Fix> fixes) {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long before = rt.totalMemory() - rt.freeMemory();
    MemoryStore store = new MemoryStore();
    long t0 = System.nanoTime();
    for (int i = 0; i < fixes.size(); i += 10_000) {
      store.putFixes(fixes.subList(i, Math.min(fixes.size(), i + 10_000))).result();
    }
    long t1 = System.nanoTime();
    System.gc();
    long after = rt.totalMemory() - rt.freeMemory();
    System.out.printf(Locale.ROOT, "memory: %,.0f fixes/s; heap %,.1f bytes per fix (%d fixes held)%n",
        fixes.size() / ((t1 - t0) / 1e9), (after - before) / (double) fixes.size(),
        store.counts().result().rows().values().stream().mapToLong(Long::longValue).sum());
  }

  private static void pooled(PostgresStore store, List<Fix> fixes, int batch, String label) throws Exception {
    long t0 = System.nanoTime();
    long accepted = 0;
    long duplicates = 0;
    for (int i = 0; i < fixes.size(); i += batch) {
      WriteResult r = store.putFixes(fixes.subList(i, Math.min(fixes.size(), i + batch))).await(120, TimeUnit.SECONDS);
      accepted += r.accepted();
      duplicates += r.duplicates();
    }
    report("putFixes, batches of " + batch + ", " + label, fixes.size(), t0, accepted, duplicates);
  }

  private static void pooledConcurrent(PostgresStore store, List<Fix> fixes, int batch, int writers) throws Exception {
    long t0 = System.nanoTime();
    List<io.vertx.core.Future<WriteResult>> inFlight = new ArrayList<>();
    long accepted = 0;
    for (int i = 0; i < fixes.size(); i += batch) {
      inFlight.add(store.putFixes(fixes.subList(i, Math.min(fixes.size(), i + batch))));
      if (inFlight.size() == writers) {
        for (var f : inFlight) accepted += f.await(120, TimeUnit.SECONDS).accepted();
        inFlight.clear();
      }
    }
    for (var f : inFlight) accepted += f.await(120, TimeUnit.SECONDS).accepted();
    report("putFixes, batches of " + batch + ", " + writers + " in flight", fixes.size(), t0, accepted, 0);
  }

  private static void bulk(PostgresBulkFixLoader loader, List<Fix> fixes, int chunk, String label) throws Exception {
    long t0 = System.nanoTime();
    long accepted = 0;
    long duplicates = 0;
    for (int i = 0; i < fixes.size(); i += chunk) {
      WriteResult r = loader.load(fixes.subList(i, Math.min(fixes.size(), i + chunk)));
      accepted += r.accepted();
      duplicates += r.duplicates();
    }
    report("COPY loader, chunks of " + chunk + ", " + label, fixes.size(), t0, accepted, duplicates);
  }

  private static void report(String what, int n, long t0, long accepted, long duplicates) {
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "%s: %,.0f rows/s (%.1f s; accepted %,d, duplicates %,d)%n",
        what, n / s, s, accepted, duplicates);
  }

  private static void truncate(PgTestDatabase db) throws Exception {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute("TRUNCATE fixes, tags CASCADE");
    }
  }
}
