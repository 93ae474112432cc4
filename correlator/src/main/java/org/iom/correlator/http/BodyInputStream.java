package org.iom.correlator.http;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns a request body (a Vert.x {@link ReadStream}) into a blocking {@link InputStream} for a
 * parser on a worker thread, with back-pressure: the request is paused while more than
 * {@code HIGH_WATER} bytes wait to be read and resumed below {@code LOW_WATER}, so a fast sender
 * cannot make the server hold a whole body in memory.
 *
 * <p>Construct on the request's event loop; read from exactly one other thread.
 */
final class BodyInputStream extends InputStream {
  private static final long HIGH_WATER = 1 << 20;
  private static final long LOW_WATER = 256 << 10;
  private static final Object END = new Object();

  private final BlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicBoolean paused = new AtomicBoolean();
  private final ReadStream<Buffer> body;
  private final Context context;
  private volatile boolean discarding;
  private byte[] current = new byte[0];
  private int position;
  private boolean ended;

  BodyInputStream(ReadStream<Buffer> body, Context context) {
    this.body = body;
    this.context = context;
    body.handler(this::onChunk);
    body.endHandler(v -> chunks.add(END));
    body.exceptionHandler(chunks::add);
  }

  private void onChunk(Buffer buffer) {
    if (discarding) return;
    chunks.add(buffer.getBytes());
    if (queuedBytes.addAndGet(buffer.length()) > HIGH_WATER && paused.compareAndSet(false, true)) {
      body.pause();
    }
  }

  /**
   * Drops what the reader did not read and reads the rest of the body into nothing. Call on the
   * request's context once the reader has finished (a whole-body error, the size limit, or a
   * format such as GeoJSON that stops at the end of its document): a request left paused with
   * unread bytes holds its connection forever, so the next request on it would never be
   * answered. Reading on costs the sender's bandwidth only; nothing is kept.
   */
  void discardRest() {
    discarding = true;
    chunks.clear();
    queuedBytes.set(0);
    paused.set(false);
    body.resume();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) return 0;
    if (position == current.length && !nextChunk()) return -1;
    int n = Math.min(length, current.length - position);
    System.arraycopy(current, position, target, offset, n);
    position += n;
    return n;
  }

  private boolean nextChunk() throws IOException {
    if (ended) return false;
    Object next;
    try {
      next = chunks.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the request body", e);
    }
    if (next == END) {
      ended = true;
      return false;
    }
    if (next instanceof Throwable failure) {
      ended = true;
      throw new IOException("the request body failed: " + failure.getMessage(), failure);
    }
    current = (byte[]) next;
    position = 0;
    if (queuedBytes.addAndGet(-current.length) < LOW_WATER && paused.compareAndSet(true, false)) {
      context.runOnContext(v -> body.resume());
    }
    return true;
  }
}
