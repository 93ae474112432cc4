package org.iom.ingest.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one row and hands the outcome to the sink: exactly one of accept or reject, then the
 * row's warnings. The one place that turns a decoding failure into a {@link Rejection}, and the
 * one place that refuses text no store can keep, whatever the format it came in: a NUL character
 * (PostgreSQL text cannot hold one; it reaches a value as a CSV byte after the first 64 KiB that
 * {@link TextInput} checks, or as a JSON escape of U+0000) or a lone UTF-16 surrogate (a JSON
 * escape such as U+D800 alone; it would be stored as '?'). One per read; not thread-safe.
 */
final class RowDelivery<T> {
  private final RowKind.RowDecoder<T> decoder;
  private final int slots;
  private final RowSink<T> sink;
  private final List<String> warnings = new ArrayList<>(2);

  RowDelivery(RowKind<T> kind, ReadOptions options, RowSink<T> sink) {
    this.decoder = kind.newDecoder(options);
    this.slots = kind.columns().size();
    this.sink = sink;
  }

  void deliver(Fields row, long line) {
    String unstorable = unstorableText(row);
    if (unstorable != null) {
      reject(line, unstorable, row.raw());
      return;
    }
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

  /** Why a value of the row cannot be stored as text, or null when every value can. */
  private String unstorableText(Fields row) {
    for (int slot = 0; slot < slots; slot++) {
      String v = row.get(slot);
      if (v == null) continue;
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c == 0) return row.name(slot) + " contains a NUL character (U+0000), which cannot be stored";
        if (Character.isSurrogate(c)) {
          boolean paired = Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1));
          if (!paired) return row.name(slot) + " contains a lone UTF-16 surrogate (e.g. a \\ud800 escape), which is not a character";
          i++;
        }
      }
    }
    return null;
  }

  void reject(long line, String reason, String raw) {
    sink.reject(new Rejection(line, reason == null ? "invalid row" : reason, raw));
  }
}
