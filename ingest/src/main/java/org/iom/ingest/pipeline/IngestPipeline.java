package org.iom.ingest.pipeline;

import io.vertx.core.Future;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.iom.ingest.format.InputFormat;
import org.iom.ingest.format.InputTooLargeException;
import org.iom.ingest.format.InvalidFileException;
import org.iom.ingest.format.ReadOptions;
import org.iom.ingest.format.Rejection;
import org.iom.ingest.format.RowSink;
import org.iom.ingest.store.Store;
import org.iom.ingest.store.WriteResult;

/**
 * Reads one input with the kind's reader and writes accepted rows to the store in batches, so
 * memory stays bounded whatever the input's size. Store conflicts become rejections at the
 * row's line. Rejections are stored too, not only counted.
 *
 * <p>Parsing of the next batch overlaps the store's write of the previous one; batches are
 * written strictly in input order (a repeat across batches is a duplicate, as within one).
 * When {@link #run} returns, every accepted row is committed.
 *
 * <p>Blocking: call from a worker thread, never from an event loop. One instance may serve
 * many concurrent runs.
 */
public final class IngestPipeline {
  /** Rejections listed in a summary; all of them are counted and stored. */
  public static final int MAX_REPORTED = 1_000;
  public static final int DEFAULT_BATCH_ROWS = 10_000;

  private final Store store;
  private final int batchRows;

  public IngestPipeline(Store store, int batchRows) {
    if (batchRows <= 0) throw new IllegalArgumentException("batchRows must be positive");
    this.store = store;
    this.batchRows = batchRows;
  }

  public IngestPipeline(Store store) {
    this(store, DEFAULT_BATCH_ROWS);
  }

  /**
   * Reads and stores one input. Nothing is written until the first batch is full (or the input
   * has ended cleanly), so an input of at most one batch that fails stores nothing at all, not
   * even its rejected rows. A longer input that fails keeps the batches committed before the
   * fault; the exception's message then says how many rows that was.
   *
   * @param source where the input came from, kept with stored rejections (file name, "http")
   * @throws InvalidFileException the whole input is unusable, or the store refused a batch as
   *     invalid (a row the reader should have rejected); see above for what is kept
   * @throws IOException the input failed or exceeded its size limit ({@link InputTooLargeException}
   *     stays one); see above for what is kept
   * @throws StoreUnavailableException the store failed; earlier batches are committed
   */
  public <T> IngestSummary run(
      RecordType<T> type, InputFormat format, ReadOptions options, InputStream in, String source)
      throws InvalidFileException, IOException {
    Run<T> run = new Run<>(type, source);
    try {
      type.reader(format, options).read(in, run);
      run.finish();
    } catch (RefusedByStore e) {
      run.awaitPendingQuietly();
      throw new InvalidFileException("the store refused a batch of " + type.kind().pathName() + " as invalid: "
          + e.getMessage() + run.committedNote(), e.getCause());
    } catch (InvalidFileException e) {
      run.awaitPendingQuietly();
      String note = run.committedNote();
      if (note.isEmpty()) throw e;
      throw new InvalidFileException(e.getMessage() + note, e);
    } catch (InputTooLargeException e) {
      run.awaitPendingQuietly();
      String note = run.committedNote();
      if (note.isEmpty()) throw e;
      throw new InputTooLargeException(e.limitBytes(), e.getMessage() + note);
    } catch (IOException e) {
      run.awaitPendingQuietly();
      String note = run.committedNote();
      if (note.isEmpty()) throw e;
      throw new IOException(e.getMessage() + note, e);
    } catch (RuntimeException e) {
      run.awaitPendingQuietly();
      throw e;
    }
    return run.summary();
  }

