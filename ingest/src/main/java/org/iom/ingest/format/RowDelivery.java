package org.iom.ingest.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one row and hands the outcome to the sink: exactly one of accept or reject, then the
 * row's warnings. The one place that turns a decoding failure into a {@link Rejection}. One per
 * read; not thread-safe.
 */
final class RowDelivery<T> {
  private final RowKind.RowDecoder<T> decoder;
  private final RowSink<T> sink;
  private final List<String> warnings = new ArrayList<>(2);

  RowDelivery(RowKind.RowDecoder<T> decoder, RowSink<T> sink) {
    this.decoder = decoder;
    this.sink = sink;
  }

  void deliver(Fields row, long line) {
    T record;
    try {
      record = decoder.decode(row, line, warnings);
    } catch (BadRowException | IllegalArgumentException e) {
      warnings.clear();
      reject(line, e.getMessage(), row.raw());
      return;
    }
    sink.accept(line, record);
    if (!warnings.isEmpty()) {
      for (String w : warnings) sink.warn(line, w);
      warnings.clear();
    }
  }

  void reject(long line, String reason, String raw) {
    sink.reject(new Rejection(line, reason == null ? "invalid row" : reason, raw));
  }
}
