package org.iom.correlator.access.web;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.iom.correlator.access.Access;
import org.iom.correlator.access.Role;

/**
 * Access control on a {@link Router}, in three calls from the class that wires the routes:
 * <ol>
 *   <li>{@link #install} first: authentication on every path but the public ones, and the
 *       ADMIN routes {@code POST/GET /v1/users}, {@code POST/GET /v1/tokens},
 *       {@code DELETE /v1/tokens/:id} and {@code GET /v1/audit};</li>
 *   <li>{@link #allow} on each of the service's other routes, naming who may call it;</li>
 *   <li>{@link #checkEveryRouteIsGuarded} last: a route with a path that is neither public nor
 *       given roles stops the start-up, so forgetting {@link #allow} cannot open a route to every
 *       authenticated caller.</li>
 * </ol>
 * Handlers that read location data, matches or alert evidence record the read through
 * {@link #auditTrail()}. Not thread-safe while routes are being added (start-up); the handlers
 * it installs are.
 */
public final class AccessRoutes {
  private static final long ADMIN_BODY_LIMIT = 64 * 1024;

  private final Access access;
  private final AuditTrail trail;
  private final Set<Route> guarded = Collections.newSetFromMap(new IdentityHashMap<>());

  public AccessRoutes(Access access) {
    this.access = access;
    this.trail = new AuditTrail(access.audit(), access.clock());
  }

  /** Authentication for every later route, then the user, token and audit routes. Call before any other route. */
  public void install(Router router) {
    router.route().handler(new BearerAuthentication(access.store()));
    BodyHandler json = BodyHandler.create(false).setBodyLimit(ADMIN_BODY_LIMIT);
    UsersHandler users = new UsersHandler(access.store());
    TokensHandler tokens = new TokensHandler(access);
    AuditQueryHandler audit = new AuditQueryHandler(access.audit(), trail);
    allow(router.post("/v1/users").handler(json), Role.ADMIN).handler(users::create);
    allow(router.get("/v1/users"), Role.ADMIN).handler(users::list);
    allow(router.post("/v1/tokens").handler(json), Role.ADMIN).handler(tokens::create);
    allow(router.get("/v1/tokens"), Role.ADMIN).handler(tokens::list);
    allow(router.delete("/v1/tokens/:id"), Role.ADMIN).handler(tokens::revoke);
    allow(router.get("/v1/audit"), Role.ADMIN).handler(audit::handle);
  }

  /**
   * Only callers with one of {@code roles} get past this point of the route (others get 403).
   * Vert.x Web wants a {@code BodyHandler} before any ordinary handler of a route, so add it to
   * the route before calling this (the caller is already authenticated by then).
   *
   * @return the route, to add its handlers to
   */
  public Route allow(Route route, Role... roles) {
    route.handler(new RoleGuard(Set.of(roles)));
    guarded.add(route);
    return route;
  }

  /**
   * Throws {@link IllegalStateException} naming every route that has a path, is not public and
   * was not given roles with {@link #allow}.
   */
  public void checkEveryRouteIsGuarded(Router router) {
    List<String> open = router.getRoutes().stream()
        .filter(r -> r.getPath() != null && !BearerAuthentication.PUBLIC_PATHS.contains(r.getPath()))
        .filter(r -> !guarded.contains(r))
        .map(r -> (r.methods() == null ? "*" : r.methods()) + " " + r.getPath())
        .toList();
    if (!open.isEmpty()) {
      throw new IllegalStateException("routes without roles (declare who may call them with AccessRoutes.allow): " + open);
    }
  }

  /** For handlers that must record their reads in the audit log. */
  public AuditTrail auditTrail() {
    return trail;
  }
}
