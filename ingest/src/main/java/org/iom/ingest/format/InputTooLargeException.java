package org.iom.ingest.format;

import java.io.IOException;

/** The input went over the size limit a caller set with {@link SizeLimitedInputStream}. */
public class InputTooLargeException extends IOException {
  private final long limitBytes;

  public InputTooLargeException(long limitBytes) {
    super("the input is larger than the limit of " + limitBytes + " bytes");
    this.limitBytes = limitBytes;
  }

  public long limitBytes() {
    return limitBytes;
  }
}
