package org.iom.bench;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.iom.correlator.access.AccessToken;
import org.iom.correlator.access.Grant;
import org.iom.correlator.access.Role;
import org.iom.correlator.access.User;
import org.iom.correlator.http.ServiceLimits;
import org.iom.correlator.service.IomService;
import org.iom.fixtures.Scenario;
import org.iom.fixtures.ScenarioConfig;
import org.iom.fixtures.ScenarioGenerator;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.Offender;
import org.iom.ingest.store.Store;
import org.iom.ingest.store.postgres.PgJdbc;
import org.iom.ingest.store.postgres.PostgresStore;

/**
 * Alert delivery under load (issue 5): managers' browsers hold {@value #CLIENTS} SSE streams open
 * while fixes are posted at {@value #FIXES_PER_SECOND}/s; crimes are posted one by one and the
 * latency from the start of each crime's POST to each stream receiving its alert is measured.
 * Every client must receive every alert of its manager's caseload exactly once. The baseline, in
 * the same run on the same database, is one stream and no fix traffic. Needs the PG* environment.
 */
public final class AlertLoad {
  static final int CLIENTS = 200;
  static final int FIXES_PER_SECOND = 5_000;
  private static final AccessToken ADMIN = AccessToken.generate(new SecureRandom());

  record Result(double medianMs, double p99Ms, long delivered, long lost, long duplicated, int crimes, double fixesPerSecond) {}

  public static void main(String[] args) throws Exception {
    PgConnectOptions pg = PgConnectOptions.fromEnv();
    Result baseline = run(pg, 1, 0, 11);
    Result loaded = run(pg, CLIENTS, FIXES_PER_SECOND, 12);
    System.out.println("| measurement | median | p99 | deliveries | lost | duplicated | baseline median (1 stream, no fix traffic) | ratio |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    System.out.printf(Locale.ROOT, "| crime posted -> alert event received, %d SSE clients, fixes posted at %,.0f/s (target %,d/s), ms"
            + " | %.1f | %.1f | %,d | %d | %d | %.1f (p99 %.1f) | %.2f |%n",
        CLIENTS, loaded.fixesPerSecond(), FIXES_PER_SECOND, loaded.medianMs(), loaded.p99Ms(), loaded.delivered(),
        loaded.lost(), loaded.duplicated(), baseline.medianMs(), baseline.p99Ms(), loaded.medianMs() / baseline.medianMs());
    System.out.println();
    System.out.printf(Locale.ROOT, "%d crimes posted one at a time in each run; the loaded run's fix poster sent %,.0f fixes/s"
        + " on average while the crimes were posted.%n", loaded.crimes(), loaded.fixesPerSecond());
    System.exit(0);
  }

