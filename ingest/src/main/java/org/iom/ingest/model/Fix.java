package org.iom.ingest.model;

import java.time.Instant;
import org.iom.ingest.geo.Position;

/**
 * One GPS fix reported by a tag. Keyed by {@code (tagId, recordedAt)}: a re-sent identical fix
 * is a duplicate, the same key at another place is a conflict (the first one is kept).
 *
 * @param recordedAt when the tag took the fix, UTC
 * @param accuracyM  reported horizontal accuracy in metres, or null
 * @param speedKmh   reported speed in km/h, or null
 * @param batteryPct battery level 0..100, or null
 * @param event      free-text event from the device (e.g. {@code TAMPER}), or null
 */
public record Fix(
    String tagId,
    Instant recordedAt,
    Position position,
    Double accuracyM,
    Double speedKmh,
    Integer batteryPct,
    String event) {

  public Fix {
    tagId = Require.id(tagId, "tag_id");
    Require.present(recordedAt, "recorded_at");
    Require.present(position, "position");
    Require.finiteOrNull(accuracyM, "accuracy_m");
    Require.finiteOrNull(speedKmh, "speed_kmh");
    if (accuracyM != null && accuracyM < 0) throw new IllegalArgumentException("accuracy_m must not be negative");
    if (batteryPct != null && (batteryPct < 0 || batteryPct > 100)) {
      throw new IllegalArgumentException("battery_pct " + batteryPct + " is outside 0..100");
    }
    event = Require.blankToNull(event);
  }

  public static Fix of(String tagId, Instant recordedAt, Position position) {
    return new Fix(tagId, recordedAt, position, null, null, null, null);
  }

  /** True when {@code other} has the same key and the same place (a re-sent fix). */
  public boolean sameFixAs(Fix other) {
    return tagId.equals(other.tagId)
        && recordedAt.equals(other.recordedAt)
        && position.samePlaceAs(other.position);
  }
}
