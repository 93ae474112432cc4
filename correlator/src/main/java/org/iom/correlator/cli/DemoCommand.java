package org.iom.correlator.cli;

import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.iom.correlator.access.Grant;
import org.iom.correlator.http.ServiceLimits;
import org.iom.fixtures.DemoData;
import org.iom.fixtures.Scenario;
import org.iom.ingest.model.Fix;
import org.iom.ingest.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code demo}: the service on the in-memory store, loaded with the geo-fixtures demo scenario. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the service on the volatile in-memory store with demo data (about 50 tagged offenders, 7 days).")
final class DemoCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);
  private static final int BATCH = 10_000;

  @Mixin ListenOptions listen;

  @Mixin CorrelationOptions correlation;

  @Override
  public Integer call() throws Exception {
    Scenario demo = DemoData.endingBefore(Instant.now());
    List<Grant> users = DemoUsers.grants(demo.offenders(), new SecureRandom());
    DemoUsers.print(users, System.out);
    return ServeCommand.runUntilStopped(StoreChoice.MEMORY, store -> load(store, demo), users, listen.host, listen.port,
        ServiceLimits.DEFAULTS, correlation.settings());
  }

  /** Loads the demo scenario into the store. */
  static Future<?> load(Store store, Scenario demo) {
    long started = System.nanoTime();
    Future<?> loaded = store.putOffenders(demo.offenders())
        .compose(r -> store.putAssignments(demo.assignments()))
        .compose(r -> store.putCrimes(demo.crimes()))
        .compose(r -> store.putMemberships(demo.memberships()))
        .compose(r -> store.putOffences(demo.offences()))
        .compose(r -> store.putZones(demo.zones()))
        .compose(r -> putFixes(store, demo.fixes().iterator()));
    return loaded.onSuccess(n -> LOG.info("demo data loaded: {} offenders, {} crimes, {} zones, {} fixes ({} to {}) in {} ms",
        demo.offenders().size(), demo.crimes().size(), demo.zones().size(), n,
        demo.config().start(), demo.config().end(), (System.nanoTime() - started) / 1_000_000));
  }

  private static Future<Long> putFixes(Store store, Iterator<Fix> fixes) {
    Future<Long> total = Future.succeededFuture(0L);
    while (fixes.hasNext()) {
      List<Fix> batch = new ArrayList<>(BATCH);
      while (fixes.hasNext() && batch.size() < BATCH) batch.add(fixes.next());
      total = total.compose(n -> store.putFixes(batch).map(r -> n + r.accepted()));
    }
    return total;
  }
}
