package org.iom.correlator.cli;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import java.io.PrintStream;
import java.time.InstantSource;
import java.time.Period;
import java.util.List;
import java.util.concurrent.Callable;
import org.iom.correlator.alert.PgAlertStore;
import org.iom.correlator.retention.RetentionPurge;
import org.iom.ingest.store.postgres.FixRetention;
import org.iom.ingest.store.postgres.PostgresStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code purge}: drops the months of fixes beyond retention, keeping alert evidence. */
@Command(name = "purge", mixinStandardHelpOptions = true,
    description = "Drop months of fixes older than the retention period (PostgreSQL), keeping the trail around every alert as evidence.")
final class PurgeCommand implements Callable<Integer> {
  @Option(names = "--dry-run", description = "Only print what would be dropped and kept.")
  boolean dryRun;

  @Option(names = "--retention-months", defaultValue = "12", description = "Months of fixes to keep (default ${DEFAULT-VALUE}).")
  int retentionMonths;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    Vertx vertx = Vertx.vertx();
    try (PostgresStore store = PostgresStore.open(vertx, PgConnectOptions.fromEnv()).await()) {
      RetentionPurge purge = new RetentionPurge(store, new PgAlertStore(store.pool()), Period.ofMonths(retentionMonths),
          InstantSource.system());
      List<FixRetention.MonthPurge> months = purge.run(dryRun).await();
      if (months.isEmpty()) out.println("nothing to purge: no month of fixes is older than " + retentionMonths + " months");
      for (FixRetention.MonthPurge m : months) {
        out.printf("%s %s: %d fixes, %d kept as alert evidence%n", dryRun ? "would drop" : "dropped", m.partition(),
            m.fixes(), m.keptAsEvidence());
      }
      return 0;
    } catch (RuntimeException e) {
      System.err.println("purge: " + e.getMessage());
      return 3;
    } finally {
      vertx.close();
    }
  }
}
