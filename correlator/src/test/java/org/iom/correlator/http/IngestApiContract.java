package org.iom.correlator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Function;
import org.iom.correlator.access.AccessToken;
import org.iom.correlator.access.Grant;
import org.iom.correlator.service.IomService;
import org.iom.ingest.model.Fix;
import org.iom.ingest.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP ingest behaviour over a real port, run against each store (subclasses). Every test
 * starts its own service on an ephemeral port with a fresh store.
 */
abstract class IngestApiContract {
  static final Instant NOW = Instant.parse("2025-03-02T00:00:00Z");
  static final String FIXES_HEADER = "tag_id,recorded_at,lat,lon\n";
  /** The admin every test posts as (ingest is ADMIN only). */
  static final AccessToken ADMIN = AccessToken.of("ingest-api-test-admin-token-0123456789");

  private IomService service;
  private Vertx vertx;

  /** A fresh, empty store for one test. */
  abstract Future<Store> openStore(Vertx vertx);

  HttpTestClient start(ServiceLimits limits) {
    return start(limits, this::openStore);
  }

  HttpTestClient start(ServiceLimits limits, Function<Vertx, Future<Store>> opener) {
    var registry = IomService.newRegistry();
    vertx = IomService.newVertx(registry);
    service = IomService.start(vertx, registry, opener, s -> Future.succeededFuture(),
            InstantSource.fixed(NOW), limits, List.of(Grant.admin(ADMIN)), "localhost", 0)
        .toCompletionStage().toCompletableFuture().join();
    return new HttpTestClient(service.port(), ADMIN.secret());
  }

  int port() {
    return service.port();
  }

  HttpTestClient start() {
    return start(ServiceLimits.DEFAULTS);
  }

  @AfterEach
  void stop() {
    if (service != null) service.close();
    if (vertx != null) vertx.close().toCompletionStage().toCompletableFuture().join();
    releaseStore();
  }

  /** Called after the service has stopped, to drop what {@link #openStore} made. */
  void releaseStore() {}

