package org.iom.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import org.iom.ingest.format.InputFormat;
import org.iom.ingest.format.InputTooLargeException;
import org.iom.ingest.format.InvalidFileException;
import org.iom.ingest.format.ReadOptions;
import org.iom.ingest.format.Readers;
import org.iom.ingest.format.SizeLimitedInputStream;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.RecordKind;
import org.iom.ingest.store.StoreCounts;
import org.iom.ingest.store.memory.MemoryStore;
import org.junit.jupiter.api.Test;

/** What a failing input leaves in the store: nothing, unless a batch was full before the fault. */
class IngestPipelineFaultTest {
  private static final ReadOptions OPTIONS = ReadOptions.defaults(InstantSource.fixed(Instant.parse("2025-06-01T00:00:00Z")));
  private static final int BATCH = 3;
  private static final String UNCLOSED_QUOTE = "T1,\"2025-03-01T11:00:00Z,52.9,-1.4\n";

  private final MemoryStore store = new MemoryStore();
  private final IngestPipeline pipeline = new IngestPipeline(store, BATCH);

  @Test
  void aFaultBeforeTheFirstBatchIsFullStoresNothingNotEvenRejectedRows() {
    String csv = "tag_id,recorded_at,lat,lon\n" + goodRows(0, 2) + "T1,not-a-time,52.9,-1.4\n" + UNCLOSED_QUOTE;

    assertThatThrownBy(() -> run(csv.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageNotContaining("committed");
    assertThat(counts().of(RecordKind.FIXES)).isZero();
    assertThat(counts().rejections()).isZero();
  }

  @Test
  void aFaultAfterFullBatchesSaysHowManyRowsWereCommitted() {
    String csv = "tag_id,recorded_at,lat,lon\n" + goodRows(0, 7) + UNCLOSED_QUOTE;

    assertThatThrownBy(() -> run(csv.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("Unclosed quoted field")
        .hasMessageContaining("6 rows before the fault were committed (6 accepted, 0 duplicates) and 0 rejected rows kept");
    assertThat(counts().of(RecordKind.FIXES)).isEqualTo(6);
  }

  @Test
  void anInputOverTheSizeLimitStaysA413AndSaysWhatWasCommitted() {
    // more than the 64 KiB the readers look at before the first row
    byte[] csv = ("tag_id,recorded_at,lat,lon\n" + goodRows(0, 3000)).getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> pipeline.run(RecordType.FIXES, InputFormat.CSV, OPTIONS,
            new SizeLimitedInputStream(new ByteArrayInputStream(csv), csv.length - 10), "test"))
        .isInstanceOf(InputTooLargeException.class)
        .hasMessageContaining("larger than the limit")
        .hasMessageContaining("rows before the fault were committed");
    long stored = counts().of(RecordKind.FIXES);
    assertThat(stored).isPositive().isLessThan(3000).matches(n -> n % BATCH == 0, "whole batches only");
  }

  @Test
  void aBatchTheStoreRefusesAsInvalidIsABadInputNotAStoreOutage() {
    RecordType<Fix> refusing = new RecordType<>(RecordKind.FIXES, EnumSet.of(InputFormat.CSV), Readers::fixes,
        (s, rows) -> Future.failedFuture(new IllegalArgumentException("fix 0 of the batch is outside the years")));
    byte[] csv = ("tag_id,recorded_at,lat,lon\n" + goodRows(0, 1)).getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> pipeline.run(refusing, InputFormat.CSV, OPTIONS, new ByteArrayInputStream(csv), "test"))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("the store refused a batch of fixes as invalid: fix 0 of the batch is outside the years");
  }

  private IngestSummary run(byte[] body) throws Exception {
    try (InputStream in = new ByteArrayInputStream(body)) {
      return pipeline.run(RecordType.FIXES, InputFormat.CSV, OPTIONS, in, "test");
    }
  }

  private StoreCounts counts() {
    return store.counts().toCompletionStage().toCompletableFuture().join();
  }

  private static String goodRows(int from, int count) {
    StringBuilder rows = new StringBuilder();
    for (int i = from; i < from + count; i++) {
      rows.append("T1,").append(Instant.parse("2025-03-01T00:00:00Z").plusSeconds(60L * i)).append(",52.9,-1.4\n");
    }
    return rows.toString();
  }
}
