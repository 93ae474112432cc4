package org.iom.correlator.http;

import io.vertx.core.Future;
import java.lang.reflect.Proxy;
import org.iom.ingest.store.Store;

/** A store whose every operation fails, as when the database is down. */
final class BrokenStore {
  private BrokenStore() {}

  static Store create() {
    return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "isVolatile" -> false;
          case "describe", "toString" -> "broken store";
          case "close" -> null;
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> Future.failedFuture(new IllegalStateException("connection refused"));
        });
  }
}
