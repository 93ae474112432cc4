package org.iom.correlator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.iom.correlator.access.AccessToken;
import org.iom.correlator.access.Grant;
import org.iom.correlator.service.IomService;
import org.iom.ingest.store.memory.MemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Minimal requests that the bad-input fuzz test ({@link BadInputFuzzContract}) found answered
 * 5xx, hanging, or leaving rows behind; one test per bug, over a real port.
 */
class BadInputRegressionApiTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private IomService service;
  private Vertx vertx;
  static final AccessToken ADMIN = AccessToken.of("bad-input-regression-admin-token-0123456789");

  private void start(long maxBodyBytes) {
    var registry = IomService.newRegistry();
    vertx = IomService.newVertx(registry);
    service = IomService.start(vertx, registry, v -> Future.succeededFuture(new MemoryStore()),
            s -> Future.succeededFuture(), InstantSource.fixed(Instant.parse("2025-06-01T00:00:00Z")),
            new ServiceLimits(maxBodyBytes, 8), java.util.List.of(Grant.admin(ADMIN)), "localhost", 0)
        .toCompletionStage().toCompletableFuture().join();
  }

  @AfterEach
  void stop() {
    if (service != null) service.close();
    if (vertx != null) vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  /**
   * A chunked body far over the limit: the reader stopped at the limit while the request was
   * paused (more than a MiB queued), and nothing resumed it, so the connection stayed stuck and
   * the next request on it was never answered.
   */
  @Test
  void aConnectionStaysUsableAfterA413ForAChunkedBodyFarOverTheLimit() throws Exception {
    start(64 << 10);
    byte[] huge = ("offender_id\n" + "O1\n".repeat(1_500_000)).getBytes(StandardCharsets.US_ASCII);

    HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/v1/offenders")).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))));
    HttpResponse<String> next = send(HttpRequest.newBuilder(uri("/health")).GET());

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(next.statusCode()).isEqualTo(200);
  }

  /**
   * A fix at year 999: the reader accepted it, the store failed the whole batch, and the answer
   * was 503 with the store marked down for every other request.
   */
  @Test
  void aFixBeforeTheYear1000IsARejectedRowNotAStoreOutage() throws Exception {
    start(1 << 20);
    HttpResponse<String> response = post("/v1/fixes", "text/csv",
        "tag_id,recorded_at,lat,lon\nT1,0999-12-31T23:59:59Z,52.9,-1.4\nT1,2025-03-01T10:00:00Z,52.9,-1.4\n");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject summary = new JsonObject(response.body());
    assertThat(summary.getLong("accepted")).isEqualTo(1);
    assertThat(summary.getJsonArray("rejected").getJsonObject(0).getString("reason")).contains("outside the years 1000-9999");
    assertThat(send(HttpRequest.newBuilder(uri("/health")).GET()).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(TIMEOUT).header("Authorization", "Bearer " + ADMIN.secret()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + service.port() + path);
  }
}
