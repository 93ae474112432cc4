package org.iom.correlator.cli;

import java.time.InstantSource;
import java.util.List;
import org.iom.correlator.access.AccessToken;
import org.iom.correlator.access.Grant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.iom.correlator.http.ServiceLimits;
import org.iom.correlator.live.CorrelationSettings;
import org.iom.correlator.service.IomService;
import io.vertx.core.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: the service on PostgreSQL (settings from PG* variables). */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the HTTP service on PostgreSQL (connection from PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE).")
final class ServeCommand implements Callable<Integer> {
  @Mixin ListenOptions listen;

  @Mixin CorrelationOptions correlation;

  @Option(names = "--store", defaultValue = "postgres", description = "postgres or memory (default ${DEFAULT-VALUE}).")
  StoreChoice store;

  @Option(names = "--max-body-mb", defaultValue = "256", description = "Largest request body in MiB; larger gets 413 (default ${DEFAULT-VALUE}).")
  long maxBodyMb;

  @Option(names = "--max-concurrent-ingests", defaultValue = "8", description = "Ingest requests at once; more get 503 (default ${DEFAULT-VALUE}).")
  int maxIngests;

  // No ${DEFAULT-VALUE} in the description: --help must not print the token.
  @Option(names = "--admin-token", defaultValue = "${env:ADMIN_TOKEN}",
      description = "Bearer token of the first admin (user 'admin'), at least 32 characters, e.g. from `openssl rand -base64 32`."
          + " Prefer the environment variable ADMIN_TOKEN: a command line is visible to other local users.")
  String adminToken;

  @Override
  public Integer call() throws Exception {
    List<Grant> grants;
    try {
      grants = adminToken == null || adminToken.isEmpty() ? List.of() : List.of(Grant.admin(AccessToken.of(adminToken)));
    } catch (IllegalArgumentException e) {
      System.err.println("--admin-token / ADMIN_TOKEN: " + e.getMessage());
      return 2;
    }
    if (grants.isEmpty()) System.err.println("no --admin-token or ADMIN_TOKEN: only tokens already stored will work");
    return runUntilStopped(store, s -> Future.succeededFuture(), grants, listen.host, listen.port,
        new ServiceLimits(maxBodyMb << 20, maxIngests), correlation.settings());
  }

  static int runUntilStopped(StoreChoice choice, java.util.function.Function<org.iom.ingest.store.Store, Future<?>> load,
      List<Grant> grants, String host, int port, ServiceLimits limits, CorrelationSettings correlation)
      throws InterruptedException {
    var registry = IomService.newRegistry();
    var vertx = IomService.newVertx(registry);
    IomService service;
    try {
      service = IomService.start(vertx, registry, choice::open, load, InstantSource.system(), limits, grants, correlation,
          host, port)
          .toCompletionStage().toCompletableFuture().join();
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      System.err.println("could not start: " + cause.getMessage());
      vertx.close();
      return 1;
    }
    System.err.println("listening on http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + service.port());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      vertx.close();
      stopped.countDown();
    }));
    stopped.await();
    return 0;
  }
}
