package org.iom.ingest.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps everything a reader delivered, in order, for assertions. */
final class Collected<T> implements RowSink<T> {
  /** The fixed "now" of every test clock. */
  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  static final ReadOptions OPTIONS = ReadOptions.defaults(InstantSource.fixed(NOW));

  record Row<T>(long line, T value) {}

  record Warning(long line, String message) {}

  final List<Row<T>> accepted = new ArrayList<>();
  final List<Rejection> rejected = new ArrayList<>();
  final List<Warning> warnings = new ArrayList<>();
  /** accept/reject calls in order, as "A<line>" or "R<line>". */
  final List<String> order = new ArrayList<>();

  @Override
  public void accept(long line, T row) {
    accepted.add(new Row<>(line, row));
    order.add("A" + line);
  }

  @Override
  public void reject(Rejection rejection) {
    rejected.add(rejection);
    order.add("R" + rejection.line());
  }

  @Override
  public void warn(long line, String message) {
    warnings.add(new Warning(line, message));
  }

  List<T> values() {
    return accepted.stream().map(Row::value).toList();
  }

  List<Long> acceptedLines() {
    return accepted.stream().map(Row::line).toList();
  }

  T only() {
    if (accepted.size() != 1 || !rejected.isEmpty()) {
      throw new AssertionError("expected exactly one accepted row, got " + accepted + " and " + rejected);
    }
    return accepted.get(0).value();
  }

  Rejection onlyRejection() {
    if (rejected.size() != 1 || !accepted.isEmpty()) {
      throw new AssertionError("expected exactly one rejection, got " + accepted + " and " + rejected);
    }
    return rejected.get(0);
  }

  Rejection onlyRejectionOrFirst() {
    if (rejected.size() != 1) throw new AssertionError("expected exactly one rejection, got " + rejected);
    return rejected.get(0);
  }

  static <T> Collected<T> read(RecordReader<T> reader, String text) throws IOException, InvalidFileException {
    return read(reader, text.getBytes(StandardCharsets.UTF_8));
  }

  static <T> Collected<T> read(RecordReader<T> reader, byte[] bytes) throws IOException, InvalidFileException {
    Collected<T> out = new Collected<>();
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      reader.read(in, out);
    }
    return out;
  }
}
