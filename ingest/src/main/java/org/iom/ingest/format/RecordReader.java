package org.iom.ingest.format;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one interchange file (SPEC.md formats) as a stream: rows go to the sink as they are
 * parsed, so memory does not grow with the input. A bad row never aborts the file.
 * Implementations are stateless and thread-safe; one call reads one input. Blocking.
 */
public interface RecordReader<T> {
  /**
   * @throws InvalidFileException when the whole input is unusable
   * @throws IOException when the input stream itself fails (I/O, size limit)
   */
  void read(InputStream in, RowSink<T> sink) throws InvalidFileException, IOException;
}
