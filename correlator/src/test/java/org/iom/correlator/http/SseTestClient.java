package org.iom.correlator.http;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a server-sent-events stream on a thread of its own and queues its events. */
final class SseTestClient implements AutoCloseable {
  record Event(long id, String event, JsonObject data) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final HttpResponse<Stream<String>> response;
  private final Thread reader;

  SseTestClient(int port, String path, String lastEventId, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "text/event-stream").GET();
    if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
    if (headers.length > 0) request.headers(headers);
    response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build()
        .send(request.build(), HttpResponse.BodyHandlers.ofLines());
    reader = new Thread(this::read, "sse-test-reader");
    reader.setDaemon(true);
    reader.start();
  }

  int status() {
    return response.statusCode();
  }

  String contentType() {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  private void read() {
    long id = -1;
    String name = null;
    StringBuilder data = new StringBuilder();
    try {
      for (String line : (Iterable<String>) response.body()::iterator) {
        if (line.isEmpty()) {
          if (data.length() > 0) events.add(new Event(id, name, new JsonObject(data.toString())));
          name = null;
          data.setLength(0);
        } else if (line.startsWith("id: ")) {
          id = Long.parseLong(line.substring(4));
        } else if (line.startsWith("event: ")) {
          name = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6));
        }
      }
    } catch (RuntimeException closed) {
      // the stream ended
    }
  }

  /** Waits for {@code count} events, or fails after the timeout listing what came. */
  List<Event> await(int count, Duration timeout) throws InterruptedException {
    List<Event> got = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (got.size() < count) {
      Event e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (e == null) throw new AssertionError("expected " + count + " events, got " + got.size() + ": " + got);
      got.add(e);
    }
    return got;
  }

  /** Events that arrive within the quiet period. */
  List<Event> drain(Duration quiet) throws InterruptedException {
    List<Event> got = new ArrayList<>();
    Event e;
    while ((e = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) got.add(e);
    return got;
  }

  @Override
  public void close() {
    response.body().close();
    reader.interrupt();
  }
}
