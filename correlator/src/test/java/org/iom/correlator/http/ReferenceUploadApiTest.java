package org.iom.correlator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.iom.correlator.access.AccessToken;
import org.iom.correlator.access.Grant;
import org.iom.correlator.service.IomService;
import org.iom.ingest.store.PgTestDatabase;
import org.iom.ingest.store.postgres.PostgresStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An admin replaces the GDP deflators over HTTP: a bad table is refused naming its line and
 * changes nothing; a good one prices the next IDIOM report and survives a restart.
 */
class ReferenceUploadApiTest {
  @RegisterExtension static final PgTestDatabase DB = new PgTestDatabase();
  static final AccessToken ADMIN = AccessToken.of("reference-upload-test-admin-token-0123456789");
  static final String REPORT = "/v1/reports/idiom?cohort=ALL&as_of=2025-03-31&price_year=2024-25";
  private Vertx vertx;
  private IomService service;

  @AfterEach
  void stop() {
    close();
  }

  @Test
  void anUploadedDeflatorTablePricesReportsAndSurvivesARestart() throws Exception {
    HttpTestClient admin = start();
    String before = admin.get(REPORT).json().getJsonObject("reference").getJsonObject("deflators").getString("vintage");

    HttpTestClient.Response bad = admin.send("PUT", "/v1/reference/deflators", "text/csv",
        "financial_year,index,vintage\n2018-19,78.79,Test\n2024-25,not-a-number,Test\n");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getString("error")).contains("line 3");
    assertThat(admin.get(REPORT).json().getJsonObject("reference").getJsonObject("deflators").getString("vintage"))
        .isEqualTo(before);

    String shipped;
    try (var in = getClass().getResourceAsStream("/reference/gdp-deflators.csv")) {
      shipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    HttpTestClient.Response ok = admin.send("PUT", "/v1/reference/deflators", "text/csv",
        shipped.replace("March 2026", "Test vintage"));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().getInteger("deflator_years")).isEqualTo((int) shipped.lines().count() - 1);
    assertDeflatorsInForce(admin);

    close();
    assertDeflatorsInForce(start());
  }

  private static void assertDeflatorsInForce(HttpTestClient admin) {
    JsonObject deflators = admin.get(REPORT).json().getJsonObject("reference").getJsonObject("deflators");
    assertThat(deflators.getString("vintage")).isEqualTo("Test vintage");
    assertThat(deflators.getString("file")).contains("uploaded by admin");
  }

  private HttpTestClient start() {
    var registry = IomService.newRegistry();
    vertx = IomService.newVertx(registry);
    service = IomService.start(vertx, registry, v -> PostgresStore.open(v, DB.connectOptions()).map(s -> s),
        s -> Future.succeededFuture(), InstantSource.fixed(Instant.parse("2025-04-01T00:00:00Z")), ServiceLimits.DEFAULTS,
        List.of(Grant.admin(ADMIN)), "localhost", 0).toCompletionStage().toCompletableFuture().join();
    return new HttpTestClient(service.port(), ADMIN.secret());
  }

  private void close() {
    if (service != null) service.close();
    if (vertx != null) vertx.close().toCompletionStage().toCompletableFuture().join();
    service = null;
    vertx = null;
  }
}
