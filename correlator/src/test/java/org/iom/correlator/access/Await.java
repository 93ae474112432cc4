package org.iom.correlator.access;

import io.vertx.core.Future;
import java.util.concurrent.CompletionException;

/** Blocking on a Vert.x future from a test thread, unwrapping the failure. */
final class Await {
  private Await() {}

  static <T> T result(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw e;
    }
  }

  static Throwable failure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().join();
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected the future to fail");
  }
}
