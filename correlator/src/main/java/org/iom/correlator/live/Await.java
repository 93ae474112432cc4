package org.iom.correlator.live;

import io.vertx.core.Future;
import java.util.concurrent.CompletionException;

/** Blocks the correlator's own thread on a store future (never called on an event loop). */
final class Await {
  private Await() {}

  static <T> T of(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw e;
    }
  }
}
