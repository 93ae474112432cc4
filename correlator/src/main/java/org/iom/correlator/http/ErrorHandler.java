package org.iom.correlator.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that turns a failed routing context into a JSON error response. */
final class ErrorHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

  @Override
  public void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    int status;
    String message;
    int retryAfter = 0;
    if (failure instanceof ApiError api) {
      status = api.status();
      message = api.getMessage();
      retryAfter = api.retryAfterSeconds();
    } else if (failure != null) {
      status = 500;
      message = "internal error";
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
    } else {
      status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
      message = switch (status) {
        case 404 -> "no such resource: " + ctx.request().path();
        case 405 -> "method " + ctx.request().method() + " is not allowed on " + ctx.request().path();
        case 413 -> "request body is too large";
        default -> "request failed";
      };
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    if (retryAfter > 0) ctx.response().putHeader("Retry-After", Integer.toString(retryAfter));
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", message).encode());
  }
}
