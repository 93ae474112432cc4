package org.iom.correlator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.iom.correlator.service.IomService;
import org.iom.fixtures.Scenario;
import org.iom.fixtures.ScenarioConfig;
import org.iom.fixtures.ScenarioGenerator;
import org.iom.fixtures.ScenarioWriter;
import org.iom.fixtures.WriteOptions;
import org.iom.ingest.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts over real HTTP: crimes posted while a manager's stream is open raise one alert per
 * match, pushed live; the alert carries its evidence, crime and trail; the workflow refuses
 * skipped steps with 409; a reconnect with Last-Event-ID replays exactly what came after.
 */
abstract class AlertsApiContract {
  @TempDir Path dir;
  private IomService service;
  private Vertx vertx;

  abstract Future<Store> openStore(Vertx vertx);

  void releaseStore() {}

  @AfterEach
  void stop() {
    if (service != null) service.close();
    if (vertx != null) vertx.close().toCompletionStage().toCompletableFuture().join();
    releaseStore();
  }

  @Test
  void crimesRaiseAlertsPushedLiveThenReviewedThroughTheWorkflow() throws Exception {
    Scenario scenario = ScenarioGenerator.generate(ScenarioConfig.of(6, 1, 21));
    ScenarioWriter.write(scenario, dir, WriteOptions.CLEAN);
    var registry = IomService.newRegistry();
    vertx = IomService.newVertx(registry);
    service = IomService.start(vertx, registry, this::openStore, s -> Future.succeededFuture(),
        InstantSource.fixed(scenario.config().end()), ServiceLimits.DEFAULTS, "localhost", 0)
        .toCompletionStage().toCompletableFuture().join();
    HttpTestClient client = new HttpTestClient(service.port());
    post(client, "/v1/assignments", "assignments.csv");
    post(client, "/v1/fixes", "fixes.csv");

    try (SseTestClient stream = new SseTestClient(service.port(), "/v1/alerts/stream", null)) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.contentType()).startsWith("text/event-stream");
      post(client, "/v1/crimes", "crimes.csv");
      JsonArray listed = client.get("/v1/alerts?limit=1000").json().getJsonArray("alerts");
      Set<String> expectedPairs = scenario.groundTruth().mustMatch().stream()
          .map(e -> e.crimeRef() + "/" + e.offenderId()).collect(Collectors.toSet());
      assertThat(listed.size()).isGreaterThanOrEqualTo(expectedPairs.size()).isPositive();
      List<SseTestClient.Event> live = stream.await(listed.size(), Duration.ofSeconds(20));
      assertThat(live).allMatch(e -> e.event().equals("alert"));
      Set<String> livePairs = live.stream().map(e -> e.data().getString("crime_ref") + "/" + e.data().getString("offender_id"))
          .collect(Collectors.toSet());
      assertThat(livePairs).containsAll(expectedPairs).hasSize(listed.size());

      JsonObject first = listed.getJsonObject(0);
      long id = first.getLong("alert_id");
      JsonObject detail = client.get("/v1/alerts/" + id).json();
      assertThat(detail.getJsonObject("crime").getString("crime_ref")).isEqualTo(first.getString("crime_ref"));
      assertThat(detail.getJsonObject("evidence").getString("kind")).isIn("PRESENT", "GAP");
      assertThat(detail.getJsonObject("trail").getString("type")).isEqualTo("FeatureCollection");
      assertThat(detail.getJsonObject("trail").getJsonArray("features")).isNotEmpty();

      HttpTestClient.Response skipped = client.post("/v1/alerts/" + id + "/transitions", "application/json",
          "{\"to\":\"ELIMINATED\",\"reason\":\"alibi\"}");
      assertThat(skipped.status()).isEqualTo(409);
      assertThat(skipped.json().getString("error")).contains("NEW cannot become ELIMINATED");
      HttpTestClient.Response noReason = client.post("/v1/alerts/" + id + "/transitions", "application/json", "{\"to\":\"ACKNOWLEDGED\"}");
      assertThat(noReason.status()).isEqualTo(400);
      HttpTestClient.Response ack = client.post("/v1/alerts/" + id + "/transitions", "application/json",
          "{\"to\":\"ACKNOWLEDGED\",\"reason\":\"reviewing CCTV\"}");
      assertThat(ack.status()).as(ack.body()).isEqualTo(200);
      assertThat(ack.json().getString("status")).isEqualTo("ACKNOWLEDGED");
      SseTestClient.Event pushed = stream.await(1, Duration.ofSeconds(10)).get(0);
      assertThat(pushed.data().getLong("alert_id")).isEqualTo(id);
      assertThat(pushed.data().getString("status")).isEqualTo("ACKNOWLEDGED");
      JsonArray history = client.get("/v1/alerts/" + id).json().getJsonArray("transitions");
      assertThat(history.getJsonObject(0).getString("reason")).isEqualTo("reviewing CCTV");

      long resumeAfter = live.get(live.size() - 2).id();
      try (SseTestClient resumed = new SseTestClient(service.port(), "/v1/alerts/stream", Long.toString(resumeAfter))) {
        List<SseTestClient.Event> replayed = resumed.await(2, Duration.ofSeconds(10));
        assertThat(replayed).extracting(SseTestClient.Event::id).containsExactly(live.get(live.size() - 1).id(), pushed.id());
        assertThat(resumed.drain(Duration.ofMillis(300))).isEmpty();
      }
    }
    assertThat(client.get("/v1/alerts?status=ACKNOWLEDGED").json().getJsonArray("alerts")).hasSize(1);
    assertThat(client.get("/v1/alerts?status=NOPE").status()).isEqualTo(400);
    assertThat(client.get("/v1/alerts/999999").status()).isEqualTo(404);
  }

  private void post(HttpTestClient client, String path, String file) throws Exception {
    HttpTestClient.Response r = client.post(path, "text/csv", HttpRequest.BodyPublishers.ofFile(dir.resolve(file)));
    assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
  }
}
