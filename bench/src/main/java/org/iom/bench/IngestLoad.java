package org.iom.bench;

import io.vertx.core.Future;
import io.vertx.pgclient.PgConnectOptions;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.iom.correlator.access.AccessToken;
import org.iom.correlator.access.Grant;
import org.iom.correlator.cli.Main;
import org.iom.correlator.http.ServiceLimits;
import org.iom.correlator.service.IomService;
import org.iom.ingest.format.InputFormat;
import org.iom.ingest.format.ReadOptions;
import org.iom.ingest.format.Readers;
import org.iom.ingest.format.Rejection;
import org.iom.ingest.format.RowSink;
import org.iom.ingest.model.Fix;
import org.iom.ingest.store.Store;
import org.iom.ingest.store.memory.MemoryStore;
import org.iom.ingest.store.postgres.PgJdbc;
import org.iom.ingest.store.postgres.PostgresBulkFixLoader;
import org.iom.ingest.store.postgres.PostgresStore;

/**
 * Load runs for ingest, each against a baseline measured in the same run on the same database:
 * <ol>
 *   <li>fixes/s through {@code POST /v1/fixes} into PostgreSQL (2 concurrent clients on this
 *       machine, bodies of 50k rows), against {@code Store.putFixes} of pre-parsed records;</li>
 *   <li>fixes/s of the {@code import} command from a CSV file into PostgreSQL, against the
 *       COPY loader fed pre-parsed records;</li>
 *   <li>heap bytes per fix held by the in-memory store.</li>
 * </ol>
 * Every run writes fresh keys (a new tag prefix), so all rows are inserts. Medians are printed
 * as a Markdown table. Needs the PG* environment (run through {@code bench/run.sh}).
 */
public final class IngestLoad {
  private static final int RUNS = 5;
  private static final int TAGS = 50;
  private static final int DAYS = 7; // 50 tags x 7 days x 1440 = 504k fixes per run
  private static final int ROWS_PER_BODY = 50_000;

  /** The admin the HTTP runs post as (ingest is ADMIN only). */
  private static final AccessToken ADMIN = AccessToken.generate(new SecureRandom());

  public static void main(String[] args) throws Exception {
    PgConnectOptions pg = PgConnectOptions.fromEnv();
    resetSchema(pg);
    List<String> out = new ArrayList<>();
    out.add("| measurement | median | runs | baseline (same run) | median | ratio |");
    out.add("|---|---|---|---|---|---|");
    http(pg, out);
    importCommand(pg, out);
    memoryStore(out);
    out.forEach(System.out::println);
  }

  private static void http(PgConnectOptions pg, List<String> out) throws Exception {
    var registry = IomService.newRegistry();
    var vertx = IomService.newVertx(registry);
    IomService service = IomService.start(vertx, registry, v -> PostgresStore.open(v, pg).map(s -> (Store) s),
            s -> Future.succeededFuture(), InstantSource.system(), ServiceLimits.DEFAULTS, List.of(Grant.admin(ADMIN)), "localhost", 0)
        .toCompletionStage().toCompletableFuture().join();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ExecutorService senders = Executors.newFixedThreadPool(2);
    double[] httpRates = new double[RUNS];
    double[] directRates = new double[RUNS];
    try {
      for (int run = 0; run < RUNS; run++) {
        List<byte[]> bodies = bodies("H" + run + "-");
        long rows = bodies.stream().mapToLong(BenchData::rows).sum();
        List<Fix> parsed = parse(bodies);
        if (run % 2 == 1) directRates[run] = putDirect(service.store(), parsed); // alternate order: tables grow
        long started = System.nanoTime();
        List<Callable<Long>> posts = new ArrayList<>();
        for (byte[] body : bodies) posts.add(() -> post(client, service.port(), body));
        long accepted = 0;
        for (var done : senders.invokeAll(posts)) accepted += done.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (accepted != rows) throw new IllegalStateException("accepted " + accepted + " of " + rows);
        httpRates[run] = rows / seconds;

        if (run % 2 == 0) directRates[run] = putDirect(service.store(), parsed);
        System.err.printf(Locale.ROOT, "http run %d: %.0f fixes/s (store direct %.0f)%n", run, httpRates[run], directRates[run]);
      }
    } finally {
      senders.shutdown();
      service.close();
      vertx.close();
    }
    row(out, "POST /v1/fixes into PostgreSQL, fixes/s", httpRates, "Store.putFixes, pre-parsed, 2 batches in flight", directRates);
  }

