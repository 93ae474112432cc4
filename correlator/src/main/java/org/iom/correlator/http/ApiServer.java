package org.iom.correlator.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import org.iom.correlator.live.CorrelatingStore;
import org.iom.correlator.live.MatchStore;
import org.iom.correlator.match.MatchRule;
import org.iom.correlator.access.Access;
import org.iom.correlator.access.Role;
import org.iom.correlator.access.web.AccessRoutes;
import org.iom.correlator.access.web.AuditTrail;
import io.vertx.ext.web.Route;
import org.iom.correlator.report.ReferenceTables;
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
 *   GET  /v1/alerts, /v1/alerts/{id}; POST /v1/alerts/{id}/transitions                alerts and their workflow
 *   GET  /v1/alerts/stream                                                           live alerts (server-sent events)
 *   POST /v1/enquiries                                                               investigator's enquiry
 *   GET  /v1/offenders/{id}/trail?from=&to=                                          trail as GeoJSON
 *   GET  /v1/matches?crime_ref=                                                    a crime's matches (JSON or CSV)
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
  private final MatchStore matches;
  private final AlertAccess alerts;
  private final PrometheusMeterRegistry registry;
  private final InstantSource clock;
  private final ServiceLimits limits;
  private final Access access;
  private final ReferenceTables reference;

  public ApiServer(Vertx vertx, Store store, MatchStore matches, AlertAccess alerts, PrometheusMeterRegistry registry,
      InstantSource clock, ServiceLimits limits, Access access) {
    this(vertx, store, matches, alerts, registry, clock, limits, access, ReferenceTables.inMemory());
  }

  public ApiServer(Vertx vertx, Store store, MatchStore matches, AlertAccess alerts, PrometheusMeterRegistry registry,
      InstantSource clock, ServiceLimits limits, Access access, ReferenceTables reference) {
    this.reference = reference;
    this.vertx = vertx;
    this.store = store;
    this.matches = matches;
    this.alerts = alerts;
    this.registry = registry;
    this.clock = clock;
    this.limits = limits;
    this.access = access;
  }

  /** Builds the router and listens; port 0 picks a free port (see {@link HttpServer#actualPort()}). */
  public Future<HttpServer> listen(String host, int port) {
    StoreMonitor monitor = new StoreMonitor(vertx, store);
    return monitor.check().otherwiseEmpty()
        .compose(v -> OpenApiValidation.load(vertx))
        .compose(validation -> vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
            .requestHandler(router(monitor, validation))
            .listen());
  }

  /** The router, for tests (blocks while the API description is parsed: not on an event loop). */
  Router router(StoreMonitor monitor) {
    return router(monitor, OpenApiValidation.load(vertx).toCompletionStage().toCompletableFuture().join());
  }

  private Router router(StoreMonitor monitor, OpenApiValidation validate) {
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
    AuditTrail audit = guard.auditTrail();
    Viewers viewers = new CaseloadViewers(store);
    MatchRule rule = store instanceof CorrelatingStore c ? c.correlator().rule() : MatchRule.defaults();
    Duration maxGap = rule.maxGap();
    guard.allow(router.get("/v1/matches"), Role.IOM_MANAGER, Role.INVESTIGATOR).handler(validate.parameters("getMatches"))
        .handler(new MatchesHandler(store, matches, viewers, audit));
    AlertsHandler alertHandler = new AlertsHandler(alerts, store, viewers, audit, clock, maxGap);
    guard.allow(router.get("/v1/alerts"), Role.IOM_MANAGER).handler(validate.parameters("listAlerts")).handler(alertHandler::list);
    guard.allow(router.get("/v1/alerts/stream"), Role.IOM_MANAGER).handler(new AlertStreamHandler(vertx, alerts, viewers, audit));
    guard.allow(router.get("/v1/alerts/:id"), Role.IOM_MANAGER).handler(validate.parameters("getAlert")).handler(alertHandler::get);
    Route transitions = router.post("/v1/alerts/:id/transitions").handler(BodyHandler.create().setBodyLimit(64 * 1024));
    guard.allow(transitions, Role.IOM_MANAGER).handler(validate.jsonBody("transitionAlert")).handler(alertHandler::transition);
    if (store instanceof CorrelatingStore c) {
      Route enquiries = router.post("/v1/enquiries").handler(BodyHandler.create().setBodyLimit(256 * 1024));
      guard.allow(enquiries, Role.INVESTIGATOR).handler(validate.jsonBody("enquire")).handler(new EnquiryHandler(c.correlator(), audit));
    }
    guard.allow(router.get("/v1/offenders/:id/trail"), Role.IOM_MANAGER, Role.INVESTIGATOR)
        .handler(validate.parameters("getTrail")).handler(new TrailHandler(store, viewers, audit, rule));
    guard.allow(router.get("/v1/reports/idiom"), Role.PARTNER, Role.IOM_MANAGER, Role.ADMIN).handler(new IdiomReportHandler(vertx, store, reference::current, audit));
    guard.allow(router.get("/v1/reports/cohort"), Role.PARTNER, Role.IOM_MANAGER, Role.ADMIN)
        .handler(new CohortReportHandler(vertx, store, matches, alerts.store(), clock, maxGap, audit));
    Route upload = router.put("/v1/reference/:kind").handler(BodyHandler.create().setBodyLimit(ReferenceUploadHandler.MAX_BYTES));
    guard.allow(upload, Role.ADMIN).handler(new ReferenceUploadHandler(reference, clock));
    router.get("/health").handler(new HealthHandler(store, monitor));
    router.get("/openapi.json").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
        .end(ApiDescription.json()));
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
