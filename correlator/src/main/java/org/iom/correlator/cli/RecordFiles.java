package org.iom.correlator.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.iom.ingest.format.InputFormat;
import org.iom.ingest.format.InvalidFileException;
import org.iom.ingest.format.ReadOptions;
import org.iom.ingest.format.Rejection;
import org.iom.ingest.format.RowSink;
import org.iom.ingest.pipeline.RecordType;

/**
 * Reads a whole SPEC.md file into records for the batch commands (no store involved). Rejected
 * rows are reported on stderr (the count, then the first few with line and reason) and skipped;
 * an unusable file is an {@link IllegalArgumentException} naming the file.
 */
public final class RecordFiles {
  static final int REJECTIONS_SHOWN = 10;

  private final PrintStream err;
  private final ReadOptions options;

  public RecordFiles(PrintStream err, InstantSource clock) {
    this.err = err;
    this.options = ReadOptions.defaults(clock);
  }

  public <T> List<T> read(RecordType<T> type, Path file) {
    InputFormat format = InputFormat.fromFileName(file.getFileName().toString())
        .filter(type::supports)
        .orElseThrow(() -> new IllegalArgumentException(file + ": cannot tell the format from the file name; use "
            + type.mediaTypes()));
    List<T> rows = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      type.reader(format, options).read(in, new RowSink<T>() {
        @Override
        public void accept(long line, T row) {
          rows.add(row);
        }

        @Override
        public void reject(Rejection rejection) {
          rejected.add(rejection);
        }
      });
    } catch (InvalidFileException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    if (!rejected.isEmpty()) {
      err.println(file + ": " + rejected.size() + " rows rejected" + (rejected.size() > REJECTIONS_SHOWN
          ? " (first " + REJECTIONS_SHOWN + " shown)" : ""));
      rejected.stream().limit(REJECTIONS_SHOWN).forEach(r -> err.println("  " + r));
    }
    return rows;
  }
}
