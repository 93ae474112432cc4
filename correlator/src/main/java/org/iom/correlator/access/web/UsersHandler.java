package org.iom.correlator.access.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.iom.correlator.access.AccessStore;
import org.iom.correlator.access.Role;
import org.iom.correlator.access.User;
import org.iom.correlator.http.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/users {"name","role"}}: 201 with the user when created, 200 when it already
 * exists with that role, 409 when it exists with another role (roles are not changed through a
 * create). {@code GET /v1/users}: every user. ADMIN only (see {@link AccessRoutes}). Thread-safe.
 */
final class UsersHandler {
  private static final Logger LOG = LoggerFactory.getLogger(UsersHandler.class);
  private final AccessStore store;

  UsersHandler(AccessStore store) {
    this.store = store;
  }

  void create(RoutingContext ctx) {
    User user;
    try {
      JsonObject body = JsonBodies.object(ctx);
      user = new User(JsonBodies.text(body, "name"), Role.parse(JsonBodies.text(body, "role")));
    } catch (ApiError e) {
      ctx.fail(e);
      return;
    } catch (IllegalArgumentException e) {
      ctx.fail(new ApiError(400, e.getMessage()));
      return;
    }
    store.createUser(user).onSuccess(existing -> {
      if (existing.isEmpty()) {
        LOG.info("user '{}' ({}) created by '{}'", user.name(), user.role(), Callers.of(ctx).name());
        reply(ctx, 201, user);
      } else if (existing.get().role() == user.role()) {
        reply(ctx, 200, user);
      } else {
        ctx.fail(new ApiError(409, "user '" + user.name() + "' already exists with role " + existing.get().role()));
      }
    }).onFailure(ctx::fail);
  }

  void list(RoutingContext ctx) {
    store.users().onSuccess(users -> {
      JsonArray all = new JsonArray();
      users.forEach(u -> all.add(json(u)));
      ctx.json(new JsonObject().put("users", all));
    }).onFailure(ctx::fail);
  }

  private static void reply(RoutingContext ctx, int status, User user) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json(user).encode());
  }

  private static JsonObject json(User u) {
    return new JsonObject().put("name", u.name()).put("role", u.role().name());
  }
}
