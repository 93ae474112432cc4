package org.iom.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.iom.ingest.model.Fix;
import org.junit.jupiter.api.Test;

class SizeLimitedInputStreamTest {
  @Test
  void passesInputUpToTheLimit() throws IOException {
    var in = new SizeLimitedInputStream(new ByteArrayInputStream(new byte[100]), 100);
    assertThat(in.readAllBytes()).hasSize(100);
    assertThat(in.bytesRead()).isEqualTo(100);
  }

  @Test
  void throwsOnceMoreThanTheLimitIsRead() {
    var in = new SizeLimitedInputStream(new ByteArrayInputStream(new byte[101]), 100);
    assertThatThrownBy(in::readAllBytes)
        .isInstanceOf(InputTooLargeException.class)
        .hasMessage("the input is larger than the limit of 100 bytes");
    assertThatThrownBy(in::read).isInstanceOf(InputTooLargeException.class);
  }

  @Test
  void aReaderLetsTheLimitThroughAfterDeliveringEarlierRows() {
    StringBuilder csv = new StringBuilder("tag_id,recorded_at,lat,lon\n");
    for (int i = 0; i < 5000; i++) csv.append("T1,2025-03-01T12:00:00Z,52.9,-1.4\n");
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    Collected<Fix> out = new Collected<>();
    var reader = Readers.fixes(InputFormat.CSV, Collected.OPTIONS);
    assertThatThrownBy(() -> reader.read(new SizeLimitedInputStream(new ByteArrayInputStream(bytes), 100_000), out))
        .isInstanceOf(InputTooLargeException.class)
        .satisfies(e -> assertThat(((InputTooLargeException) e).limitBytes()).isEqualTo(100_000));
    assertThat(out.accepted).isNotEmpty().hasSizeLessThan(5000);
  }
}
