package org.iom.correlator.zones;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.iom.correlator.alert.AlertDraft;
import org.iom.correlator.alert.AlertEvent;
import org.iom.correlator.alert.AlertFeed;
import org.iom.correlator.alert.AlertKind;
import org.iom.correlator.alert.AlertStore;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.model.Zone;
import org.iom.ingest.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps licence-condition alerts current: after fixes, assignments or zones are committed it
 * re-evaluates the affected offenders over the time the change can affect and syncs their alerts
 * (created or updated by episode key, withdrawn when late data removed the episode); a periodic
 * {@link #tick} catches silences and no-data that grow without new data. An ongoing episode's
 * alert carries no end (so it is not re-sent every tick); it is updated once the episode closes.
 *
 * <p>Work runs in order on one thread of its own (blocking store reads); futures complete when
 * the alerts are stored and published.
 */
public final class LicenceWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LicenceWatch.class);
  /** Around a change: a curfew night is at most 13 h, so episodes touching it are found whole. */
  static final Duration PADDING = Duration.ofHours(14);
  /** How far back a tick looks: silences and no-data are found from their last fix on. */
  static final Duration TICK_LOOKBACK = Duration.ofMinutes(30);
  private static final Duration MAX_WIDENING = Duration.ofDays(31);

  private final Store store;
  private final AlertStore alerts;
  private final AlertFeed feed;
  private final InstantSource clock;
  private final LicenceConditionDetector detector;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "iom-licence-watch");
    t.setDaemon(true);
    return t;
  });

  public LicenceWatch(Store store, AlertStore alerts, AlertFeed feed, LicenceRule rule, InstantSource clock) {
    this.store = store;
    this.alerts = alerts;
    this.feed = feed;
    this.clock = clock;
    this.detector = new LicenceConditionDetector(rule);
  }

  /** Re-evaluates the offenders whose tags the fixes belong to, around the fixes' times. */
  public Future<Void> fixesCommitted(List<Fix> fixes) {
    if (fixes.isEmpty()) return Future.succeededFuture();
    return submit(() -> {
      Map<String, long[]> spanByTag = new HashMap<>();
      for (Fix f : fixes) {
        long t = f.recordedAt().toEpochMilli();
        spanByTag.merge(f.tagId(), new long[] {t, t}, (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
      }
      List<TagAssignment> all = await(store.assignments());
      List<Zone> zones = await(store.zones()); // read once per piece of work, not per offender
      Map<String, Instant[]> byOffender = new LinkedHashMap<>();
      for (TagAssignment a : all) {
        long[] span = spanByTag.get(a.tagId());
        if (span == null || !overlaps(a, span[0], span[1])) continue;
        widen(byOffender, a.offenderId(), Instant.ofEpochMilli(span[0]), Instant.ofEpochMilli(span[1]));
      }
      byOffender.forEach((offender, span) -> evaluate(offender, span[0].minus(PADDING), span[1].plus(PADDING), all, zones));
      return null;
    });
  }

  /** Re-evaluates the offenders of the given assignments over the time they cover. */
  public Future<Void> assignmentsCommitted(List<TagAssignment> changed) {
    return submit(() -> {
      List<TagAssignment> all = await(store.assignments());
      List<Zone> zones = await(store.zones()); // read once per piece of work, not per offender
      Instant now = clock.instant();
      for (TagAssignment a : changed) {
        Instant to = a.removedAt() == null || a.removedAt().isAfter(now) ? now : a.removedAt();
        if (to.isBefore(a.fittedAt())) continue;
        evaluate(a.offenderId(), a.fittedAt().minus(PADDING), to.plus(PADDING), all, zones);
      }
      return null;
    });
  }

  /** Re-evaluates the zones' offenders over {@code lookback} up to now (older episodes stand). */
  public Future<Void> zonesCommitted(List<Zone> changed, Duration lookback) {
    return submit(() -> {
      List<TagAssignment> all = await(store.assignments());
      List<Zone> zones = await(store.zones()); // read once per piece of work, not per offender
      Instant now = clock.instant();
      Set<String> offenders = new TreeSet<>();
      changed.forEach(z -> offenders.add(z.offenderId()));
      for (String o : offenders) evaluate(o, now.minus(lookback), now, all, zones);
      return null;
    });
  }

  /**
   * Evaluates every offender with an assignment over the last {@code lookback}: at start-up, so
   * data stored while the service was down (or loaded before it listened) raises its alerts.
   */
  public Future<Void> catchUp(Duration lookback) {
    return submit(() -> {
      List<TagAssignment> all = await(store.assignments());
      List<Zone> zones = await(store.zones()); // read once per piece of work, not per offender
      Instant now = clock.instant();
      Instant from = now.minus(lookback);
      Set<String> offenders = new TreeSet<>();
      for (TagAssignment a : all) if (overlaps(a, from.toEpochMilli(), now.toEpochMilli())) offenders.add(a.offenderId());
      for (String o : offenders) evaluate(o, from, now, all, zones);
      LOG.info("licence watch: evaluated {} offenders over the last {}", offenders.size(), lookback);
      return null;
    });
  }

  /** Evaluates every offender with a tag fitted now over the last {@link #TICK_LOOKBACK}. */
  public Future<Void> tick() {
    return submit(() -> {
      List<TagAssignment> all = await(store.assignments());
      List<Zone> zones = await(store.zones()); // read once per piece of work, not per offender
      Instant now = clock.instant();
      Set<String> fitted = new TreeSet<>();
      for (TagAssignment a : all) if (a.covers(now)) fitted.add(a.offenderId());
      for (String o : fitted) evaluate(o, now.minus(TICK_LOOKBACK), now, all, zones);
      return null;
    });
  }

  /** Runs {@link #tick} every {@code period}. */
  public void tickEvery(Duration period) {
    thread.scheduleWithFixedDelay(() -> tick().onFailure(e -> LOG.warn("licence watch tick failed: {}", e.toString())),
        period.toMillis(), period.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }

  // ---- on the watch's thread ----

  private void evaluate(String offenderId, Instant from, Instant to, List<TagAssignment> all, List<Zone> allZones) {
    Instant now = clock.instant();
    if (to.isAfter(now)) to = now;
    if (to.isBefore(from)) return;
    List<TagAssignment> own = all.stream().filter(a -> a.offenderId().equals(offenderId)).toList();
    if (own.isEmpty()) return;
    List<Zone> zones = allZones.stream().filter(z -> z.offenderId().equals(offenderId)).toList();
    Instant loadFrom = from;
    Instant loadTo = to;
    Evaluation result;
    while (true) {
      result = detector.evaluate(load(offenderId, own, loadFrom, loadTo), zones, from, to, now);
      if (result.complete() || Duration.between(loadFrom, loadTo).compareTo(MAX_WIDENING) > 0) break;
      Duration span = Duration.between(loadFrom, loadTo).plus(PADDING);
      if (result.needsEarlierData()) loadFrom = loadFrom.minus(span);
      if (result.needsLaterData()) loadTo = loadTo.plus(span).isAfter(now) ? now : loadTo.plus(span);
    }
    List<AlertDraft> drafts = new ArrayList<>();
    for (LicenceEvent e : result.events()) drafts.add(draft(e));
    List<AlertEvent> events = await(alerts.syncLicenceAlerts(offenderId, from, to.plusMillis(1), drafts, now));
    feed.publish(events);
  }

  private OffenderTrail load(String offenderId, List<TagAssignment> own, Instant from, Instant to) {
    OffenderTrail.Builder trail = OffenderTrail.builder(offenderId).assignments(own).covering(from, to);
    Set<String> tags = new TreeSet<>();
    own.forEach(a -> tags.add(a.tagId()));
    for (String tag : tags) {
      await(store.lastFixBefore(tag, from)).ifPresent(trail::fix);
      trail.fixes(await(store.fixes(tag, from, to.plusMillis(1))));
      await(store.firstFixFrom(tag, to.plusMillis(1))).ifPresent(trail::fix);
    }
    return trail.build();
  }

  static AlertDraft draft(LicenceEvent e) {
    AlertKind kind = AlertKind.valueOf(e.kind().name());
    JsonObject evidence = new JsonObject()
        .put("kind", e.kind().name())
        .put("zone_id", e.zoneId())
        .put("tag_id", e.tagId())
        .put("start", e.start().toString())
        .put("ongoing", e.ongoing());
    if (!e.ongoing()) {
      evidence.put("end", e.end().toString()).put("duration_s", e.duration().toMillis() / 1000.0);
    }
    return new AlertDraft(e.key(), kind, e.offenderId(), null, e.zoneId(), e.start(), evidence);
  }

  private static boolean overlaps(TagAssignment a, long from, long to) {
    return a.fittedAt().toEpochMilli() <= to && (a.removedAt() == null || a.removedAt().toEpochMilli() > from);
  }

  private static void widen(Map<String, Instant[]> spans, String offender, Instant from, Instant to) {
    spans.merge(offender, new Instant[] {from, to}, (a, b) -> new Instant[] {
        a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
  }

  private <T> Future<T> submit(Callable<T> work) {
    Promise<T> promise = Promise.promise();
    try {
      thread.execute(() -> {
        try {
          promise.complete(work.call());
        } catch (Throwable e) {
          LOG.warn("licence watch: work failed: {}", e.toString());
          promise.fail(e);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      promise.fail(new IllegalStateException("the licence watch is closed", e));
    }
    return promise.future();
  }

  private static <T> T await(Future<T> future) {
    return future.toCompletionStage().toCompletableFuture().join();
  }
}
