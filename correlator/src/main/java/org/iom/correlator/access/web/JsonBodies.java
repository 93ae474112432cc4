package org.iom.correlator.access.web;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.iom.correlator.http.ApiError;

/** Reading the small JSON request bodies of the admin endpoints, with 400s that say what is wrong. */
final class JsonBodies {
  private JsonBodies() {}

  /** The body as a JSON object; throws {@link ApiError} 400 when it is empty or not one. */
  static JsonObject object(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) throw new ApiError(400, "the body must be a JSON object");
      return body;
    } catch (DecodeException | ClassCastException e) {
      throw new ApiError(400, "the body is not a JSON object: " + e.getMessage());
    }
  }

  /** A required string field; throws {@link ApiError} 400 when missing, blank or not a string. */
  static String text(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new ApiError(400, "field '" + field + "' is required and must be a non-empty string");
    }
    return s.strip();
  }
}
