package org.iom.ingest.format;

import java.io.IOException;

/** The input went over the size limit a caller set with {@link SizeLimitedInputStream}. */
public class InputTooLargeException extends IOException {
  private final long limitBytes;

  public InputTooLargeException(long limitBytes) {
    super("the input is larger than the limit of " + limitBytes + " bytes");
    this.limitBytes = limitBytes;
  }

  /** With a message that says more, e.g. what was stored before the limit was reached. */
  public InputTooLargeException(long limitBytes, String message) {
    super(message);
    this.limitBytes = limitBytes;
  }

  public long limitBytes() {
    return limitBytes;
  }
}
