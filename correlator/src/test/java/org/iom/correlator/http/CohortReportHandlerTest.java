package org.iom.correlator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import org.iom.correlator.alert.AlertDraft;
import org.iom.correlator.alert.AlertKind;
import org.iom.correlator.alert.MemoryAlertStore;
import org.iom.correlator.live.MemoryMatchStore;
import org.iom.ingest.geo.Position;
import org.iom.ingest.model.Cohort;
import org.iom.ingest.model.CohortMembership;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.Offender;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.store.memory.MemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/reports/cohort} over a real port: partner view only, three formats, 400s that say why. */
class CohortReportHandlerTest {
  private static final Instant NOW = Instant.parse("2025-04-02T00:00:00Z");
  private Vertx vertx;
  private HttpTestClient client;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    MemoryStore store = new MemoryStore();
    Position here = Position.ofGrid(430_000, 433_000);
    List<CohortMembership> memberships = new java.util.ArrayList<>();
    List<Offender> offenders = new java.util.ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      memberships.add(new CohortMembership("OFF-" + i, Cohort.FIXED, LocalDate.of(2025, 1, 1), null));
      offenders.add(new Offender("OFF-" + i, "Name " + i, i <= 5 ? "mgr.big" : "mgr.small", Cohort.FIXED));
    }
    join(store.putMemberships(memberships));
    join(store.putOffenders(offenders));
    join(store.putAssignments(List.of(new TagAssignment("OFF-1", "TAG-1", Instant.parse("2025-02-01T00:00:00Z"), null))));
    List<Fix> fixes = new java.util.ArrayList<>();
    for (Instant t = Instant.parse("2025-03-01T00:00:00Z"); t.isBefore(Instant.parse("2025-03-02T00:00:00Z"));
        t = t.plusSeconds(60)) {
      fixes.add(Fix.of("TAG-1", t, here));
    }
    join(store.putFixes(fixes));
    join(store.putCrimes(List.of(new Crime("CR-1", "28E", Instant.parse("2025-03-05T10:00:00Z"),
        Instant.parse("2025-03-05T11:00:00Z"), here, null, null))));
    MemoryAlertStore alerts = new MemoryAlertStore();
    join(alerts.apply(List.of(new AlertDraft("zone:1", AlertKind.ZONE_EXCLUSION, "OFF-2", null, "Z1",
        Instant.parse("2025-03-10T20:00:00Z"), new JsonObject())), List.of(), NOW));
    Router router = Router.router(vertx);
    router.get("/v1/reports/cohort").handler(new CohortReportHandler(vertx, store, new MemoryMatchStore(), alerts,
        InstantSource.fixed(NOW), Duration.ofMinutes(10), null)); // no access control here: the partner view
    ErrorHandler errors = new ErrorHandler();
    router.route().failureHandler(errors);
    HttpServer server = join(vertx.createHttpServer().requestHandler(router).listen(0));
    client = new HttpTestClient(server.actualPort());
  }

  @AfterEach
  void stop() {
    join(vertx.close());
  }

  @Test
  void jsonIsThePartnerView() {
    var r = client.get("/v1/reports/cohort?cohort=fixed&from=2025-03-01&to=2025-04-01");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonObject json = r.json();
    assertThat(json.getString("cohort")).isEqualTo("FIXED");
    assertThat(json.getJsonObject("period").getString("end")).isEqualTo("2025-03-31T23:00:00Z");
    assertThat(json.getJsonObject("people").getInteger("on_scheme")).isEqualTo(6);
    assertThat(json.getJsonObject("people").getValue("tagged")).isNull(); // 1 person
    assertThat(json.getJsonObject("crimes").getInteger("cross_referenced")).isEqualTo(1);
    assertThat(json.getJsonObject("alerts").getBoolean("available")).isTrue();
    assertThat(json.getJsonObject("alerts").getJsonObject("licence").getJsonObject("by_kind")
        .getValue("ZONE_EXCLUSION")).isNull(); // 1 alert
    assertThat(json.getJsonArray("offenders")).isEmpty();
    assertThat(json.getJsonObject("privacy").getJsonArray("suppressed_cells").getList())
        .contains("people.tagged", "completeness.percent", "alerts.licence.by_kind.ZONE_EXCLUSION");
    assertThat(r.body()).doesNotContain("OFF-").doesNotContain("TAG-1").doesNotContain("mgr.").doesNotContain("Name ");
  }

  @Test
  void csvAndHtml() {
    var csv = client.get("/v1/reports/cohort?cohort=FIXED&from=2025-03-01&to=2025-04-01&format=csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).startsWith("PK");
    var html = client.get("/v1/reports/cohort?from=2025-03-01&to=2025-04-01&format=html");
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.body()).contains("<svg").contains("Partner view").doesNotContain("<script").doesNotContain("OFF-");
  }

  @Test
  void badRequestsSayWhy() {
    assertThat(client.get("/v1/reports/cohort?to=2025-04-01").body()).contains("from is required");
    assertThat(client.get("/v1/reports/cohort?from=2025-03-01&to=2025-04-01").status()).isEqualTo(200);
    var r = client.get("/v1/reports/cohort?from=2025-03-01&to=2025-03-01");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("must be after");
    assertThat(client.get("/v1/reports/cohort?from=March&to=2025-04-01").body()).contains("not a date");
    assertThat(client.get("/v1/reports/cohort?cohort=X&from=2025-03-01&to=2025-04-01").body())
        .contains("FIXED, FLEX, FREE, ALL");
    assertThat(client.get("/v1/reports/cohort?from=2025-03-01&to=2025-04-01&format=pdf").status()).isEqualTo(400);
  }

  private static <T> T join(io.vertx.core.Future<T> f) {
    return f.toCompletionStage().toCompletableFuture().join();
  }
}
