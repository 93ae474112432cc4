package org.iom.correlator.access.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import java.time.InstantSource;
import org.iom.correlator.access.Access;
import org.iom.correlator.access.MemoryAccessStore;
import org.iom.correlator.access.MemoryAuditLog;
import org.iom.correlator.access.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A route nobody gave roles to cannot slip through: the check at start-up names it. */
class AccessRoutesTest {
  private final Vertx vertx = Vertx.vertx();
  private final AccessRoutes access = new AccessRoutes(
      new Access(new MemoryAccessStore(), new MemoryAuditLog(), InstantSource.system(), new SecureRandom()));

  @AfterEach
  void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void aRouteWithoutRolesStopsTheStartAndIsNamed() {
    Router router = Router.router(vertx);
    access.install(router);
    access.allow(router.get("/v1/guarded"), Role.INVESTIGATOR).handler(ctx -> ctx.end());
    router.get("/v1/forgotten").handler(ctx -> ctx.end());

    assertThatThrownBy(() -> access.checkEveryRouteIsGuarded(router))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/v1/forgotten")
        .hasMessageNotContaining("/v1/guarded");
  }

  @Test
  void guardedAndPublicRoutesPass() {
    Router router = Router.router(vertx);
    access.install(router);
    access.allow(router.get("/v1/guarded"), Role.INVESTIGATOR).handler(ctx -> ctx.end());
    router.get("/health").handler(ctx -> ctx.end());
    router.route().failureHandler(ctx -> ctx.end());

    assertThatCode(() -> access.checkEveryRouteIsGuarded(router)).doesNotThrowAnyException();
  }
}
