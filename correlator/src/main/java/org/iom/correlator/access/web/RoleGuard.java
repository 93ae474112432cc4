package org.iom.correlator.access.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.iom.correlator.access.Role;
import org.iom.correlator.access.User;
import org.iom.correlator.http.ApiError;

/**
 * The first handler of a protected route: lets the request on when the authenticated caller's
 * role is one of {@link #allowed()}, else 403 naming the caller's role and the roles that may call
 * the route. Immutable and thread-safe.
 */
public final class RoleGuard implements Handler<RoutingContext> {
  private final Set<Role> allowed;

  public RoleGuard(Set<Role> allowed) {
    if (allowed.isEmpty()) throw new IllegalArgumentException("a route needs at least one role");
    this.allowed = Set.copyOf(EnumSet.copyOf(allowed));
  }

  public Set<Role> allowed() {
    return allowed;
  }

  @Override
  public void handle(RoutingContext ctx) {
    User caller = Callers.of(ctx);
    if (allowed.contains(caller.role())) {
      ctx.next();
      return;
    }
    String roles = EnumSet.copyOf(allowed).stream().map(Role::name).collect(Collectors.joining(", "));
    String path = ctx.currentRoute() != null && ctx.currentRoute().getPath() != null
        ? ctx.currentRoute().getPath() : ctx.request().path();
    ctx.fail(new ApiError(403, "user '" + caller.name() + "' has role " + caller.role() + "; "
        + ctx.request().method() + " " + path + " is for " + roles + " only"));
  }
}
