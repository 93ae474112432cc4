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
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.iom.correlator.access.AccessToken;
import org.iom.correlator.access.Grant;
import org.iom.correlator.access.Role;
import org.iom.correlator.access.User;
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

  static final AccessToken ADMIN = AccessToken.of("alerts-api-test-admin-token-0123456789");
  static final AccessToken INVESTIGATOR = AccessToken.of("alerts-api-test-investigator-token-0123456789");

  /**
   * The end-to-end path: fixtures loaded, two managers' streams open, crimes posted; each
   * manager receives exactly the alerts of their own caseload; one alert goes through its
   * workflow; an investigator runs an enquiry; every one of those reads is in the audit log.
   */
  @Test
  void crimesRaiseAlertsPushedToTheRightManagerThenReviewedEnquiredAndAudited() throws Exception {
    Scenario scenario = ScenarioGenerator.generate(ScenarioConfig.of(12, 1, 21));
    ScenarioWriter.write(scenario, dir, WriteOptions.CLEAN);
    Map<String, List<String>> caseloads = new TreeMap<>();
    scenario.offenders().forEach(o -> caseloads.computeIfAbsent(o.managerId(), k -> new ArrayList<>()).add(o.offenderId()));
    assertThat(caseloads).hasSizeGreaterThanOrEqualTo(2);
    List<Grant> grants = new ArrayList<>(List.of(Grant.admin(ADMIN),
        new Grant(new User("investigator-1", Role.INVESTIGATOR), INVESTIGATOR)));
    Map<String, AccessToken> managerTokens = new TreeMap<>();
    for (String manager : caseloads.keySet()) {
      managerTokens.put(manager, AccessToken.generate(new SecureRandom()));
      grants.add(new Grant(new User(manager, Role.IOM_MANAGER), managerTokens.get(manager)));
    }
    var registry = IomService.newRegistry();
    vertx = IomService.newVertx(registry);
    service = IomService.start(vertx, registry, this::openStore, s -> Future.succeededFuture(),
        InstantSource.fixed(scenario.config().end()), ServiceLimits.DEFAULTS, grants, "localhost", 0)
        .toCompletionStage().toCompletableFuture().join();
    HttpTestClient admin = new HttpTestClient(service.port(), ADMIN.secret());
    post(admin, "/v1/offenders", "offenders.csv");
    post(admin, "/v1/assignments", "assignments.csv");
    post(admin, "/v1/fixes", "fixes.csv");

    Map<String, SseTestClient> streams = new TreeMap<>();
    for (String manager : caseloads.keySet()) {
      streams.put(manager, new SseTestClient(service.port(), "/v1/alerts/stream", null,
          "Authorization", "Bearer " + managerTokens.get(manager).secret()));
    }
    try {
      Map<String, Integer> before = new TreeMap<>(); // licence alerts raised while the trails came in
      for (String manager : caseloads.keySet()) {
        before.put(manager, admin.as(managerTokens.get(manager).secret()).get("/v1/alerts?limit=1000").json()
            .getJsonArray("alerts").size());
      }
      post(admin, "/v1/crimes", "crimes.csv");
      Set<String> expectedPairs = scenario.groundTruth().mustMatch().stream()
          .map(e -> e.crimeRef() + "/" + e.offenderId()).collect(Collectors.toSet());
      Set<String> allPairs = new java.util.HashSet<>();
      Map<String, Integer> received = new TreeMap<>();
      for (String manager : caseloads.keySet()) {
        HttpTestClient asManager = admin.as(managerTokens.get(manager).secret());
        JsonArray listed = asManager.get("/v1/alerts?limit=1000").json().getJsonArray("alerts");
        List<SseTestClient.Event> live = streams.get(manager).await(listed.size() - before.get(manager), Duration.ofSeconds(20));
        assertThat(streams.get(manager).drain(Duration.ofMillis(300))).as("nothing more for " + manager).isEmpty();
        for (SseTestClient.Event e : live) {
          assertThat(caseloads.get(manager)).as(manager + " got an alert for another caseload").contains(e.data().getString("offender_id"));
          assertThat(allPairs.add(e.data().getString("crime_ref") + "/" + e.data().getString("offender_id"))).isTrue();
        }
        received.put(manager, live.size());
      }
      String busiest = received.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      assertThat(received.get(busiest)).isPositive();
      assertThat(allPairs).containsAll(expectedPairs);

      HttpTestClient manager = admin.as(managerTokens.get(busiest).secret());
      JsonObject first = manager.get("/v1/alerts?limit=1&kind=CRIME_PROXIMITY").json().getJsonArray("alerts").getJsonObject(0);
      long id = first.getLong("alert_id");
      String otherManager = caseloads.keySet().stream().filter(m -> !caseloads.get(m).contains(first.getString("offender_id")))
          .findFirst().orElseThrow();
      assertThat(admin.as(managerTokens.get(otherManager).secret()).get("/v1/alerts/" + id).status())
          .as("another manager cannot see it").isEqualTo(404);
      JsonObject detail = manager.get("/v1/alerts/" + id).json();
      assertThat(detail.getJsonObject("crime").getString("crime_ref")).isEqualTo(first.getString("crime_ref"));
      assertThat(detail.getJsonObject("trail").getJsonArray("features")).isNotEmpty();

      HttpTestClient.Response skipped = manager.post("/v1/alerts/" + id + "/transitions", "application/json",
          "{\"to\":\"ELIMINATED\",\"reason\":\"alibi\"}");
      assertThat(skipped.status()).isEqualTo(409);
      assertThat(skipped.json().getString("error")).contains("NEW cannot become ELIMINATED");
      assertThat(manager.post("/v1/alerts/" + id + "/transitions", "application/json", "{\"to\":\"ACKNOWLEDGED\"}").status())
          .isEqualTo(400);
      HttpTestClient.Response ack = manager.post("/v1/alerts/" + id + "/transitions", "application/json",
          "{\"to\":\"ACKNOWLEDGED\",\"reason\":\"reviewing CCTV\"}");
      assertThat(ack.status()).as(ack.body()).isEqualTo(200);
      HttpTestClient.Response done = manager.post("/v1/alerts/" + id + "/transitions", "application/json",
          "{\"to\":\"POSITIVE_LINE_OF_ENQUIRY\",\"reason\":\"seen on CCTV at the scene\"}");
      assertThat(done.json().getString("status")).isEqualTo("POSITIVE_LINE_OF_ENQUIRY");
      List<SseTestClient.Event> moves = streams.get(busiest).await(2, Duration.ofSeconds(10));
      assertThat(moves).extracting(e -> e.data().getString("status")).containsExactly("ACKNOWLEDGED", "POSITIVE_LINE_OF_ENQUIRY");
      JsonArray history = manager.get("/v1/alerts/" + id).json().getJsonArray("transitions");
      assertThat(history.getJsonObject(1).getString("by")).isEqualTo(busiest);

      long resumeAfter = moves.get(0).id();
      try (SseTestClient resumed = new SseTestClient(service.port(), "/v1/alerts/stream", Long.toString(resumeAfter),
          "Authorization", "Bearer " + managerTokens.get(busiest).secret())) {
        assertThat(resumed.await(1, Duration.ofSeconds(10))).extracting(SseTestClient.Event::id).containsExactly(moves.get(1).id());
        assertThat(resumed.drain(Duration.ofMillis(300))).isEmpty();
      }

      var crime = scenario.crimes().stream().filter(c -> c.crimeRef().equals(first.getString("crime_ref"))).findFirst().orElseThrow();
      HttpTestClient investigator = admin.as(INVESTIGATOR.secret());
      JsonObject enquiry = new JsonObject().put("crime_ref", crime.crimeRef()).put("purpose", "suspect elimination")
          .put("location", new JsonObject().put("easting", crime.location().easting()).put("northing", crime.location().northing()))
          .put("from", crime.committedFrom().toString()).put("to", crime.committedTo().toString());
      HttpTestClient.Response found = investigator.post("/v1/enquiries", "application/json", enquiry.encode());
      assertThat(found.status()).as(found.body()).isEqualTo(200);
      assertThat(investigator.post("/v1/enquiries", "application/json", enquiry.copy().putNull("purpose").encode()).status())
          .isEqualTo(400);

      JsonArray audit = admin.get("/v1/audit?limit=500").json().getJsonArray("entries");
      List<String> endpoints = new ArrayList<>();
      for (int i = 0; i < audit.size(); i++) {
        JsonObject e = audit.getJsonObject(i);
        endpoints.add(e.getString("user") + " " + e.getString("endpoint"));
      }
      assertThat(endpoints).anyMatch(e -> e.startsWith(busiest + " GET /v1/alerts/stream"));
      assertThat(endpoints).anyMatch(e -> e.equals(busiest + " GET /v1/alerts/" + id));
      assertThat(endpoints).anyMatch(e -> e.startsWith(busiest + " GET /v1/alerts?limit=1"));
      assertThat(endpoints).anyMatch(e -> e.equals("investigator-1 POST /v1/enquiries"));
      assertThat(audit.stream().map(o -> (JsonObject) o).filter(e -> "POST /v1/enquiries".equals(e.getString("endpoint"))))
          .allMatch(e -> "suspect elimination".equals(e.getString("purpose")) && crime.crimeRef().equals(e.getString("crime_ref")));
    } finally {
      streams.values().forEach(SseTestClient::close);
    }
    HttpTestClient anyManager = admin.as(managerTokens.values().iterator().next().secret());
    assertThat(anyManager.get("/v1/alerts?status=NOPE").status()).isEqualTo(400);
    assertThat(anyManager.get("/v1/alerts/999999").status()).isEqualTo(404);
    assertThat(admin.get("/v1/alerts").status()).as("an admin does not read alerts").isEqualTo(403);
  }

  private void post(HttpTestClient client, String path, String file) throws Exception {
    HttpTestClient.Response r = client.post(path, "text/csv", HttpRequest.BodyPublishers.ofFile(dir.resolve(file)));
    assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
  }
}
