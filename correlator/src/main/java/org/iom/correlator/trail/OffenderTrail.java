package org.iom.correlator.trail;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.store.Store;

/**
 * An offender's trail over a closed interval as GeoJSON (RFC 7946, WGS84 lon/lat): a
 * FeatureCollection with one LineString per run of the offender's fixes that are segments under
 * the matching rule (same assignment, at most {@code maxGap} apart), so gaps and changes of tag
 * show as breaks; a lone fix is a Point. Each feature carries {@code offender_id}, {@code tag_id},
 * {@code from}, {@code to} and {@code times} (one ISO-8601 UTC instant per coordinate).
 */
public final class OffenderTrail {
  private OffenderTrail() {}

  /** Reads the offender's attributed fixes with {@code from <= t <= to} and builds the collection. */
  public static Future<JsonObject> load(Store store, String offenderId, Instant from, Instant to, Duration maxGap) {
    return store.assignments().compose(all -> {
      List<TagAssignment> own = all.stream().filter(a -> a.offenderId().equals(offenderId))
          .filter(a -> !a.fittedAt().isAfter(to) && (a.removedAt() == null || a.removedAt().isAfter(from))).toList();
      List<Future<List<Fix>>> reads = new ArrayList<>();
      for (TagAssignment a : own) {
        Instant start = a.fittedAt().isAfter(from) ? a.fittedAt() : from;
        Instant endExclusive = to.plusNanos(1);
        if (a.removedAt() != null && a.removedAt().isBefore(endExclusive)) endExclusive = a.removedAt();
        reads.add(store.fixes(a.tagId(), start, endExclusive));
      }
      return Future.all(reads).map(done -> {
        JsonArray features = new JsonArray();
        long gapMillis = maxGap.toMillis();
        for (int i = 0; i < own.size(); i++) {
          addRuns(features, offenderId, own.get(i).tagId(), done.resultAt(i), gapMillis);
        }
        return new JsonObject().put("type", "FeatureCollection").put("features", features);
      });
    });
  }

  private static void addRuns(JsonArray features, String offenderId, String tagId, List<Fix> fixes, long gapMillis) {
    int start = 0;
    for (int i = 1; i <= fixes.size(); i++) {
      boolean breaks = i == fixes.size()
          || fixes.get(i).recordedAt().toEpochMilli() - fixes.get(i - 1).recordedAt().toEpochMilli() > gapMillis;
      if (breaks) {
        features.add(feature(offenderId, tagId, fixes.subList(start, i)));
        start = i;
      }
    }
  }

  private static JsonObject feature(String offenderId, String tagId, List<Fix> run) {
    JsonArray coordinates = new JsonArray();
    JsonArray times = new JsonArray();
    for (Fix f : run) {
      coordinates.add(new JsonArray().add(f.position().lon()).add(f.position().lat()));
      times.add(f.recordedAt().toString());
    }
    JsonObject geometry = run.size() == 1
        ? new JsonObject().put("type", "Point").put("coordinates", coordinates.getJsonArray(0))
        : new JsonObject().put("type", "LineString").put("coordinates", coordinates);
    return new JsonObject().put("type", "Feature").put("geometry", geometry).put("properties", new JsonObject()
        .put("offender_id", offenderId).put("tag_id", tagId)
        .put("from", run.get(0).recordedAt().toString()).put("to", run.get(run.size() - 1).recordedAt().toString())
        .put("times", times));
  }
}
