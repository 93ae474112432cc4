package org.iom.correlator.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.RequestValidator;

/**
 * Request validation from the API description ({@link ApiDescription#validatable()}): query, path
 * and header parameters of the GET routes, and the JSON bodies of the JSON POST routes, are
 * checked against the document before the handler runs (after authentication and the role check,
 * so a caller without the role learns nothing about the parameters). A failure is a 400 naming the
 * parameter or the field. Handlers keep their own domain checks.
 */
final class OpenApiValidation {
  private final OpenAPIContract contract;
  private final RequestValidator validator;

  private OpenApiValidation(Vertx vertx, OpenAPIContract contract) {
    this.contract = contract;
    this.validator = RequestValidator.create(vertx, contract);
  }

  static Future<OpenApiValidation> load(Vertx vertx) {
    return OpenAPIContract.from(vertx, ApiDescription.validatable()).map(c -> new OpenApiValidation(vertx, c));
  }

  /** Checks a bodiless request's parameters against the operation. */
  Handler<RoutingContext> parameters(String operationId) {
    contract.operation(operationId); // fails at start-up for an unknown id
    return ctx -> validator.validate(ctx.request(), operationId)
        .onSuccess(valid -> ctx.next())
        .onFailure(e -> ctx.fail(new ApiError(400, "request does not match the API description: " + e.getMessage())));
  }

  /** Checks a JSON body (already read by a BodyHandler) against the operation's request schema. */
  Handler<RoutingContext> jsonBody(String operationId) {
    var schema = contract.operation(operationId).getRequestBody().getContent().get("application/json").getSchema();
    var bodyValidator = contract.getSchemaRepository().validator(schema);
    return ctx -> {
      Object body;
      try {
        body = ctx.body().buffer() == null ? null : Json.decodeValue(ctx.body().buffer());
      } catch (DecodeException e) {
        ctx.fail(new ApiError(400, "the body is not JSON: " + e.getMessage()));
        return;
      }
      OutputUnit result = bodyValidator.validate(body);
      if (Boolean.TRUE.equals(result.getValid())) {
        ctx.next();
        return;
      }
      ctx.fail(new ApiError(400, "the body does not match the API description: " + describe(result)));
    };
  }

  private static String describe(OutputUnit result) {
    OutputUnit first = result;
    while (first.getErrors() != null && !first.getErrors().isEmpty()) first = first.getErrors().get(0);
    String where = first.getInstanceLocation() == null || first.getInstanceLocation().isEmpty() ? "body" : first.getInstanceLocation();
    return where + ": " + first.getError();
  }
}
