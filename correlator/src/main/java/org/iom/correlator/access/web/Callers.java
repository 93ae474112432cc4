package org.iom.correlator.access.web;

import io.vertx.ext.web.RoutingContext;
import org.iom.correlator.access.User;

/** Where {@link BearerAuthentication} leaves the authenticated caller in a routing context. */
public final class Callers {
  static final String KEY = "iom.caller";

  private Callers() {}

  /**
   * The user who sent this request.
   *
   * @throws IllegalStateException on a route that {@link BearerAuthentication} did not run for
   *     (a public route): a programming error, answered as 500
   */
  public static User of(RoutingContext ctx) {
    User user = ctx.get(KEY);
    if (user == null) throw new IllegalStateException("no authenticated caller on " + ctx.request().path());
    return user;
  }

  static void set(RoutingContext ctx, User user) {
    ctx.put(KEY, user);
  }
}
