package org.iom.correlator.cli;

import io.vertx.core.Vertx;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.iom.ingest.format.InputFormat;
import org.iom.ingest.format.InvalidFileException;
import org.iom.ingest.format.ReadOptions;
import org.iom.ingest.format.Rejection;
import org.iom.ingest.model.RecordKind;
import org.iom.ingest.pipeline.IngestPipeline;
import org.iom.ingest.pipeline.IngestSummary;
import org.iom.ingest.pipeline.RecordType;
import org.iom.ingest.pipeline.StoreUnavailableException;
import org.iom.ingest.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import <kind> <file>}: bulk-loads one file into the configured store and prints a
 * summary. Exit 0 when the file was read (even with rejected rows), 2 when the file is
 * unusable, 3 when the store failed.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Bulk-load a file (CSV, NDJSON, GPX for fixes, GeoJSON for zones) into the store.")
final class ImportCommand implements Callable<Integer> {
  static final int FILE_UNUSABLE = 2;
  static final int STORE_FAILED = 3;

  @Parameters(index = "0", paramLabel = "KIND",
      description = "fixes, assignments, crimes, offenders, cohort-memberships, offences or zones.")
  String kindName;

  @Parameters(index = "1", paramLabel = "FILE", description = "The file to load.")
  Path file;

  @Option(names = "--format", description = "csv, ndjson, gpx or geojson (default: from the file extension).")
  InputFormat format;

  @Option(names = "--tag-id", description = "Tag id for GPX files whose track has no name.")
  String gpxTagId;

  @Option(names = "--store", defaultValue = "postgres", description = "postgres or memory (default ${DEFAULT-VALUE}).")
  StoreChoice store;

  @Option(names = "--show-rejections", defaultValue = "20", description = "Rejected rows to list (default ${DEFAULT-VALUE}).")
  int shown;

  @Override
  public Integer call() throws Exception {
    PrintStream err = System.err;
    RecordKind kind = RecordKind.byPathName(kindName).orElse(null);
    if (kind == null) {
      err.println("unknown kind '" + kindName + "'; use one of fixes, assignments, crimes, offenders, cohort-memberships, offences, zones");
      return FILE_UNUSABLE;
    }
    if (!Files.isRegularFile(file)) {
      err.println(file + ": no such file");
      return FILE_UNUSABLE;
    }
    InputFormat chosen = format != null ? format : InputFormat.fromFileName(file.getFileName().toString()).orElse(null);
    RecordType<?> type = RecordType.of(kind);
    if (chosen == null || !type.supports(chosen)) {
      err.println(file + ": cannot read " + kind.pathName() + " from "
          + (chosen == null ? "a file with this extension" : chosen) + "; give --format (" + type.mediaTypes() + ")");
      return FILE_UNUSABLE;
    }
    Vertx vertx = Vertx.vertx();
    try {
      Store target = store.open(vertx).toCompletionStage().toCompletableFuture().join();
      try (target; BulkFixWriter bulk = bulkFixWriter(kind); InputStream in = open(file)) {
        ReadOptions options = ReadOptions.defaults(InstantSource.system()).withGpxTagId(gpxTagId);
        long started = System.nanoTime();
        IngestPipeline pipeline = bulk == null ? new IngestPipeline(target) : new IngestPipeline(target, BulkFixWriter.BATCH_ROWS);
        IngestSummary summary = bulk == null
            ? pipeline.run(type, chosen, options, in, file.toString())
            : pipeline.run(bulk.recordType(), chosen, options, in, file.toString());
        double seconds = (System.nanoTime() - started) / 1e9;
        print(summary, seconds);
        return 0;
      } catch (InvalidFileException e) {
        err.println(file + ": " + e.getMessage());
        return FILE_UNUSABLE;
      } catch (StoreUnavailableException e) {
        err.println(file + ": " + e.getMessage() + "; " + e.committedSoFar().accepted()
            + " rows were committed; re-run the import (stored rows count as duplicates)");
        return STORE_FAILED;
      }
    } catch (java.util.concurrent.CompletionException e) {
      err.println("cannot open the store: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
      return STORE_FAILED;
    } finally {
      vertx.close();
    }
  }

  /** Fixes into PostgreSQL take binary COPY; everything else the store's own writes. */
  private BulkFixWriter bulkFixWriter(RecordKind kind) throws java.sql.SQLException {
    return kind == RecordKind.FIXES && store == StoreChoice.POSTGRES ? BulkFixWriter.connect() : null;
  }

  private static InputStream open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    if (System.console() == null) return raw;
    return ProgressBar.wrap(raw, new ProgressBarBuilder()
        .setTaskName("import " + file.getFileName())
        .setInitialMax(Files.size(file))
        .setUnit(" MiB", 1 << 20)
        .setStyle(ProgressBarStyle.ASCII));
  }

  private void print(IngestSummary summary, double seconds) {
    System.out.printf("%s: %d rows read in %.1f s (%.0f rows/s): %d accepted, %d duplicates, %d rejected%n",
        file, summary.rows(), seconds, summary.rows() / Math.max(seconds, 1e-9),
        summary.accepted(), summary.duplicates(), summary.rejectedCount());
    int listed = 0;
    for (Rejection r : summary.rejected()) {
      if (listed++ == shown) break;
      System.out.println("  rejected " + r);
    }
    if (summary.rejectedCount() > Math.min(shown, summary.rejected().size())) {
      System.out.println("  ... all rejected rows are kept in the store's rejected rows");
    }
    for (IngestSummary.Warning w : summary.warnings().subList(0, Math.min(shown, summary.warnings().size()))) {
      System.out.println("  warning " + w);
    }
  }
}
