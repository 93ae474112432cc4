package org.iom.correlator.access.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.iom.correlator.access.Access;
import org.iom.correlator.access.StoredToken;
import org.iom.correlator.http.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens, ADMIN only (see {@link AccessRoutes}):
 * <ul>
 *   <li>{@code POST /v1/tokens {"user"}}: 201 {@code {"id","user","token","created_at"}}; the
 *       token appears in this answer and nowhere else, ever (the store keeps its hash), so the
 *       answer is marked {@code Cache-Control: no-store};</li>
 *   <li>{@code GET /v1/tokens?user=NAME}: that user's tokens by id, without secrets or hashes;</li>
 *   <li>{@code DELETE /v1/tokens/:id}: revokes the token at once; 404 when there is no active
 *       token with that id.</li>
 * </ul>
 * Thread-safe.
 */
final class TokensHandler {
  private static final Logger LOG = LoggerFactory.getLogger(TokensHandler.class);
  private final Access access;

  TokensHandler(Access access) {
    this.access = access;
  }

  void create(RoutingContext ctx) {
    String user;
    try {
      user = JsonBodies.text(JsonBodies.object(ctx), "user");
    } catch (ApiError e) {
      ctx.fail(e);
      return;
    }
    access.store().user(user)
        .compose(found -> found.isPresent()
            ? access.issue(user)
            : Future.failedFuture(new ApiError(404, "no user '" + user + "'; create it with POST /v1/users")))
        .onSuccess(issued -> {
          LOG.info("token {} issued to '{}' by '{}'", issued.stored().id(), user, Callers.of(ctx).name());
          ctx.response().setStatusCode(201)
              .putHeader("Content-Type", "application/json")
              .putHeader("Cache-Control", "no-store")
              .end(json(issued.stored()).put("token", issued.token().secret()).encode());
        })
        .onFailure(ctx::fail);
  }

  void list(RoutingContext ctx) {
    String user = ctx.request().getParam("user");
    if (user == null || user.isBlank()) {
      ctx.fail(new ApiError(400, "query parameter 'user' is required"));
      return;
    }
    access.store().tokens(user.strip()).onSuccess(tokens -> {
      JsonArray all = new JsonArray();
      tokens.forEach(t -> all.add(json(t)));
      ctx.json(new JsonObject().put("tokens", all));
    }).onFailure(ctx::fail);
  }

  void revoke(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    access.store().revoke(id, access.clock().instant()).onSuccess(revoked -> {
      if (!revoked) {
        ctx.fail(new ApiError(404, "no active token with id '" + id + "'"));
        return;
      }
      LOG.info("token {} revoked by '{}'", id, Callers.of(ctx).name());
      ctx.json(new JsonObject().put("id", id).put("revoked", true));
    }).onFailure(ctx::fail);
  }

  private static JsonObject json(StoredToken t) {
    return new JsonObject().put("id", t.id()).put("user", t.user())
        .put("created_at", t.createdAt().toString())
        .put("revoked_at", t.revokedAt() == null ? null : t.revokedAt().toString());
  }
}
