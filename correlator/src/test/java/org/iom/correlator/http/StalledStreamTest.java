package org.iom.correlator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.iom.correlator.access.AccessToken;
import org.iom.correlator.access.Grant;
import org.iom.correlator.access.Role;
import org.iom.correlator.access.User;
import org.iom.correlator.alert.Alert;
import org.iom.correlator.alert.AlertEvent;
import org.iom.correlator.alert.AlertKind;
import org.iom.correlator.alert.AlertStatus;
import org.iom.correlator.service.IomService;
import org.iom.ingest.store.memory.MemoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A manager's browser that stops reading must not hold up anyone: while it stalls, publishing
 * goes on, another stream receives every event in order, and the stalled stream is dropped once
 * its bounded write queue is full (it would resume with Last-Event-ID). Publishing itself never
 * waits: it hands each event to each stream's own event loop.
 */
class StalledStreamTest {
  static final AccessToken ADMIN = AccessToken.of("stalled-stream-test-admin-token-0123456789");
  static final AccessToken MANAGER = AccessToken.of("stalled-stream-test-manager-token-0123456789");
  static final Instant NOW = Instant.parse("2025-05-06T10:00:00Z");
  private Vertx vertx;
  private IomService service;

  @AfterEach
  void stop() {
    if (service != null) service.close();
    if (vertx != null) vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void aStalledClientIsDroppedWhileTheOthersGetEveryEvent() throws Exception {
    var registry = IomService.newRegistry();
    vertx = IomService.newVertx(registry);
    service = IomService.start(vertx, registry, v -> Future.succeededFuture(new MemoryStore()), s -> Future.succeededFuture(),
        InstantSource.fixed(NOW), ServiceLimits.DEFAULTS,
        List.of(Grant.admin(ADMIN), new Grant(new User("mgr.a", Role.IOM_MANAGER), MANAGER)), "localhost", 0)
        .toCompletionStage().toCompletableFuture().join();
    HttpTestClient admin = new HttpTestClient(service.port(), ADMIN.secret());
    assertThat(admin.post("/v1/offenders", "text/csv", "offender_id,manager_id\nO1,mgr.a\n").status()).isEqualTo(200);

    try (Socket stalled = new Socket("localhost", service.port());
        SseTestClient reading = new SseTestClient(service.port(), "/v1/alerts/stream", null,
            "Authorization", "Bearer " + MANAGER.secret())) {
      stalled.setReceiveBufferSize(4096);
      OutputStream out = stalled.getOutputStream();
      out.write(("GET /v1/alerts/stream HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + MANAGER.secret()
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      waitFor(() -> service.alertFeed().subscribers() == 2, Duration.ofSeconds(10));

      // About 40 MB of events, in bursts a reading client keeps up with: far more than the stalled
      // socket's buffers plus its bounded write queue.
      String padding = "x".repeat(2_000);
      int events = 20_000;
      for (int batch = 0; batch < events / 1_000; batch++) {
        List<AlertEvent> page = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
          long id = batch * 1_000L + i + 1;
          Alert alert = new Alert(id, "test:" + id, AlertKind.TAG_SILENT, "O1", null, null, AlertStatus.NEW, NOW,
              new JsonObject().put("padding", padding), NOW, NOW, null);
          page.add(new AlertEvent(id, AlertEvent.Type.CREATED, alert));
        }
        service.alertFeed().publish(page);
        Thread.sleep(150);
      }

      List<SseTestClient.Event> received = reading.await(events, Duration.ofSeconds(60));
      assertThat(received).extracting(SseTestClient.Event::id).isSorted().doesNotHaveDuplicates().hasSize(events);
      waitFor(() -> service.alertFeed().subscribers() == 1, Duration.ofSeconds(20));
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("condition not met within " + timeout);
      Thread.sleep(20);
    }
  }
}
