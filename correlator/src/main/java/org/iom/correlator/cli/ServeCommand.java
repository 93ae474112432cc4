package org.iom.correlator.cli;

import java.time.InstantSource;
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

  @Override
  public Integer call() throws Exception {
    return runUntilStopped(store, s -> Future.succeededFuture(), listen.host, listen.port,
        new ServiceLimits(maxBodyMb << 20, maxIngests), correlation.settings());
  }

  static int runUntilStopped(StoreChoice choice, java.util.function.Function<org.iom.ingest.store.Store, Future<?>> load,
      String host, int port, ServiceLimits limits, CorrelationSettings correlation) throws InterruptedException {
    var registry = IomService.newRegistry();
    var vertx = IomService.newVertx(registry);
    IomService service;
    try {
      service = IomService.start(vertx, registry, choice::open, load, InstantSource.system(), limits, correlation, host, port)
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
