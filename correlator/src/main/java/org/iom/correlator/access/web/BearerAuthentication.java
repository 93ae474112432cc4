package org.iom.correlator.access.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.iom.correlator.access.AccessStore;
import org.iom.correlator.access.TokenHash;
import org.iom.correlator.http.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every request except those for {@link #PUBLIC_PATHS}: it reads
 * {@code Authorization: Bearer <token>}, looks the token's hash up in the {@link AccessStore}
 * and puts the user in the context ({@link Callers#of}). No token, or an unknown or revoked one,
 * is 401 with {@code WWW-Authenticate: Bearer} (RFC 6750). Registered first, on every path, so
 * that an unknown path without a token is also 401 and does not reveal which paths exist.
 *
 * <p>The request is paused during the lookup so that a streamed body (ingest) is not lost, as
 * Vert.x Web's own authentication handlers do. Thread-safe (stateless apart from the store).
 */
public final class BearerAuthentication implements Handler<RoutingContext> {
  /** The only paths answered without a token (compared with the normalised path). */
  public static final Set<String> PUBLIC_PATHS = Set.of("/health", "/metrics", "/openapi.json");
  private static final Logger LOG = LoggerFactory.getLogger(BearerAuthentication.class);
  private static final String SCHEME = "bearer ";
  private static final String CHALLENGE = "Bearer realm=\"iom\"";

  private final AccessStore store;

  public BearerAuthentication(AccessStore store) {
    this.store = store;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (PUBLIC_PATHS.contains(ctx.normalizedPath())) {
      ctx.next();
      return;
    }
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || header.length() <= SCHEME.length()
        || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || header.substring(SCHEME.length()).isBlank()) {
      refuse(ctx, CHALLENGE, "a bearer token is required: send 'Authorization: Bearer <token>'");
      return;
    }
    TokenHash hash = TokenHash.of(header.substring(SCHEME.length()).strip());
    HttpServerRequest request = ctx.request();
    if (!request.isEnded()) request.pause();
    store.authenticate(hash).onComplete(found -> {
      if (!request.isEnded()) request.resume();
      if (found.failed()) {
        LOG.error("token lookup failed", found.cause());
        ctx.fail(new ApiError(503, "the access store is unavailable; try again", 5));
      } else if (found.result().isEmpty()) {
        refuse(ctx, CHALLENGE + ", error=\"invalid_token\"", "the bearer token is unknown or revoked");
      } else {
        Callers.set(ctx, found.result().get());
        ctx.next();
      }
    });
  }

  private static void refuse(RoutingContext ctx, String challenge, String message) {
    ctx.response().putHeader("WWW-Authenticate", challenge);
    ctx.fail(new ApiError(401, message));
  }
}
