package org.iom.correlator.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import org.iom.correlator.access.Access;
import org.iom.correlator.access.Role;
import org.iom.correlator.access.web.AccessRoutes;
import org.iom.correlator.report.ReferenceData;
import org.iom.ingest.format.ReadOptions;
import org.iom.ingest.model.RecordKind;
import org.iom.ingest.pipeline.IngestPipeline;
import org.iom.ingest.pipeline.RecordType;
import org.iom.ingest.store.Store;

/**
 * The HTTP API, wired in one place: every route of the service is registered here.
 *
 * <pre>
 *   POST /v1/{fixes,assignments,crimes,offenders,cohort-memberships,offences,zones}  ingest
 *   GET  /v1/reports/idiom                                                          IDIOM report (partner view)
 *   GET  /health                                                                    store status
 *   GET  /metrics                                                                   Prometheus
 *   POST|GET /v1/users, POST|GET /v1/tokens, DELETE /v1/tokens/:id, GET /v1/audit      admin (AccessRoutes)
 * </pre>
 *
 * <p>Every route but /health, /metrics and /openapi.json needs a bearer token, and each route
 * names the roles that may call it ({@link AccessRoutes#allow}); start-up fails if one does not.
 */
public final class ApiServer {
  private final Vertx vertx;
  private final Store store;
  private final PrometheusMeterRegistry registry;
  private final InstantSource clock;
  private final ServiceLimits limits;
  private final Access access;

  public ApiServer(Vertx vertx, Store store, PrometheusMeterRegistry registry, InstantSource clock, ServiceLimits limits,
      Access access) {
    this.vertx = vertx;
    this.store = store;
    this.registry = registry;
    this.clock = clock;
    this.limits = limits;
    this.access = access;
  }

  /** Builds the router and listens; port 0 picks a free port (see {@link HttpServer#actualPort()}). */
  public Future<HttpServer> listen(String host, int port) {
    StoreMonitor monitor = new StoreMonitor(vertx, store);
    return monitor.check().otherwiseEmpty()
        .compose(v -> vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
            .requestHandler(router(monitor))
            .listen());
  }

  Router router(StoreMonitor monitor) {
    Router router = Router.router(vertx);
    AccessRoutes guard = new AccessRoutes(access);
    guard.install(router);
    IngestPipeline pipeline = new IngestPipeline(store);
    IngestMetrics metrics = new IngestMetrics(registry);
    AtomicInteger running = new AtomicInteger();
    for (RecordKind kind : RecordKind.values()) {
      IngestHandler handler = new IngestHandler(vertx, RecordType.of(kind), pipeline,
          request -> ReadOptions.defaults(clock).withGpxTagId(request.getParam("tag_id")),
          limits, running, monitor, metrics);
      guard.allow(router.post("/v1/" + kind.pathName()), Role.ADMIN).handler(handler);
    }
    guard.allow(router.get("/v1/reports/idiom"), Role.PARTNER, Role.IOM_MANAGER, Role.ADMIN).handler(new IdiomReportHandler(vertx, store, ReferenceData.builtIn()));
    router.get("/health").handler(new HealthHandler(store, monitor));
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(registry.scrape()));
    ErrorHandler errors = new ErrorHandler();
    router.route().failureHandler(errors);
    router.errorHandler(404, errors).errorHandler(405, errors).errorHandler(500, errors);
    guard.checkEveryRouteIsGuarded(router);
    return router;
  }
}