  static Result run(PgConnectOptions pg, int clients, int fixesPerSecond, long seed) throws Exception {
    try (Connection c = PgJdbc.connect(pg); Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS public CASCADE");
      st.execute("CREATE SCHEMA public");
    }
    Scenario scenario = ScenarioGenerator.generate(ScenarioConfig.of(100, 4, seed));
    Map<String, Set<String>> caseloads = new TreeMap<>();
    for (Offender o : scenario.offenders()) caseloads.computeIfAbsent(o.managerId(), k -> new HashSet<>()).add(o.offenderId());
    List<Grant> grants = new ArrayList<>(List.of(Grant.admin(ADMIN)));
    Map<String, AccessToken> tokens = new TreeMap<>();
    for (String manager : caseloads.keySet()) {
      tokens.put(manager, AccessToken.generate(new SecureRandom()));
      grants.add(new Grant(new User(manager, Role.IOM_MANAGER), tokens.get(manager)));
    }
    var registry = IomService.newRegistry();
    var vertx = IomService.newVertx(registry);
    IomService service = IomService.start(vertx, registry, v -> PostgresStore.open(v, pg).map(s -> (Store) s),
            s -> Future.succeededFuture(), InstantSource.fixed(scenario.config().end()), ServiceLimits.DEFAULTS, grants,
            "localhost", 0)
        .toCompletionStage().toCompletableFuture().join();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String base = "http://localhost:" + service.port();
    ExecutorService readers = Executors.newFixedThreadPool(clients);
    AtomicBoolean posting = new AtomicBoolean(true);
    try {
      // Days 1-2 stored up front; days 3-4 are the live fix traffic (enough for the whole run).
      java.time.Instant liveFrom = scenario.config().start().plus(Duration.ofDays(2));
      await(service.store().putOffenders(scenario.offenders()));
      await(service.store().putAssignments(scenario.assignments()));
      List<Fix> batch = new ArrayList<>();
      List<Fix> live = new ArrayList<>();
      for (Fix f : (Iterable<Fix>) scenario.fixes()::iterator) {
        if (f.recordedAt().isBefore(liveFrom)) {
          batch.add(f);
          if (batch.size() == 10_000) {
            await(service.store().putFixes(batch));
            batch = new ArrayList<>();
          }
        } else {
          live.add(f);
        }
      }
      await(service.store().putFixes(batch));

      // Streams: clients spread round-robin over the managers.
      List<String> managers = new ArrayList<>(caseloads.keySet());
      Map<Integer, String> managerOf = new TreeMap<>();
      List<Map<Long, Long>> received = new ArrayList<>(); // per client: event id -> receive nanos
      List<Map<Long, Long>> alertReceived = new ArrayList<>(); // per client: alert id -> first receive nanos
      Map<Long, String> crimeOfAlert = new ConcurrentHashMap<>();
      AtomicLong duplicates = new AtomicLong();
      for (int i = 0; i < clients; i++) {
        String manager = managers.get(i % managers.size());
        managerOf.put(i, manager);
        Map<Long, Long> events = new ConcurrentHashMap<>();
        Map<Long, Long> alerts = new ConcurrentHashMap<>();
        received.add(events);
        alertReceived.add(alerts);
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/alerts/stream"))
            .header("Authorization", "Bearer " + tokens.get(manager).secret()).GET().build(), HttpResponse.BodyHandlers.ofLines());
        readers.submit(() -> {
          long id = -1;
          for (String line : (Iterable<String>) stream.body()::iterator) {
            if (line.startsWith("id: ")) {
              id = Long.parseLong(line.substring(4));
            } else if (line.startsWith("data: ")) {
              long now = System.nanoTime();
              if (events.putIfAbsent(id, now) != null) duplicates.incrementAndGet();
              JsonObject alert = new JsonObject(line.substring(6));
              if (alert.getString("crime_ref") != null) {
                alerts.putIfAbsent(alert.getLong("alert_id"), now);
                crimeOfAlert.put(alert.getLong("alert_id"), alert.getString("crime_ref"));
              }
            }
          }
          return null;
        });
      }

      // Fix traffic: one body a second of FIXES_PER_SECOND rows of day 3, in time order.
      AtomicLong fixesPosted = new AtomicLong();
      Thread fixPoster = new Thread(() -> {
        int next = 0;
        long tick = System.nanoTime();
        while (posting.get() && fixesPerSecond > 0 && next < live.size()) {
          int end = Math.min(live.size(), next + fixesPerSecond);
          StringBuilder csv = new StringBuilder("tag_id,recorded_at,easting,northing\n");
          for (Fix f : live.subList(next, end)) {
            csv.append(f.tagId()).append(',').append(f.recordedAt()).append(',')
                .append(String.format(Locale.ROOT, "%.2f,%.2f%n", f.position().easting(), f.position().northing()));
          }
          post(http, base + "/v1/fixes", csv.toString());
          fixesPosted.addAndGet(end - next);
          next = end;
          tick += 1_000_000_000L;
          long sleep = tick - System.nanoTime();
          if (sleep > 0) sleepNanos(sleep);
        }
      }, "fix-poster");
      // Crimes on days 1-2 (their trails are stored): each raises its alerts at once.
      List<Crime> crimes = scenario.crimes().stream().filter(c -> c.committedTo().isBefore(liveFrom.minusSeconds(3_600))).toList();
      Map<String, Long> postedAt = new ConcurrentHashMap<>();
      long trafficStarted = System.nanoTime();
      fixPoster.start();
      Thread.sleep(2_000); // let the fix traffic settle
      for (Crime c : crimes) {
        String csv = "crime_ref,offence_code,committed_from,committed_to,easting,northing\n" + c.crimeRef() + ","
            + c.offenceCode() + "," + c.committedFrom() + "," + c.committedTo() + ","
            + String.format(Locale.ROOT, "%.2f,%.2f%n", c.location().easting(), c.location().northing());
        postedAt.put(c.crimeRef(), System.nanoTime());
        post(http, base + "/v1/crimes", csv);
        Thread.sleep(100);
      }
      double trafficSeconds = (System.nanoTime() - trafficStarted) / 1e9;
      posting.set(false);
      fixPoster.join();
      Thread.sleep(3_000); // stragglers

      // Every client must have every crime alert of its manager's caseload, each event once.
      List<Double> latencies = new ArrayList<>();
      long lost = 0;
      Map<String, Set<Long>> expectedByManager = new TreeMap<>();
      for (String manager : managers) {
        JsonArray alerts = get(http, base + "/v1/alerts?limit=1000", tokens.get(manager)).getJsonArray("alerts");
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < alerts.size(); i++) {
          JsonObject a = alerts.getJsonObject(i);
          if (a.getString("crime_ref") != null) ids.add(a.getLong("alert_id"));
        }
        expectedByManager.put(manager, ids);
      }
      for (int i = 0; i < clients; i++) {
        Set<Long> expected = expectedByManager.get(managerOf.get(i));
        for (long alertId : expected) {
          Long at = alertReceived.get(i).get(alertId);
          if (at == null) {
            lost++;
            continue;
          }
          Long posted = postedAt.get(crimeOfAlert.get(alertId));
          if (posted != null) latencies.add((at - posted) / 1e6);
        }
      }
      double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      System.err.printf(Locale.ROOT, "alert load: %d clients, %d crimes, %d deliveries, lost %d, duplicated %d%n",
          clients, crimes.size(), sorted.length, lost, duplicates.get());
      return new Result(percentile(sorted, 0.5), percentile(sorted, 0.99), sorted.length, lost, duplicates.get(), crimes.size(),
          fixesPosted.get() / trafficSeconds);
    } finally {
      posting.set(false);
      readers.shutdownNow();
      service.close();
      vertx.close();
    }
  }

  private static void post(HttpClient http, String url, String csv) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/csv")
          .header("Authorization", "Bearer " + ADMIN.secret()).POST(HttpRequest.BodyPublishers.ofString(csv)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject get(HttpClient http, String url, AccessToken token) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token.secret())
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    return new JsonObject(r.body());
  }

  private static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) return Double.NaN;
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static void sleepNanos(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static <T> T await(Future<T> f) {
    return f.toCompletionStage().toCompletableFuture().join();
  }
}
