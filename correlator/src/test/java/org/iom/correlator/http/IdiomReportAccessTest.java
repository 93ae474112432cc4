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
import org.iom.correlator.access.Role;
import org.iom.correlator.access.User;
import org.iom.correlator.service.IomService;
import org.iom.ingest.store.memory.MemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who sees what of the IDIOM report: partners the aggregates only; managers the offender rows, audited. */
class IdiomReportAccessTest {
  static final AccessToken ADMIN = AccessToken.of("idiom-access-test-admin-token-0123456789");
  static final AccessToken PARTNER = AccessToken.of("idiom-access-test-partner-token-0123456789");
  static final AccessToken MANAGER = AccessToken.of("idiom-access-test-manager-token-0123456789");
  static final String REPORT = "/v1/reports/idiom?cohort=FIXED&as_of=2025-03-31&price_year=2024-25";
  private Vertx vertx;
  private IomService service;

  @AfterEach
  void stop() {
    if (service != null) service.close();
    if (vertx != null) vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void partnersGetAggregatesAndManagersGetAuditedOffenderRows() {
    var registry = IomService.newRegistry();
    vertx = IomService.newVertx(registry);
    service = IomService.start(vertx, registry, v -> Future.succeededFuture(new MemoryStore()), s -> Future.succeededFuture(),
        InstantSource.fixed(Instant.parse("2025-04-01T00:00:00Z")), ServiceLimits.DEFAULTS, List.of(Grant.admin(ADMIN),
            new Grant(new User("partner-1", Role.PARTNER), PARTNER), new Grant(new User("mgr.a", Role.IOM_MANAGER), MANAGER)),
        "localhost", 0).toCompletionStage().toCompletableFuture().join();
    HttpTestClient admin = new HttpTestClient(service.port(), ADMIN.secret());
    StringBuilder memberships = new StringBuilder("offender_id,cohort,joined_on,left_on\n");
    StringBuilder offences = new StringBuilder("offender_id,offence_date,offence_code\n");
    for (int i = 1; i <= 12; i++) {
      memberships.append("O").append(i).append(",FIXED,2024-01-01,2024-04-01\n");
      offences.append("O").append(i).append(",2023-10-15,28E\n");
    }
    assertThat(admin.post("/v1/cohort-memberships", "text/csv", memberships.toString()).status()).isEqualTo(200);
    assertThat(admin.post("/v1/offences", "text/csv", offences.toString()).status()).isEqualTo(200);

    JsonObject partnerView = admin.as(PARTNER.secret()).get(REPORT).json();
    JsonObject managerView = admin.as(MANAGER.secret()).get(REPORT).json();

    assertThat(partnerView.getJsonArray("offenders")).isEmpty();
    assertThat(partnerView.getJsonObject("privacy").getBoolean("partner_view")).isTrue();
    assertThat(managerView.getJsonArray("offenders")).hasSize(12);
    assertThat(managerView.getJsonObject("windows").getJsonObject("PRE").getInteger("offences"))
        .isEqualTo(partnerView.getJsonObject("windows").getJsonObject("PRE").getInteger("offences")).isEqualTo(12);
    var audit = admin.get("/v1/audit?user=mgr.a").json().getJsonArray("entries");
    assertThat(audit).hasSize(1);
    assertThat(admin.get("/v1/audit?user=partner-1").json().getJsonArray("entries")).isEmpty();
  }
}
