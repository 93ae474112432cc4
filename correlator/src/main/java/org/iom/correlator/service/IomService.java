package org.iom.correlator.service;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Function;
import org.iom.correlator.alert.AlertFeed;
import org.iom.correlator.alert.AlertStore;
import org.iom.correlator.alert.CrimeAlerts;
import org.iom.correlator.alert.MemoryAlertStore;
import org.iom.correlator.alert.PgAlertStore;
import org.iom.correlator.http.AlertAccess;
import org.iom.correlator.access.Access;
import org.iom.correlator.access.Grant;
import org.iom.correlator.http.ApiServer;
import org.iom.correlator.http.ServiceLimits;
import org.iom.correlator.live.CorrelatingStore;
import org.iom.correlator.live.CorrelationSettings;
import org.iom.correlator.live.LiveCorrelator;
import org.iom.correlator.live.MatchStore;
import org.iom.correlator.report.ReferenceTables;
import org.iom.correlator.retention.RetentionPurge;
import org.iom.correlator.zones.LicenceRule;
import org.iom.correlator.zones.LicenceWatch;
import org.iom.ingest.store.Store;
import org.iom.ingest.store.postgres.PostgresStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: one Vert.x with Micrometer metrics, one store, the HTTP API. Start with
 * {@link #start}; {@link #close} stops the server, the store and Vert.x.
 */
public final class IomService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IomService.class);
  /** How often silences and no-data that grow without new data are looked for. */
  static final Duration LICENCE_TICK = Duration.ofMinutes(5);

  private final Vertx vertx;
  private final CorrelatingStore store;
  private final HttpServer server;
  private final Access access;
  private AlertFeed alertFeed;

  private IomService(Vertx vertx, CorrelatingStore store, HttpServer server, Access access) {
    this.vertx = vertx;
    this.store = store;
    this.server = server;
    this.access = access;
  }

  /** A Vert.x instance reporting HTTP and pool metrics to the given registry. */
  public static Vertx newVertx(PrometheusMeterRegistry registry) {
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .addLabels(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE);
    return Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(metrics))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
  }

  public static PrometheusMeterRegistry newRegistry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  /**
   * Opens the store with {@code openStore}, optionally loads data, makes sure the users and
   * tokens of {@code grants} exist (users, tokens and the audit log live beside the store:
   * {@link Access#beside}), then listens.
   *
   * @param grants e.g. the first admin ({@code serve --admin-token}); may be empty
   * @param port 0 for any free port
   */
  public static Future<IomService> start(
      Vertx vertx,
      PrometheusMeterRegistry registry,
      Function<Vertx, Future<Store>> openStore,
      Function<Store, Future<?>> load,
      InstantSource clock,
      ServiceLimits limits,
      List<Grant> grants,
      String host,
      int port) {
    return start(vertx, registry, openStore, load, clock, limits, grants, CorrelationSettings.defaults(), host, port);
  }

  /**
   * As above, with the correlation settings: after loading, the correlator builds its index from
   * the store and starts matching every stored crime; the server listens once the index is built.
   */
  public static Future<IomService> start(
      Vertx vertx,
      PrometheusMeterRegistry registry,
      Function<Vertx, Future<Store>> openStore,
      Function<Store, Future<?>> load,
      InstantSource clock,
      ServiceLimits limits,
      List<Grant> grants,
      CorrelationSettings correlation,
      String host,
      int port) {
    return openStore.apply(vertx).compose(records -> {
      if (records.isVolatile()) {
        LOG.warn("STORE IS IN-MEMORY AND VOLATILE: everything is lost when this process stops ({})", records.describe());
      } else {
        LOG.info("store: {}", records.describe());
      }
      MatchStore matches = MatchStore.beside(records);
      AlertStore alerts = records instanceof PostgresStore pg ? new PgAlertStore(pg.pool()) : new MemoryAlertStore();
      AlertFeed feed = new AlertFeed();
      Access access = Access.beside(records, clock);
      return load.apply(records)
          .compose(loaded -> access.ensure(grants))
          .compose(granted -> LiveCorrelator.start(records, matches, correlation, clock.instant().minus(correlation.hotWindow()),
              RetentionPurge.horizon(clock.instant(), correlation.retention()), new CrimeAlerts(alerts, feed, clock)))
          .compose(live -> {
            registerMetrics(registry, live);
            if (records instanceof PostgresStore pg) schedulePurge(vertx, new RetentionPurge(pg, alerts, correlation.retention(), clock));
            LicenceWatch licences = new LicenceWatch(records, alerts, feed,
                LicenceRule.defaults().withMaxGap(correlation.rule().maxGap()), clock);
            licences.catchUp(CorrelatingStore.ZONE_CHANGE_LOOKBACK)
                .onFailure(e -> LOG.warn("licence watch: start-up evaluation failed: {}", e.toString()));
            licences.tickEvery(LICENCE_TICK);
            CorrelatingStore store = new CorrelatingStore(records, live, licences);
            Future<ReferenceTables> reference = records instanceof PostgresStore pg
                ? ReferenceTables.load(pg.pool()) : Future.succeededFuture(ReferenceTables.inMemory());
            return reference.compose(tables -> new ApiServer(vertx, store, matches, new AlertAccess(alerts, feed), registry, clock,
                    limits, access, tables).listen(host, port))
                .map(server -> {
                  IomService service = new IomService(vertx, store, server, access);
                  service.alertFeed = feed;
                  return service;
                })
                .onFailure(e -> live.close());
          })
          .onFailure(e -> records.close());
    });
  }

  /** Purges fixes beyond retention an hour after start-up and every 6 hours after. */
  private static void schedulePurge(Vertx vertx, RetentionPurge purge) {
    Runnable run = () -> purge.run(false)
        .onSuccess(months -> months.forEach(m -> LOG.info("retention: dropped {} ({} fixes, {} kept as alert evidence)",
            m.partition(), m.fixes(), m.keptAsEvidence())))
        .onFailure(e -> LOG.warn("retention purge failed; it is retried: {}", e.toString()));
    vertx.setTimer(Duration.ofHours(1).toMillis(), id -> {
      run.run();
      vertx.setPeriodic(Duration.ofHours(6).toMillis(), p -> run.run());
    });
  }

  private static void registerMetrics(PrometheusMeterRegistry registry, LiveCorrelator live) {
    Gauge.builder("iom_correlator_fixes_in_memory", live, l -> l.stats().hotFixes())
        .description("Fixes held in the in-memory trail index").register(registry);
    Gauge.builder("iom_correlator_crimes", live, l -> l.stats().crimes())
        .description("Crimes known to the correlator").register(registry);
    FunctionCounter.builder("iom_correlator_crime_matchings", live, l -> l.stats().crimesMatched())
        .description("Crimes (re)matched since start-up").register(registry);
    Gauge.builder("iom_correlator_crimes_pending", live, l -> l.stats().pendingCrimes())
        .description("Crimes whose matches could not be stored yet and are retried").register(registry);
  }

  public int port() {
    return server.actualPort();
  }

  public Store store() {
    return store;
  }

  public LiveCorrelator correlator() {
    return store.correlator();
  }

  /** The live alert feed the SSE streams subscribe to. */
  public AlertFeed alertFeed() {
    return alertFeed;
  }

  /** Users, tokens and the audit log of this service. */
  public Access access() {
    return access;
  }

  public Vertx vertx() {
    return vertx;
  }

  @Override
  public void close() {
    server.close().await();
    store.close();
  }
}
