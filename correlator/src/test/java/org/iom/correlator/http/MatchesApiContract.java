package org.iom.correlator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iom.correlator.access.AccessToken;
import org.iom.correlator.access.Grant;
import org.iom.correlator.access.Role;
import org.iom.correlator.access.User;
import org.iom.correlator.live.CorrelationSettings;
import org.iom.correlator.service.IomService;
import org.iom.fixtures.Expectation;
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
 * Streaming correlation through the real HTTP API: crimes posted before the trails that match
 * them, fixes posted as tags upload them (late batches, re-sends), then each crime's matches read
 * back with {@code GET /v1/matches}, checked against the geo-fixtures ground truth. The service's
 * in-memory window covers only the scenario's last day, so the first day's crimes are matched
 * from the store (cold path).
 */
abstract class MatchesApiContract {
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

  static final AccessToken ADMIN = AccessToken.of("matches-api-test-admin-token-0123456789");
  static final AccessToken INVESTIGATOR = AccessToken.of("matches-api-test-investigator-token-0123456789");

  /** A client for the investigator; {@link #post} sends as the admin (imports are ADMIN only). */
  private HttpTestClient start(Instant now) {
    var registry = IomService.newRegistry();
    vertx = IomService.newVertx(registry);
    CorrelationSettings settings = CorrelationSettings.defaults().withHotWindow(Duration.ofDays(1));
    List<Grant> grants = List.of(Grant.admin(ADMIN), new Grant(new User("investigator-1", Role.INVESTIGATOR), INVESTIGATOR));
    service = IomService.start(vertx, registry, this::openStore, s -> Future.succeededFuture(), InstantSource.fixed(now),
        ServiceLimits.DEFAULTS, grants, settings, "localhost", 0).toCompletionStage().toCompletableFuture().join();
    return new HttpTestClient(service.port(), INVESTIGATOR.secret());
  }

