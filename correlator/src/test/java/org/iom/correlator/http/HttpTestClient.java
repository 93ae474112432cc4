package org.iom.correlator.http;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small blocking client over the JDK's HttpClient, for tests against a real port. With a
 * token it sends {@code Authorization: Bearer <token>} on every request ({@link #as}).
 */
public final class HttpTestClient {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token;

  public HttpTestClient(int port) {
    this(port, null);
  }

  public HttpTestClient(int port, String token) {
    this.base = "http://localhost:" + port;
    this.token = token;
  }

  /** The same server, calling with another bearer token (null: none). */
  public HttpTestClient as(String otherToken) {
    return new HttpTestClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherToken);
  }

  public Response post(String path, String contentType, String body) {
    return post(path, contentType, HttpRequest.BodyPublishers.ofString(body));
  }

  public Response post(String path, String contentType, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder request = request(path).timeout(Duration.ofSeconds(60)).POST(body);
    if (contentType != null) request.header("Content-Type", contentType);
    return send(request.build());
  }

  public Response get(String path) {
    return send(request(path).GET().build());
  }

  public Response get(String path, String accept) {
    return send(request(path).header("Accept", accept).GET().build());
  }

  public Response delete(String path) {
    return send(request(path).DELETE().build());
  }

  /** Any method, with an optional body (empty when null). */
  public Response send(String method, String path, String contentType, String body) {
    HttpRequest.Builder request = request(path)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) request.header("Content-Type", contentType);
    return send(request.build());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return b;
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null), r.headers());
    } catch (IOException e) {
      throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public record Response(int status, String body, String retryAfter, HttpHeaders headers) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }
}