  private static void importCommand(PgConnectOptions pg, List<String> out) throws Exception {
    double[] importRates = new double[3];
    double[] copyRates = new double[3];
    for (int run = 0; run < importRates.length; run++) {
      byte[] csv = BenchData.fixesCsv(TAGS * 2, DAYS, 900 + run, "I" + run + "-");
      Path file = Files.createTempFile("bench-fixes", ".csv");
      Files.write(file, csv);
      java.io.PrintStream stdout = System.out;
      System.setOut(System.err); // the command's summary is not part of the results table
      long started = System.nanoTime();
      int status;
      try {
        status = Main.commandLine().execute("import", "fixes", file.toString());
      } finally {
        System.setOut(stdout);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      if (status != 0) throw new IllegalStateException("import exited " + status);
      importRates[run] = BenchData.rows(csv) / seconds;
      Files.delete(file);

      List<Fix> parsed = parse(List.of(BenchData.fixesCsv(TAGS * 2, DAYS, 900 + run, "J" + run + "-")));
      try (PostgresBulkFixLoader loader = PostgresBulkFixLoader.connect(pg)) {
        started = System.nanoTime();
        for (int from = 0; from < parsed.size(); from += 100_000) {
          loader.load(parsed.subList(from, Math.min(parsed.size(), from + 100_000)));
        }
        copyRates[run] = parsed.size() / ((System.nanoTime() - started) / 1e9);
      }
      System.err.printf(Locale.ROOT, "import run %d: %.0f fixes/s (COPY of parsed %.0f)%n", run, importRates[run], copyRates[run]);
    }
    row(out, "`import fixes FILE.csv` into PostgreSQL, fixes/s (1.0M rows, JVM warm)", importRates,
        "COPY loader, pre-parsed records", copyRates);
  }

  private static void memoryStore(List<String> out) {
    List<Fix> fixes = parse(List.of(BenchData.fixesCsv(TAGS * 4, DAYS, 77, "M-")));
    MemoryStore store = new MemoryStore();
    long before = usedHeapAfterGc();
    for (int from = 0; from < fixes.size(); from += 10_000) {
      store.putFixes(fixes.subList(from, Math.min(fixes.size(), from + 10_000)));
    }
    long after = usedHeapAfterGc();
    java.lang.ref.Reference.reachabilityFence(fixes); // the parsed list is in both readings
    double perFix = (after - before) / (double) TAGS / 4 / DAYS / 1440;
    out.add(String.format(Locale.ROOT, "| in-memory store, heap bytes per stored fix (2.0M fixes) | %.1f | 1 | packed minimum: time 8 + lat/lon/E/N 32 | 40.0 | %.2f |",
        perFix, perFix / 40.0));
    if (store.isVolatile()) store.close();
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static List<byte[]> bodies(String prefix) {
    byte[] csv = BenchData.fixesCsv(TAGS, DAYS, 500 + prefix.hashCode(), prefix);
    String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
    String[] lines = text.split("\n");
    List<byte[]> bodies = new ArrayList<>();
    for (int from = 1; from < lines.length; from += ROWS_PER_BODY) {
      StringBuilder body = new StringBuilder(lines[0]).append('\n');
      for (int i = from; i < Math.min(lines.length, from + ROWS_PER_BODY); i++) body.append(lines[i]).append('\n');
      bodies.add(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return bodies;
  }

  private static long post(HttpClient client, int port, byte[] body) throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/fixes"))
        .header("Content-Type", "text/csv").header("Authorization", "Bearer " + ADMIN.secret()).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new IllegalStateException(r.statusCode() + " " + r.body());
    return new io.vertx.core.json.JsonObject(r.body()).getLong("accepted");
  }

  private static List<Fix> parse(List<byte[]> bodies) {
    List<Fix> fixes = new ArrayList<>();
    var reader = Readers.fixes(InputFormat.CSV, ReadOptions.defaults(InstantSource.fixed(Instant.parse("2030-01-01T00:00:00Z"))));
    for (byte[] body : bodies) {
      try {
        reader.read(new ByteArrayInputStream(body), new RowSink<>() {
          @Override
          public void accept(long line, Fix row) {
            fixes.add(row.tagId().startsWith("H") ? new Fix("D" + row.tagId(), row.recordedAt(), row.position(),
                row.accuracyM(), row.speedKmh(), row.batteryPct(), row.event()) : row);
          }

          @Override
          public void reject(Rejection rejection) {
            throw new IllegalStateException(rejection.toString());
          }
        });
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return fixes;
  }

  private static double putDirect(Store store, List<Fix> fixes) {
    long started = System.nanoTime();
    putInPairs(store, fixes);
    return fixes.size() / ((System.nanoTime() - started) / 1e9);
  }

  /** Writes 10k batches with two in flight, as the HTTP path does. */
  private static void putInPairs(Store store, List<Fix> fixes) {
    Future<?> previous = Future.succeededFuture();
    for (int from = 0; from < fixes.size(); from += 10_000) {
      List<Fix> batch = fixes.subList(from, Math.min(fixes.size(), from + 10_000));
      Future<?> current = store.putFixes(batch);
      previous.toCompletionStage().toCompletableFuture().join();
      previous = current;
    }
    previous.toCompletionStage().toCompletableFuture().join();
  }

  private static void resetSchema(PgConnectOptions pg) throws Exception {
    try (Connection c = PgJdbc.connect(pg); Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS public CASCADE");
      st.execute("CREATE SCHEMA public");
    }
  }

  private static void row(List<String> out, String what, double[] rates, String baseline, double[] baseRates) {
    double m = median(rates);
    double b = median(baseRates);
    out.add(String.format(Locale.ROOT, "| %s | %,.0f | %s | %s | %,.0f | %.2f |", what, m, runs(rates), baseline, b, m / b));
  }

  private static String runs(double[] rates) {
    StringBuilder s = new StringBuilder();
    for (double r : rates) s.append(s.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,.0f", r));
    return s.toString();
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
