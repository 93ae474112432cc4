package org.iom.correlator.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3.1 description of the API ({@code openapi.json} on the classpath), served at
 * {@code /openapi.json}. Each operation lists the roles that may call it in {@code x-roles}; a test
 * holds the document, the router and the role table to each other.
 */
public final class ApiDescription {
  private static final Buffer JSON = load();

  private ApiDescription() {}

  public static Buffer json() {
    return JSON;
  }

  public static JsonObject document() {
    return new JsonObject(JSON);
  }

  /**
   * The document without the operations whose request bodies Vert.x OpenAPI cannot read (the
   * streamed CSV / NDJSON / GPX / GeoJSON ingest bodies, checked by their own readers): what
   * request validation is built from.
   */
  public static JsonObject validatable() {
    JsonObject doc = document();
    JsonObject paths = doc.getJsonObject("paths");
    for (String path : java.util.List.copyOf(paths.fieldNames())) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : java.util.List.copyOf(item.fieldNames())) {
        JsonObject body = item.getJsonObject(method).getJsonObject("requestBody");
        boolean onlyJson = body == null || body.getJsonObject("content").fieldNames().equals(java.util.Set.of("application/json"));
        if (!onlyJson) {
          item.remove(method);
        } else {
          // Only requests are validated; responses (SSE, CSV, zip, HTML) stay in the full document.
          item.getJsonObject(method).put("responses", new JsonObject().put("default", new JsonObject().put("description", "see /openapi.json")));
        }
      }
      if (item.isEmpty()) paths.remove(path);
    }
    return doc;
  }

  private static Buffer load() {
    try (InputStream in = ApiDescription.class.getResourceAsStream("/openapi.json")) {
      if (in == null) throw new IllegalStateException("openapi.json is missing from the classpath");
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