  @Test
  void crimesPostedBeforeTheirTrailsEndWithTheGroundTruthMatches() throws Exception {
    Scenario scenario = ScenarioGenerator.generate(ScenarioConfig.of(10, 2, 7));
    ScenarioWriter.write(scenario, dir, WriteOptions.DEFAULT);
    HttpTestClient client = start(scenario.config().end());

    post(client, "/v1/crimes", "crimes.csv");
    post(client, "/v1/assignments", "assignments.csv");
    post(client, "/v1/fixes", "fixes.csv");

    Map<String, String> kindByPair = new HashMap<>();
    Set<String> crimeRefs = new LinkedHashSet<>();
    scenario.groundTruth().mustMatch().forEach(e -> crimeRefs.add(e.crimeRef()));
    scenario.groundTruth().mustNotMatch().forEach(e -> crimeRefs.add(e.crimeRef()));
    for (String ref : crimeRefs) {
      HttpTestClient.Response r = client.get("/v1/matches?crime_ref=" + ref);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().getString("crime_ref")).isEqualTo(ref);
      JsonArray matches = r.json().getJsonArray("matches");
      for (int i = 0; i < matches.size(); i++) {
        JsonObject m = matches.getJsonObject(i);
        kindByPair.put(ref + "/" + m.getString("offender_id"), m.getString("kind"));
      }
    }
    List<Expectation> mustMatch = scenario.groundTruth().mustMatch();
    assertThat(mustMatch).isNotEmpty();
    for (Expectation e : mustMatch) {
      assertThat(kindByPair.get(e.crimeRef() + "/" + e.offenderId())).as(e.toString()).isEqualTo(e.expected().name());
    }
    for (Expectation e : scenario.groundTruth().mustNotMatch()) {
      assertThat(kindByPair).as(e.toString()).doesNotContainKey(e.crimeRef() + "/" + e.offenderId());
    }
    Instant hotFrom = service.correlator().hotFrom();
    assertThat(mustMatch).anyMatch(e -> crimeStart(scenario, e.crimeRef()).isBefore(hotFrom));
    assertThat(mustMatch).anyMatch(e -> !crimeStart(scenario, e.crimeRef()).isBefore(hotFrom));
  }

  @Test
  void matchesComeAsTheSpecCsvOnRequest() throws Exception {
    Scenario scenario = ScenarioGenerator.generate(ScenarioConfig.of(4, 1, 11));
    ScenarioWriter.write(scenario, dir, WriteOptions.CLEAN);
    HttpTestClient client = start(scenario.config().end());
    post(client, "/v1/assignments", "assignments.csv");
    post(client, "/v1/fixes", "fixes.csv");
    post(client, "/v1/crimes", "crimes.csv");
    Expectation present = scenario.groundTruth().mustMatch().stream()
        .filter(e -> e.expected().name().equals("PRESENT")).findFirst().orElseThrow();

    HttpTestClient.Response csv = client.get("/v1/matches?crime_ref=" + present.crimeRef(), "text/csv");

    assertThat(csv.status()).isEqualTo(200);
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo(
        "crime_ref,offender_id,tag_id,kind,closest_m,closest_at,minutes_within,fixes_within,gap_minutes");
    assertThat(lines.subList(1, lines.size()))
        .anyMatch(l -> l.startsWith(present.crimeRef() + "," + present.offenderId() + ",") && l.contains(",PRESENT,"))
        .allMatch(l -> l.matches("[^,]+,[^,]+,[^,]+,(PRESENT|GAP),\\d+\\.\\d{2},[0-9T:.\\-]+Z,\\d+\\.\\d{3},\\d+,\\d+\\.\\d{3}"));
  }

  @Test
  void anEnquiryAtACrimesPlaceAndTimeFindsTheSameMatchesWithoutStoringAnything() throws Exception {
    Scenario scenario = ScenarioGenerator.generate(ScenarioConfig.of(4, 1, 11));
    ScenarioWriter.write(scenario, dir, WriteOptions.CLEAN);
    HttpTestClient client = start(scenario.config().end());
    post(client, "/v1/assignments", "assignments.csv");
    post(client, "/v1/fixes", "fixes.csv");
    post(client, "/v1/crimes", "crimes.csv");
    Expectation present = scenario.groundTruth().mustMatch().stream()
        .filter(e -> e.expected().name().equals("PRESENT")).findFirst().orElseThrow();
    var crime = service.store().crime(present.crimeRef()).toCompletionStage().toCompletableFuture().join().orElseThrow();
    JsonObject enquiry = new JsonObject().put("crime_ref", "OP-LANTERN-7").put("purpose", "burglary series, suspect list")
        .put("location", new JsonObject().put("easting", crime.location().easting()).put("northing", crime.location().northing()))
        .put("from", crime.committedFrom().toString()).put("to", crime.committedTo().toString());
    if (crime.radiusM() != null) enquiry.put("radius_m", crime.radiusM());

    HttpTestClient.Response answer = client.post("/v1/enquiries", "application/json", enquiry.encode());

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonArray fromEnquiry = answer.json().getJsonArray("matches");
    JsonArray fromCrime = client.get("/v1/matches?crime_ref=" + crime.crimeRef()).json().getJsonArray("matches");
    assertThat(fromEnquiry.size()).isEqualTo(fromCrime.size()).isPositive();
    for (int i = 0; i < fromEnquiry.size(); i++) {
      JsonObject a = fromEnquiry.getJsonObject(i).copy();
      JsonObject b = fromCrime.getJsonObject(i).copy();
      assertThat(a.remove("crime_ref")).isEqualTo("OP-LANTERN-7");
      b.remove("crime_ref");
      assertThat(a).isEqualTo(b);
    }
    assertThat(client.get("/v1/matches?crime_ref=OP-LANTERN-7").status()).isEqualTo(404);

    // The same question about a 40 m square around the crime: the offender is still present, and
    // no farther from the square than from its centre.
    JsonArray ring = new JsonArray();
    double e = crime.location().easting(), n = crime.location().northing();
    for (double[] c : new double[][] {{e - 20, n - 20}, {e + 20, n - 20}, {e + 20, n + 20}, {e - 20, n + 20}, {e - 20, n - 20}}) {
      var ll = org.iom.ingest.geo.BritishNationalGrid.toLatLon(c[0], c[1]);
      ring.add(new JsonArray().add(ll.lon()).add(ll.lat()));
    }
    JsonObject square = new JsonObject().put("type", "Polygon").put("coordinates", new JsonArray().add(ring));
    HttpTestClient.Response byArea = client.post("/v1/enquiries", "application/json", enquiry.copy().put("location", square).encode());
    assertThat(byArea.status()).as(byArea.body()).isEqualTo(200);
    JsonObject areaMatch = byArea.json().getJsonArray("matches").stream().map(o -> (JsonObject) o)
        .filter(m -> m.getString("offender_id").equals(present.offenderId())).findFirst().orElseThrow();
    JsonObject pointMatch = fromCrime.stream().map(o -> (JsonObject) o)
        .filter(m -> m.getString("offender_id").equals(present.offenderId())).findFirst().orElseThrow();
    assertThat(areaMatch.getString("kind")).isEqualTo("PRESENT");
    assertThat(areaMatch.getDouble("closest_m")).isLessThanOrEqualTo(pointMatch.getDouble("closest_m"));
    assertThat(areaMatch.getDouble("minutes_within")).isGreaterThanOrEqualTo(pointMatch.getDouble("minutes_within"));
    HttpTestClient.Response line = client.post("/v1/enquiries", "application/json", enquiry.copy()
        .put("location", new JsonObject().put("type", "LineString").put("coordinates", new JsonArray().add(ring.getJsonArray(0))
            .add(ring.getJsonArray(1)))).encode());
    assertThat(line.status()).isEqualTo(400);
    assertThat(line.json().getString("error")).contains("location");

    HttpTestClient.Response noPurpose = client.post("/v1/enquiries", "application/json", enquiry.copy().put("purpose", " ").encode());
    assertThat(noPurpose.status()).isEqualTo(400);
    assertThat(noPurpose.json().getString("error")).contains("purpose is required");
    HttpTestClient.Response noRef = client.post("/v1/enquiries", "application/json", enquiry.copy().putNull("crime_ref").encode());
    assertThat(noRef.status()).isEqualTo(400);
    HttpTestClient.Response abroad = client.post("/v1/enquiries", "application/json",
        enquiry.copy().put("location", new JsonObject().put("lat", 48.85).put("lon", 2.35)).encode());
    assertThat(abroad.status()).isEqualTo(400);
    assertThat(abroad.json().getString("error")).contains("outside Great Britain");
    assertThat(client.post("/v1/enquiries", "application/json", "[1,2]").status()).isEqualTo(400);
  }

  @Test
  void aMissingOrUnknownCrimeReferenceIsAClearError() {
    HttpTestClient client = start(Instant.parse("2025-04-01T00:00:00Z"));
    HttpTestClient.Response missing = client.get("/v1/matches");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().getString("error")).contains("required query parameter crime_ref");
    HttpTestClient.Response badBody = client.post("/v1/enquiries", "application/json",
        "{\"crime_ref\":\"OP-1\",\"purpose\":\"x\",\"location\":{\"lat\":52.9,\"lon\":-1.4},"
            + "\"from\":\"2025-03-01T09:00:00Z\",\"to\":\"2025-03-01T10:00:00Z\",\"radius_m\":\"far\"}");
    assertThat(badBody.status()).isEqualTo(400);
    assertThat(badBody.json().getString("error")).contains("API description").contains("radius_m");
    HttpTestClient.Response unknown = client.get("/v1/matches?crime_ref=NOPE-1");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().getString("error")).contains("NOPE-1");
  }

  private static Instant crimeStart(Scenario scenario, String crimeRef) {
    return scenario.crimes().stream().filter(c -> c.crimeRef().equals(crimeRef)).findFirst().orElseThrow()
        .committedFrom().minus(Duration.ofMinutes(30));
  }

  private void post(HttpTestClient client, String path, String file) throws Exception {
    HttpTestClient.Response r = client.as(ADMIN.secret())
        .post(path, "text/csv", HttpRequest.BodyPublishers.ofFile(dir.resolve(file)));
    assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
    assertThat(Files.size(dir.resolve(file))).isPositive();
  }
}