  List<Fix> storedFixes(String tagId) {
    return service.store().fixes(tagId, Instant.EPOCH, NOW.plusSeconds(3600))
        .toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void postingTheSameFixesTwiceStoresEachOnceAndCountsDuplicates() {
    HttpTestClient client = start();
    String csv = FIXES_HEADER
        + "T1,2025-03-01T10:00:00Z,52.9225,-1.4746\n"
        + "T1,2025-03-01T10:01:00Z,52.9230,-1.4740\n"
        + "T1,2025-03-01T10:02:00Z,52.9235,-1.4735\n";

    JsonObject first = client.post("/v1/fixes", "text/csv", csv).json();
    JsonObject second = client.post("/v1/fixes", "text/csv", csv).json();

    assertThat(first.getLong("accepted")).isEqualTo(3);
    assertThat(first.getLong("duplicates")).isZero();
    assertThat(second.getLong("accepted")).isZero();
    assertThat(second.getLong("duplicates")).isEqualTo(3);
    assertThat(storedFixes("T1")).hasSize(3);
  }

  @Test
  void malformedRowsAreReportedByLineAndEveryGoodRowIsStored() {
    HttpTestClient client = start();
    String csv = FIXES_HEADER
        + "T2,2025-03-01T10:00:00Z,52.9225,-1.4746\n"
        + "T2,not-a-time,52.9225,-1.4746\n"
        + "T2,2025-03-01T10:02:00Z,0,0\n"
        + "T2,2025-03-01T10:03:00Z,52.9235,-1.4735\n"
        + "T2,2025-03-01T10:04:00Z,52.9236\n";

    var response = client.post("/v1/fixes", "text/csv", csv);

    assertThat(response.status()).isEqualTo(200);
    JsonObject body = response.json();
    assertThat(body.getLong("accepted")).isEqualTo(2);
    JsonArray rejected = body.getJsonArray("rejected");
    assertThat(rejected.stream().map(r -> ((JsonObject) r).getLong("line"))).containsExactly(3L, 4L, 6L);
    assertThat(rejected.getJsonObject(0).getString("reason")).contains("recorded_at").contains("not-a-time");
    assertThat(rejected.getJsonObject(1).getString("reason")).containsIgnoringCase("null island");
    assertThat(storedFixes("T2")).extracting(Fix::recordedAt)
        .containsExactly(Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-01T10:03:00Z"));
  }

  @Test
  void aFixAtTheSameKeyButAnotherPlaceIsRejectedAndTheFirstKept() {
    HttpTestClient client = start();
    client.post("/v1/fixes", "text/csv", FIXES_HEADER + "T3,2025-03-01T10:00:00Z,52.9225,-1.4746\n");

    JsonObject body = client.post("/v1/fixes", "text/csv",
        FIXES_HEADER + "T3,2025-03-01T10:00:00Z,52.9300,-1.4700\n").json();

    assertThat(body.getLong("accepted")).isZero();
    assertThat(body.getJsonArray("rejected").getJsonObject(0).getLong("line")).isEqualTo(2);
    assertThat(storedFixes("T3")).singleElement()
        .satisfies(f -> assertThat(f.position().lat()).isEqualTo(52.9225));
  }

  @Test
  void everyKindIsAcceptedInItsFormats() {
    HttpTestClient client = start();
    assertAccepted(client.post("/v1/fixes", "application/x-ndjson",
        "{\"tag_id\":\"T4\",\"recorded_at\":\"2025-03-01T10:00:00Z\",\"easting\":435300,\"northing\":336300}\n"), 1);
    assertAccepted(client.post("/v1/fixes?tag_id=T5", "application/gpx+xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
          <trk><name>T5</name><trkseg>
            <trkpt lat="52.9225" lon="-1.4746"><time>2025-03-01T10:00:00Z</time></trkpt>
            <trkpt lat="52.9230" lon="-1.4740"><time>2025-03-01T10:01:00Z</time></trkpt>
          </trkseg></trk>
        </gpx>
        """), 2);
    assertAccepted(client.post("/v1/assignments", "text/csv",
        "offender_id,tag_id,fitted_at,removed_at\nO1,T4,2025-02-01T00:00:00Z,\n"), 1);
    assertAccepted(client.post("/v1/crimes", "text/csv",
        "crime_ref,offence_code,committed_from,committed_to,lat,lon\nC1,28E,2025-03-01T09:00:00Z,2025-03-01T11:00:00Z,52.9225,-1.4746\n"), 1);
    assertAccepted(client.post("/v1/offenders", "text/csv", "offender_id,display_name,manager_id,cohort\nO1,A B,mgr1,FIXED\n"), 1);
    assertAccepted(client.post("/v1/cohort-memberships", "application/x-ndjson",
        "{\"offender_id\":\"O1\",\"cohort\":\"FIXED\",\"joined_on\":\"2024-06-01\"}\n"), 1);
    assertAccepted(client.post("/v1/offences", "text/csv", "offender_id,offence_date,offence_code\nO1,2024-03-01,28E\n"), 1);
    assertAccepted(client.post("/v1/zones", "application/geo+json", """
        {"type":"FeatureCollection","features":[{"type":"Feature",
          "properties":{"zone_id":"Z1","offender_id":"O1","kind":"EXCLUSION","schedule":"19:00-07:00"},
          "geometry":{"type":"Polygon","coordinates":[[[-1.48,52.92],[-1.47,52.92],[-1.47,52.93],[-1.48,52.93],[-1.48,52.92]]]}}]}
        """), 1);
  }

  @Test
  void aContentTypeTheKindCannotBeReadFromIs415() {
    HttpTestClient client = start();
    assertThat(client.post("/v1/fixes", "text/plain", "x").status()).isEqualTo(415);
    assertThat(client.post("/v1/crimes", "application/gpx+xml", "<gpx/>").status()).isEqualTo(415);
    assertThat(client.post("/v1/fixes", null, "x").status()).isEqualTo(415);
  }

  @Test
  void aBodyOverTheLimitIs413WithOrWithoutContentLength() {
    HttpTestClient client = start(new ServiceLimits(1024, 8));
    StringBuilder csv = new StringBuilder(FIXES_HEADER);
    for (int i = 0; i < 100; i++) csv.append("T6,2025-03-01T10:").append(String.format("%02d", i % 60)).append(":00Z,52.9225,-1.4746\n");

    assertThat(client.post("/v1/fixes", "text/csv", csv.toString()).status()).isEqualTo(413);
    byte[] bytes = csv.toString().getBytes();
    var chunked = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes));
    assertThat(client.post("/v1/fixes", "text/csv", chunked).status()).isEqualTo(413);
  }

  @Test
  void aMissingRequiredColumnIsOneClearError() {
    HttpTestClient client = start();
    var response = client.post("/v1/fixes", "text/csv", "tag_id,lat,lon\nT7,52.9,-1.4\n");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().getString("error")).contains("recorded_at");
  }

  @Test
  void anUnavailableStoreAnswers503WithRetryAfter() {
    HttpTestClient client = start(ServiceLimits.DEFAULTS, v -> Future.succeededFuture(BrokenStore.create()));
    var response = client.post("/v1/fixes", "text/csv", FIXES_HEADER + "T8,2025-03-01T10:00:00Z,52.9225,-1.4746\n");
    assertThat(response.status()).isEqualTo(503);
    assertThat(response.retryAfter()).isNotBlank();
    assertThat(client.get("/health").status()).isEqualTo(503);
  }

  @Test
  void aFullIngestQueueAnswers503WithRetryAfter() throws Exception {
    HttpTestClient client = start(new ServiceLimits(1 << 20, 1));
    try (Socket slow = new Socket("localhost", port())) {
      // Hold the only ingest slot: send the headers and a first chunk, and keep the body open.
      OutputStream out = slow.getOutputStream();
      byte[] chunk = (FIXES_HEADER + "T9,2025-03-01T10:00:00Z,52.9225,-1.4746\n").getBytes(StandardCharsets.UTF_8);
      out.write(("POST /v1/fixes HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
          + "Authorization: Bearer " + ADMIN.secret() + "\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.write(chunk);
      out.write("\r\n".getBytes(StandardCharsets.UTF_8));
      out.flush();

      HttpTestClient.Response refused = null;
      for (int attempt = 0; attempt < 100 && refused == null; attempt++) {
        var r = client.post("/v1/fixes", "text/csv", FIXES_HEADER);
        if (r.status() == 503) refused = r;
        else Thread.sleep(50);
      }
      assertThat(refused).as("a second ingest while the first holds the only slot").isNotNull();
      assertThat(refused.retryAfter()).isNotBlank();

      out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      String response = new String(slow.getInputStream().readNBytes(12), StandardCharsets.UTF_8);
      assertThat(response).isEqualTo("HTTP/1.1 200");
    }
    assertThat(storedFixes("T9")).hasSize(1);
  }

  @Test
  void theIdiomReportIsComputedFromStoredMembershipsAndOffences() {
    HttpTestClient client = start();
    StringBuilder memberships = new StringBuilder("offender_id,cohort,joined_on,left_on\n");
    StringBuilder offences = new StringBuilder("offender_id,offence_date,offence_code\n");
    for (int i = 0; i < 12; i++) {
      memberships.append("R").append(i).append(",FIXED,2024-01-01,2024-03-01\n");
      offences.append("R").append(i).append(",2023-10-15,28E\n"); // PRE: a domestic burglary each
    }
    client.post("/v1/cohort-memberships", "text/csv", memberships.toString());
    client.post("/v1/offences", "text/csv", offences.toString());

    var json = client.get("/v1/reports/idiom?cohort=FIXED&as_of=2025-03-31&price_year=2015-16");
    var html = client.get("/v1/reports/idiom?cohort=FIXED&as_of=2025-03-31&price_year=2015-16&format=html");

    assertThat(json.status()).as(json.body()).isEqualTo(200);
    JsonObject pre = json.json().getJsonObject("windows").getJsonObject("PRE");
    assertThat(pre.getInteger("offences")).isEqualTo(12);
    assertThat(pre.getDouble("cost_gbp")).isEqualTo(71_160.00); // 12 x £5,930 at 2015/16 prices
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.body()).contains("<html");
    assertThat(client.get("/v1/reports/idiom?price_year=2024-25").status()).isEqualTo(400);
  }

  @Test
  void healthReportsTheStoreAndMetricsCountRows() {
    HttpTestClient client = start();
    client.post("/v1/fixes", "text/csv", FIXES_HEADER + "T10,2025-03-01T10:00:00Z,52.9225,-1.4746\nT10,bad,1,1\n");

    var health = client.get("/health");
    var metrics = client.get("/metrics");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().getJsonObject("store").getJsonObject("rows").getLong("fixes")).isEqualTo(1);
    assertThat(metrics.body())
        .contains("iom_ingest_rows_total{kind=\"fixes\",outcome=\"accepted\"} 1.0")
        .contains("iom_ingest_rows_total{kind=\"fixes\",outcome=\"rejected\"} 1.0")
        .contains("vertx_http_server_requests_total");
  }

  private static void assertAccepted(HttpTestClient.Response response, long rows) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().getLong("accepted")).as(response.body()).isEqualTo(rows);
  }
}
