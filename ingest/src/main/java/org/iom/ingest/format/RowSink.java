package org.iom.ingest.format;

/**
 * Receives a reader's output row by row, in file order. A reader calls exactly one of
 * {@link #accept} or {@link #reject} for every data row, and may add warnings to accepted rows.
 * Called on the reading thread.
 */
public interface RowSink<T> {
  /** A valid row; {@code line} is its physical line number, used to report store-level conflicts. */
  void accept(long line, T row);

  void reject(Rejection rejection);

  /** An accepted row with something a person should know (e.g. an unknown offence code). */
  default void warn(long line, String message) {}
}
