package org.iom.correlator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import org.iom.correlator.access.AccessToken;
import org.iom.correlator.access.Grant;
import org.iom.correlator.access.Role;
import org.iom.correlator.access.User;
import org.iom.correlator.service.IomService;
import org.iom.ingest.geo.BritishNationalGrid;
import org.iom.ingest.geo.LatLon;
import org.iom.ingest.store.memory.MemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Licence conditions through the service: an offender walks into their exclusion zone and stays
 * past the grace period; the manager's stream receives one ZONE_EXCLUSION alert with the exact
 * entry and exit, and re-sending the same fixes changes nothing.
 */
class LicenceAlertsApiTest {
  static final AccessToken ADMIN = AccessToken.of("licence-alerts-test-admin-token-0123456789");
  static final AccessToken MANAGER = AccessToken.of("licence-alerts-test-manager-token-0123456789");
  static final Instant T0 = Instant.parse("2025-05-06T10:00:00Z");
  static final double E0 = 435_000;
  static final double N0 = 336_000;
  private Vertx vertx;
  private IomService service;

  @AfterEach
  void stop() {
    if (service != null) service.close();
    if (vertx != null) vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void aStayInsideAnExclusionZoneRaisesOneAlertWithExactEntryAndExit() throws Exception {
    var registry = IomService.newRegistry();
    vertx = IomService.newVertx(registry);
    service = IomService.start(vertx, registry, v -> Future.succeededFuture(new MemoryStore()), s -> Future.succeededFuture(),
        InstantSource.fixed(T0.plus(Duration.ofHours(1))), ServiceLimits.DEFAULTS,
        List.of(Grant.admin(ADMIN), new Grant(new User("mgr.a", Role.IOM_MANAGER), MANAGER)), "localhost", 0)
        .toCompletionStage().toCompletableFuture().join();
    HttpTestClient admin = new HttpTestClient(service.port(), ADMIN.secret());
    HttpTestClient manager = admin.as(MANAGER.secret());
    ok(admin.post("/v1/offenders", "text/csv", "offender_id,manager_id\nO1,mgr.a\n"));
    ok(admin.post("/v1/assignments", "text/csv", "offender_id,tag_id,fitted_at\nO1,T1,2025-05-06T09:59:00Z\n"));
    // A 200 m square zone whose west edge is at E0 + 1000 m.
    ok(admin.post("/v1/zones", "application/geo+json", zone(E0 + 1_000, N0 - 100, E0 + 1_200, N0 + 100)));
    // Eastward at 2 m/s from E0, one fix every 50 s: crosses the west edge (E0 + 1000) at 500 s,
    // stays inside 100 s after reaching E0 + 1100 at 550 s... then back out.
    StringBuilder fixes = new StringBuilder("tag_id,recorded_at,easting,northing\n");
    for (int i = 0; i <= 40; i++) {
      double east = i <= 11 ? E0 + 100.0 * i : i <= 20 ? E0 + 1_100 : E0 + 1_100 - 100.0 * (i - 20);
      fixes.append(String.format(Locale.ROOT, "T1,%s,%.2f,%.2f%n", T0.plusSeconds(50L * i), east, N0));
    }
    try (SseTestClient stream = new SseTestClient(service.port(), "/v1/alerts/stream", null,
        "Authorization", "Bearer " + MANAGER.secret())) {
      ok(admin.post("/v1/fixes", "text/csv", fixes.toString()));

      SseTestClient.Event pushed = stream.await(1, Duration.ofSeconds(10)).get(0);
      assertThat(pushed.data().getString("kind")).isEqualTo("ZONE_EXCLUSION");
      JsonObject evidence = pushed.data().getJsonObject("evidence");
      // In at E0+1000 m: fix 10 (E0+1000 at 500 s). Out when back at E0+1000 m: fix 21 (1050 s).
      assertThat(evidence.getString("start")).isEqualTo(T0.plusSeconds(500).toString());
      assertThat(evidence.getString("end")).isEqualTo(T0.plusSeconds(1_050).toString());
      assertThat(evidence.getDouble("duration_s")).isEqualTo(550.0);

      ok(admin.post("/v1/fixes", "text/csv", fixes.toString()));
      assertThat(stream.drain(Duration.ofMillis(500))).as("a re-send raises nothing").isEmpty();
    }
    JsonArray listed = manager.get("/v1/alerts?kind=ZONE_EXCLUSION").json().getJsonArray("alerts");
    assertThat(listed).hasSize(1);
    assertThat(listed.getJsonObject(0).getString("zone_id")).isEqualTo("Z1");
  }

  private static String zone(double e0, double n0, double e1, double n1) {
    StringBuilder ring = new StringBuilder();
    double[][] corners = {{e0, n0}, {e1, n0}, {e1, n1}, {e0, n1}, {e0, n0}};
    for (double[] c : corners) {
      LatLon ll = BritishNationalGrid.toLatLon(c[0], c[1]);
      if (ring.length() > 0) ring.append(',');
      ring.append(String.format(Locale.ROOT, "[%.9f,%.9f]", ll.lon(), ll.lat()));
    }
    return "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"zone_id\":\"Z1\","
        + "\"offender_id\":\"O1\",\"kind\":\"EXCLUSION\",\"schedule\":\"always\",\"grace_s\":120},"
        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}}]}";
  }

  private static void ok(HttpTestClient.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }
}
