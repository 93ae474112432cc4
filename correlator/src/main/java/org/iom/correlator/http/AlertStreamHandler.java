package org.iom.correlator.http;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayDeque;
import java.util.List;
import org.iom.correlator.access.web.AuditTrail;
import org.iom.correlator.alert.AlertEvent;

/**
 * {@code GET /v1/alerts/stream}: server-sent events, one {@code event: alert} per stored alert
 * event the caller may see (an IOM manager: their caseload), {@code id:} the event id and
 * {@code data:} the alert as JSON after the event. A client that reconnects with
 * {@code Last-Event-ID} (or {@code ?last_event_id=}) first receives every visible event after
 * that id, from the store, then live ones, each once. A comment line every
 * {@link #HEARTBEAT_MS} keeps proxies from closing the connection.
 *
 * <p>A client that stops reading is dropped once its connection's write queue is full (Vert.x
 * bounds it): publishing never waits for a client, so ingest and other clients are not held up.
 * The dropped client resumes from its last id.
 */
final class AlertStreamHandler implements Handler<RoutingContext> {
  static final long HEARTBEAT_MS = 15_000;
  static final int WRITE_QUEUE_BYTES = 256 * 1024;
  private static final int REPLAY_PAGE = 500;

  private final Vertx vertx;
  private final AlertAccess alerts;
  private final Viewers viewers;
  private final AuditTrail audit;

  AlertStreamHandler(Vertx vertx, AlertAccess alerts, Viewers viewers, AuditTrail audit) {
    this.vertx = vertx;
    this.alerts = alerts;
    this.viewers = viewers;
    this.audit = audit;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long lastId;
    try {
      lastId = lastEventId(ctx);
    } catch (NumberFormatException e) {
      ctx.fail(new ApiError(400, "Last-Event-ID must be a whole number"));
      return;
    }
    // The stream's opening is audited; the alerts it then carries are the caller's own caseload's.
    viewers.of(ctx).compose(viewer -> audit.record(ctx, null, null, "live alerts", 0).map(recorded -> viewer))
        .onSuccess(viewer -> new Stream(ctx, viewer, lastId).open()).onFailure(ctx::fail);
  }

  private static long lastEventId(RoutingContext ctx) {
    String header = ctx.request().getHeader("Last-Event-ID");
    String raw = header != null ? header : ctx.request().getParam("last_event_id");
    return raw == null || raw.isBlank() ? -1 : Long.parseLong(raw.strip());
  }

  /** One client's stream. All its state is touched only on its connection's context. */
  private final class Stream {
    private final RoutingContext ctx;
    private final HttpServerResponse response;
    private final Viewers.Viewer viewer;
    private final Context context;
    private long sentUpTo;
    private boolean replaying;
    private final ArrayDeque<AlertEvent> heldDuringReplay = new ArrayDeque<>();
    private boolean closed;
    private Runnable unsubscribe = () -> {};
    private long heartbeat = -1;

    Stream(RoutingContext ctx, Viewers.Viewer viewer, long lastId) {
      this.ctx = ctx;
      this.response = ctx.response();
      this.viewer = viewer;
      this.context = vertx.getOrCreateContext();
      this.sentUpTo = lastId;
      this.replaying = lastId >= 0;
    }

    void open() {
      response.setChunked(true).setWriteQueueMaxSize(WRITE_QUEUE_BYTES)
          .putHeader("Content-Type", "text/event-stream; charset=utf-8")
          .putHeader("Cache-Control", "no-cache")
          .putHeader("X-Accel-Buffering", "no");
      response.write(": connected\n\n");
      response.closeHandler(v -> close());
      unsubscribe = alerts.feed().subscribe(event -> context.runOnContext(v -> onLive(event)));
      heartbeat = vertx.setPeriodic(HEARTBEAT_MS, id -> {
        if (!closed) response.write(": heartbeat\n\n");
      });
      if (replaying) replay();
    }

    private void replay() {
      alerts.store().eventsAfter(sentUpTo, REPLAY_PAGE).onComplete(done -> context.runOnContext(v -> {
        if (closed) return;
        if (done.failed()) {
          close();
          return;
        }
        List<AlertEvent> page = done.result();
        page.forEach(this::send);
        if (page.size() == REPLAY_PAGE) {
          replay();
          return;
        }
        replaying = false;
        while (!heldDuringReplay.isEmpty()) send(heldDuringReplay.poll());
      }));
    }

    private void onLive(AlertEvent event) {
      if (closed) return;
      if (replaying) {
        heldDuringReplay.add(event);
        return;
      }
      send(event);
    }

    private void send(AlertEvent event) {
      if (closed || event.eventId() <= sentUpTo) return;
      sentUpTo = event.eventId();
      if (!viewer.sees(event.alert().offenderId())) return;
      if (response.writeQueueFull()) {
        // The client is not reading: drop it rather than buffer without bound; it resumes by id.
        close();
        return;
      }
      response.write("id: " + event.eventId() + "\nevent: alert\ndata: " + event.alert().toJson().encode() + "\n\n");
    }

    private void close() {
      if (closed) return;
      closed = true;
      unsubscribe.run();
      if (heartbeat >= 0) vertx.cancelTimer(heartbeat);
      if (!response.closed()) ctx.request().connection().close();
    }
  }
}