  /** A write failed because the store found a row invalid, not because the store is down. */
  private static final class RefusedByStore extends RuntimeException {
    RefusedByStore(IllegalArgumentException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** One input's state: the open batch, the write in flight, and the running totals. */
  private final class Run<T> implements RowSink<T> {
    private final RecordType<T> type;
    private final String source;
    private List<T> rows = new ArrayList<>();
    private long[] lines = new long[batchRows];
    private final List<Rejection> pendingRejections = new ArrayList<>();
    private Future<Void> inFlight = Future.succeededFuture();
    private long accepted;
    private long duplicates;
    private long rejectedCount;
    private long rejectionsStored;
    private final List<Rejection> reported = new ArrayList<>();
    private final List<IngestSummary.Warning> warnings = new ArrayList<>();

    Run(RecordType<T> type, String source) {
      this.type = type;
      this.source = source;
    }

    @Override
    public void accept(long line, T row) {
      lines[rows.size()] = line;
      rows.add(row);
      if (rows.size() == batchRows) flush();
    }

    @Override
    public void reject(Rejection rejection) {
      synchronized (this) {
        rejectedCount++;
        if (reported.size() < MAX_REPORTED) reported.add(rejection);
        pendingRejections.add(rejection);
      }
      if (pendingRejections.size() >= batchRows) flush();
    }

    @Override
    public void warn(long line, String message) {
      synchronized (this) {
        if (warnings.size() < MAX_REPORTED) warnings.add(new IngestSummary.Warning(line, message));
      }
    }

    /** Waits for the previous batch, then starts writing the open one. */
    void flush() {
      awaitPending();
      List<T> batch = rows;
      long[] batchLines = lines;
      List<Rejection> rejections;
      synchronized (this) {
        rejections = List.copyOf(pendingRejections);
        pendingRejections.clear();
      }
      rows = new ArrayList<>();
      lines = new long[batchRows];
      Future<Void> rowsWritten = batch.isEmpty()
          ? Future.succeededFuture()
          : type.write(store, batch).map(result -> {
              count(result, batchLines);
              return null;
            });
      inFlight = rowsWritten.compose(v -> rejections.isEmpty()
          ? Future.succeededFuture()
          : store.putRejections(type.kind(), source, rejections).map(stored -> {
              synchronized (this) {
                rejectionsStored += rejections.size();
              }
              return null;
            }));
    }

    private synchronized void count(WriteResult result, long[] batchLines) {
      accepted += result.accepted();
      duplicates += result.duplicates();
      List<Rejection> conflicts = new ArrayList<>();
      for (WriteResult.Conflict c : result.conflicts()) {
        Rejection r = new Rejection(batchLines[c.index()], c.reason(), "");
        conflicts.add(r);
        rejectedCount++;
        if (reported.size() < MAX_REPORTED) reported.add(r);
      }
      pendingRejections.addAll(conflicts);
    }

    /** Writes the last batch, then the conflicts it produced, and waits for both. */
    void finish() {
      flush();
      flush();
      awaitPending();
    }

    void awaitPending() {
      try {
        inFlight.toCompletionStage().toCompletableFuture().get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IllegalArgumentException invalid) throw new RefusedByStore(invalid);
        throw new StoreUnavailableException(
            "the store failed while writing " + type.kind().pathName() + ": " + e.getCause().getMessage(),
            e.getCause(), summary());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreUnavailableException("interrupted while writing", e, summary());
      }
    }

    void awaitPendingQuietly() {
      try {
        awaitPending();
      } catch (RuntimeException ignored) {
        // the caller is already failing with the first error
      }
    }

    /**
     * What the batches written before a fault left in the store, as a sentence to append to the
     * fault's message; empty when nothing was written (the input was refused whole).
     */
    synchronized String committedNote() {
      long rows = accepted + duplicates;
      if (rows == 0 && rejectionsStored == 0) return "";
      return "; " + rows + " rows before the fault were committed (" + accepted + " accepted, " + duplicates
          + " duplicates) and " + rejectionsStored + " rejected rows kept; nothing after it was stored: fix the input"
          + " and re-send it whole (stored rows come back as duplicates)";
    }

    synchronized IngestSummary summary() {
      reported.sort(java.util.Comparator.comparingLong(Rejection::line));
      return new IngestSummary(accepted, duplicates, rejectedCount, reported, warnings);
    }
  }
}
