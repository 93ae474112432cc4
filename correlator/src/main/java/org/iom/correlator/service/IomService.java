package org.iom.correlator.service;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Function;
import org.iom.correlator.access.Access;
import org.iom.correlator.access.Grant;
import org.iom.correlator.http.ApiServer;
import org.iom.correlator.http.ServiceLimits;
import org.iom.ingest.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: one Vert.x with Micrometer metrics, one store, the HTTP API. Start with
 * {@link #start}; {@link #close} stops the server, the store and Vert.x.
 */
public final class IomService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IomService.class);

  private final Vertx vertx;
  private final Store store;
  private final HttpServer server;
  private final Access access;

  private IomService(Vertx vertx, Store store, HttpServer server, Access access) {
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
    return openStore.apply(vertx).compose(store -> {
      if (store.isVolatile()) {
        LOG.warn("STORE IS IN-MEMORY AND VOLATILE: everything is lost when this process stops ({})", store.describe());
      } else {
        LOG.info("store: {}", store.describe());
      }
      Access access = Access.beside(store, clock);
      return load.apply(store)
          .compose(loaded -> access.ensure(grants))
          .compose(granted -> new ApiServer(vertx, store, registry, clock, limits, access).listen(host, port))
          .map(server -> new IomService(vertx, store, server, access))
          .onFailure(e -> store.close());
    });
  }

  public int port() {
    return server.actualPort();
  }

  public Store store() {
    return store;
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
