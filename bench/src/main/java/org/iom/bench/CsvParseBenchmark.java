package org.iom.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.iom.ingest.format.InputFormat;
import org.iom.ingest.format.ReadOptions;
import org.iom.ingest.format.Readers;
import org.iom.ingest.format.RecordReader;
import org.iom.ingest.format.Rejection;
import org.iom.ingest.format.RowSink;
import org.iom.ingest.model.Fix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fixes parsed from CSV by the parser alone (validation and projection included), against a
 * baseline in the same run: FastCSV splitting the same bytes into fields with no decoding.
 * Each invocation reads the whole input; rows/s = rows / (ms per op / 1000).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class CsvParseBenchmark {
  byte[] csv;
  RecordReader<Fix> reader;

  @Setup
  public void setUp() {
    csv = BenchData.fixesCsv(20, 7, 11, "P");
    reader = Readers.fixes(InputFormat.CSV, ReadOptions.defaults(InstantSource.fixed(Instant.parse("2030-01-01T00:00:00Z"))));
  }

  @Benchmark
  public long parseFixes() throws Exception {
    Counter counter = new Counter();
    reader.read(new ByteArrayInputStream(csv), counter);
    if (counter.rejected != 0) throw new IllegalStateException(counter.rejected + " rows rejected");
    return counter.accepted;
  }

  @Benchmark
  public long baselineSplitFieldsOnly() throws Exception {
    long fields = 0;
    try (CsvReader<CsvRecord> rows = CsvReader.builder().ofCsvRecord(
        new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8))) {
      for (CsvRecord r : rows) fields += r.getFieldCount();
    }
    return fields;
  }

  static final class Counter implements RowSink<Fix> {
    long accepted;
    long rejected;

    @Override
    public void accept(long line, Fix row) {
      accepted++;
    }

    @Override
    public void reject(Rejection rejection) {
      rejected++;
    }
  }
}
