package org.iom.ingest.format;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through until more than {@code limitBytes} have been read, then throws
 * {@link InputTooLargeException} from that read and every later one. Callers (HTTP, CLI) wrap
 * their input with it; the readers let the exception through as an {@link IOException}, so rows
 * delivered before it stay delivered. {@code mark}/{@code reset} are not supported (they would
 * let the count be rewound). Not thread-safe, like any stream.
 */
public final class SizeLimitedInputStream extends FilterInputStream {
  private final long limitBytes;
  private long count;

  public SizeLimitedInputStream(InputStream in, long limitBytes) {
    super(in);
    if (limitBytes < 0) throw new IllegalArgumentException("limitBytes must not be negative");
    this.limitBytes = limitBytes;
  }

  /** Bytes read so far. */
  public long bytesRead() {
    return count;
  }

  @Override
  public int read() throws IOException {
    checkLimit();
    int b = super.read();
    if (b >= 0) count(1);
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    checkLimit();
    // read at most one byte past the limit: enough to know it was exceeded
    int allowed = (int) Math.min(len, limitBytes - count + 1);
    int n = super.read(b, off, Math.max(allowed, 1));
    if (n > 0) count(n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    checkLimit();
    long skipped = super.skip(Math.min(n, limitBytes - count + 1));
    if (skipped > 0) count(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readlimit) {
    // not supported: see the class comment
  }

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }

  private void count(long n) throws InputTooLargeException {
    count += n;
    checkLimit();
  }

  private void checkLimit() throws InputTooLargeException {
    if (count > limitBytes) throw new InputTooLargeException(limitBytes);
  }
}
