package org.iom.correlator.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.iom.ingest.format.InputFormat;
import org.iom.ingest.format.InputTooLargeException;
import org.iom.ingest.format.InvalidFileException;
import org.iom.ingest.format.ReadOptions;
import org.iom.ingest.format.Rejection;
import org.iom.ingest.format.SizeLimitedInputStream;
import org.iom.ingest.pipeline.IngestPipeline;
import org.iom.ingest.pipeline.IngestSummary;
import org.iom.ingest.pipeline.RecordType;
import org.iom.ingest.pipeline.StoreUnavailableException;

/**
 * {@code POST /v1/<kind>}: streams the body through the kind's reader into the store and answers
 * {@code {"accepted":N,"duplicates":N,"rejected":[{"line":K,"reason":"..."}]}} once every
 * accepted row is committed. 415 for a content type the kind cannot be read from, 413 over the
 * body limit, 400 for a whole-file error, 503 with {@code Retry-After} when the store is down or
 * too many ingests are running (never a silent drop). A 4xx stores nothing, unless the body was
 * longer than one batch and its message says what the batches before the fault committed
 * (docs/bad-input.md).
 *
 * <p>Parsing and writing run on a worker thread; the event loop only moves bytes.
 */
final class IngestHandler implements Handler<RoutingContext> {
  private final Vertx vertx;
  private final RecordType<?> type;
  private final IngestPipeline pipeline;
  private final ReadOptionsFactory readOptions;
  private final ServiceLimits limits;
  private final AtomicInteger running;
  private final StoreMonitor storeMonitor;
  private final IngestMetrics metrics;

  /** Builds the per-request read options (clock, GPX tag id from the query). */
  interface ReadOptionsFactory {
    ReadOptions forRequest(HttpServerRequest request);
  }

  IngestHandler(
      Vertx vertx,
      RecordType<?> type,
      IngestPipeline pipeline,
      ReadOptionsFactory readOptions,
      ServiceLimits limits,
      AtomicInteger running,
      StoreMonitor storeMonitor,
      IngestMetrics metrics) {
    this.vertx = vertx;
    this.type = type;
    this.pipeline = pipeline;
    this.readOptions = readOptions;
    this.limits = limits;
    this.running = running;
    this.storeMonitor = storeMonitor;
    this.metrics = metrics;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    InputFormat format = InputFormat.fromContentType(request.getHeader("Content-Type"))
        .filter(f -> type.supports(f))
        .orElse(null);
    if (format == null) {
      ctx.fail(new ApiError(415, "Content-Type '" + request.getHeader("Content-Type") + "' is not accepted for "
          + type.kind().pathName() + "; send one of " + type.mediaTypes()));
      return;
    }
    String length = request.getHeader("Content-Length");
    if (length != null && parseLong(length) > limits.maxBodyBytes()) {
      ctx.fail(new ApiError(413, "request body of " + length + " bytes is over the limit of "
          + limits.maxBodyBytes() + " bytes; split the file"));
      return;
    }
    if (!storeMonitor.isUp()) {
      ctx.fail(new ApiError(503, "the store is unavailable: " + storeMonitor.lastError(), 5));
      return;
    }
    if (running.incrementAndGet() > limits.maxConcurrentIngests()) {
      running.decrementAndGet();
      metrics.refused(type.kind());
      ctx.fail(new ApiError(503, "the ingest queue is full; retry shortly", 1));
      return;
    }
    ReadOptions options = readOptions.forRequest(request);
    BodyInputStream stream = new BodyInputStream(request, vertx.getOrCreateContext());
    InputStream body = new SizeLimitedInputStream(stream, limits.maxBodyBytes());
    request.resume();
    long started = System.nanoTime();
    vertx.executeBlocking(() -> pipeline.run(type, format, options, body, "http"), false)
        .onComplete(done -> {
          running.decrementAndGet();
          stream.discardRest();
          if (done.succeeded()) {
            IngestSummary summary = done.result();
            metrics.record(type.kind(), summary, System.nanoTime() - started);
            ctx.response()
                .putHeader("Content-Type", "application/json")
                .end(toJson(summary).encode());
          } else {
            ctx.fail(translate(done.cause()));
          }
        });
  }

  private ApiError translate(Throwable failure) {
    if (failure instanceof InvalidFileException invalid) return new ApiError(400, invalid.getMessage());
    if (failure instanceof InputTooLargeException tooLarge) return new ApiError(413, tooLarge.getMessage());
    if (failure instanceof StoreUnavailableException down) {
      storeMonitor.markDown(down.getMessage());
      IngestSummary partial = down.committedSoFar();
      return new ApiError(503, down.getMessage() + "; " + partial.accepted() + " rows were committed before the"
          + " failure; re-send the whole input (stored rows come back as duplicates)", 5);
    }
    if (failure instanceof IllegalArgumentException bad) return new ApiError(400, bad.getMessage());
    if (failure instanceof java.io.IOException io) return new ApiError(400, "the request body could not be read: " + io.getMessage());
    return new ApiError(500, "internal error while ingesting " + type.kind().pathName());
  }

  static JsonObject toJson(IngestSummary summary) {
    JsonArray rejected = new JsonArray();
    for (Rejection r : summary.rejected()) rejected.add(new JsonObject().put("line", r.line()).put("reason", r.reason()));
    JsonArray warnings = new JsonArray();
    for (IngestSummary.Warning w : summary.warnings()) warnings.add(new JsonObject().put("line", w.line()).put("warning", w.message()));
    return new JsonObject()
        .put("accepted", summary.accepted())
        .put("duplicates", summary.duplicates())
        .put("rejected", rejected)
        .put("rejected_count", summary.rejectedCount())
        .put("warnings", warnings);
  }

  private static long parseLong(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
