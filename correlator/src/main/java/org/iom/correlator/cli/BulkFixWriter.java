package org.iom.correlator.cli;

import io.vertx.core.Future;
import io.vertx.pgclient.PgConnectOptions;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.iom.ingest.model.Fix;
import org.iom.ingest.pipeline.RecordType;
import org.iom.ingest.store.WriteResult;
import org.iom.ingest.store.postgres.PostgresBulkFixLoader;

/**
 * The {@code import} fast path for fixes into PostgreSQL: batches go to the binary-COPY
 * {@link PostgresBulkFixLoader} on one background thread, so the parser reads the next batch
 * while the previous one is loading. Same duplicate and conflict outcome as the store.
 */
final class BulkFixWriter implements AutoCloseable {
  static final int BATCH_ROWS = 100_000;

  private final PostgresBulkFixLoader loader;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "bulk-fix-loader");
    t.setDaemon(true);
    return t;
  });

  private BulkFixWriter(PostgresBulkFixLoader loader) {
    this.loader = loader;
  }

  static BulkFixWriter connect() throws SQLException {
    return new BulkFixWriter(PostgresBulkFixLoader.connect(PgConnectOptions.fromEnv()));
  }

  RecordType<Fix> recordType() {
    RecordType<Fix> fixes = RecordType.FIXES;
    return new RecordType<>(fixes.kind(), fixes.formats(), fixes.readers(), (store, batch) -> load(batch));
  }

  private Future<WriteResult> load(List<Fix> batch) {
    return Future.fromCompletionStage(CompletableFuture.supplyAsync(() -> {
      try {
        return loader.load(batch);
      } catch (SQLException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }, thread));
  }

  @Override
  public void close() throws SQLException {
    thread.shutdown();
    loader.close();
  }
}
