package org.iom.correlator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import org.iom.correlator.http.BodyMutator.FuzzCase;
import org.iom.correlator.access.AccessToken;
import org.iom.correlator.access.Grant;
import org.iom.correlator.service.IomService;
import org.iom.ingest.model.RecordKind;
import org.iom.ingest.store.Store;
import org.iom.ingest.store.StoreCounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sends seeded random and mutated bodies ({@link BodyMutator}) to every ingest endpoint over real
 * HTTP and checks, for every one: no 5xx; an answer within {@link #REQUEST_TIMEOUT} (a hang fails);
 * every 4xx has a JSON body {@code {"error": "<non-blank>"}} and left the store exactly as it was
 * (row counts of every kind, the rejected-rows count, and the rows of the posted kind, except
 * fixes, which are only ever added); every 200 is a well-formed summary whose rejected rows went
 * to the rejected-rows table, never to the data (data rows grew by at most {@code accepted},
 * stored rejections by exactly {@code rejected_count}, other kinds not at all). See
 * docs/bad-input.md.
 *
 * <p>Seeded: {@code -Dfuzz.seed=N} picks the run, {@code -Dfuzz.case=I} replays one case and
 * {@code -Dfuzz.from=I} starts the run there (a failure can depend on the cases before it, on the
 * same connection); a failure prints seed and case and writes the body under
 * {@code target/fuzz-failures/}.
 */
abstract class BadInputFuzzContract {
  static final AccessToken ADMIN = AccessToken.of("fuzz-test-admin-token-0123456789abcdef");
  static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
  static final int MAX_BODY_BYTES = 128 << 10;
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final long DEFAULT_SEED = 0x10_4D_F0_22L;

  private IomService service;
  private Vertx vertx;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  @TempDir
  Path fixtures;

  /** A fresh, empty store. */
  abstract Future<Store> openStore(Vertx vertx);

  /** How many bodies this store gets. */
  abstract int bodies();

  /** Called after the service has stopped. */
  void releaseStore() {}

  @AfterEach
  void stop() {
    if (service != null) service.close();
    if (vertx != null) vertx.close().toCompletionStage().toCompletableFuture().join();
    releaseStore();
  }

  @Test
  void noBadBodyGetsA5xxOrHangsOrLeavesAnythingBehind() throws Exception {
    long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
    Integer only = Integer.getInteger("fuzz.case");
    var registry = IomService.newRegistry();
    vertx = IomService.newVertx(registry);
    service = IomService.start(vertx, registry, this::openStore, s -> Future.succeededFuture(),
            InstantSource.fixed(NOW), new ServiceLimits(MAX_BODY_BYTES, 8), List.of(Grant.admin(ADMIN)), "localhost", 0)
        .toCompletionStage().toCompletableFuture().join();
    BodyMutator mutator = new BodyMutator(SeedBodies.generate(fixtures), MAX_BODY_BYTES);

    Map<String, Integer> outcomes = new TreeMap<>();
    int refused = 0;
    int from = only != null ? only : Integer.getInteger("fuzz.from", 0);
    int to = only != null ? only + 1 : Math.max(from, bodies());
    for (int i = from; i < to; i++) {
      FuzzCase c = mutator.generate(new Random(caseSeed(seed, i)));
      if (only != null) System.out.println(describe(seed, i, c));
      try {
        if (check(c)) refused++;
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(describe(seed, i, c) + "\n" + e.getMessage(), e);
      }
      String key = c.kind().pathName();
      outcomes.merge(key, 1, Integer::sum);
    }
    System.out.printf("bad-input fuzz (%s, seed %d): %d bodies, %d refused with 4xx, per endpoint %s%n",
        getClass().getSimpleName(), seed, to - from, refused, outcomes);
    if (only == null && from == 0) {
      assertThat(refused).as("most fuzzed bodies should be refused whole, so the nothing-stored check has work")
          .isGreaterThan(bodies() / 2);
    }
    assertThat(get("/health").statusCode()).as("the store is still up").isEqualTo(200);
  }

  /** Sends one case and checks the response and the store; true when it was refused (4xx). */
  private boolean check(FuzzCase c) throws Exception {
    Snapshot before = snapshot(c.kind());
    HttpResponse<String> response = post(c);
    Snapshot after = snapshot(c.kind());
    int status = response.statusCode();
    assertThat(status).as("status (body: %s)", response.body()).isLessThan(500);
    JsonObject json = json(response);
    if (status >= 400) {
      assertThat(json.getValue("error")).as("error of a %d", status).isInstanceOf(String.class);
      assertThat(json.getString("error")).as("error of a %d", status).isNotBlank();
      assertThat(after).as("the store after a %d: %s", status, json.getString("error")).isEqualTo(before);
      return true;
    }
    assertThat(status).isEqualTo(200);
    long accepted = json.getLong("accepted");
    long rejectedCount = json.getLong("rejected_count");
    assertThat(json.getLong("duplicates")).isNotNegative();
    assertThat(json.getJsonArray("rejected").size()).isLessThanOrEqualTo((int) Math.min(rejectedCount, 1000));
    for (RecordKind k : RecordKind.values()) {
      long grew = after.counts().of(k) - before.counts().of(k);
      if (k == c.kind()) {
        assertThat(grew).as("stored %s rows beyond the %d accepted", k.pathName(), accepted).isBetween(0L, accepted);
      } else {
        assertThat(grew).as("rows of another kind (%s)", k.pathName()).isZero();
      }
    }
    assertThat(after.counts().rejections() - before.counts().rejections())
        .as("stored rejections vs rejected_count").isEqualTo(rejectedCount);
    return false;
  }

  /** The one place requests are built and sent, as the admin (imports are ADMIN only). */
  private HttpResponse<String> post(FuzzCase c) throws IOException, InterruptedException {
    byte[] body = c.body();
    HttpRequest.BodyPublisher publisher = c.chunked()
        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
        : HttpRequest.BodyPublishers.ofByteArray(body);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(c.path())).timeout(REQUEST_TIMEOUT).POST(publisher)
        .header("Authorization", "Bearer " + ADMIN.secret());
    if (c.contentType() != null) request.header("Content-Type", c.contentType());
    return send(request);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).GET().header("Authorization", "Bearer " + ADMIN.secret()));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new AssertionError("no answer within " + REQUEST_TIMEOUT + " (a hang)", e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + service.port() + path);
  }

  private static JsonObject json(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type")).as("Content-Type").hasValueSatisfying(
        t -> assertThat(t).startsWith("application/json"));
    try {
      return new JsonObject(response.body());
    } catch (DecodeException e) {
      throw new AssertionError("the " + response.statusCode() + " body is not a JSON object: " + response.body(), e);
    }
  }

  /** What a rejected body must not change: every count, and the rows of the posted kind. */
  record Snapshot(StoreCounts counts, List<?> rows) {}

  private Snapshot snapshot(RecordKind kind) {
    Store store = service.store();
    Future<? extends List<?>> rows = switch (kind) {
      case FIXES -> Future.succeededFuture(List.of()); // only ever added to: the count says it
      case ASSIGNMENTS -> store.assignments();
      case CRIMES -> store.crimes(Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("+10000-01-01T00:00:00Z"));
      case OFFENDERS -> store.offenders();
      case COHORT_MEMBERSHIPS -> store.memberships();
      case OFFENCES -> store.offences();
      case ZONES -> store.zones();
    };
    return new Snapshot(join(store.counts()), join(rows));
  }

  private static <T> T join(Future<T> future) {
    return future.toCompletionStage().toCompletableFuture().join();
  }

  private static long caseSeed(long seed, int index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private String describe(long seed, int index, FuzzCase c) {
    Path saved = Path.of("target", "fuzz-failures", getClass().getSimpleName() + "-" + seed + "-" + index + ".bin");
    try {
      Files.createDirectories(saved.getParent());
      Files.write(saved, c.body());
    } catch (IOException e) {
      saved = null;
    }
    String head = new String(c.body(), 0, Math.min(300, c.body().length), StandardCharsets.UTF_8);
    return "fuzz case failed: replay with -Dfuzz.seed=" + seed + " -Dfuzz.case=" + index + "\n"
        + "  POST " + c.path() + " Content-Type: " + Objects.toString(c.contentType(), "(none)")
        + (c.chunked() ? ", chunked" : ", Content-Length " + c.body().length) + "\n"
        + "  recipe: " + c.recipe() + "\n"
        + "  body (" + c.body().length + " bytes" + (saved == null ? "" : ", saved to " + saved.toAbsolutePath())
        + "), starts: " + BodyMutator.escape(head);
  }
}
