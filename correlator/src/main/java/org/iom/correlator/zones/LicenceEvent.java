package org.iom.correlator.zones;

import java.time.Duration;
import java.time.Instant;

/**
 * One licence-condition episode. Times are UTC instants to the millisecond (exact boundary
 * crossings rounded to the nearest millisecond); the interval is closed, {@code [start, end]}.
 *
 * <p>{@link #key} is the idempotent identity of the episode: kind, offender, zone (or tag for
 * {@code TAG_SILENT}) and the start instant. Re-running on the same data, or on data extended later
 * in time, gives the same key for the same episode, while its {@code end} and {@code ongoing} may
 * move on. Late data that changes where an episode starts (a buffered fix landing in a gap, an
 * edited polygon) yields a different key: the old episode is then simply no longer produced.
 *
 * @param zoneId   the zone, or null for {@code TAG_SILENT}
 * @param tagId    the silent tag for {@code TAG_SILENT}; null for zone kinds (an episode may draw
 *                 on more than one of the offender's tags)
 * @param start    ZONE_EXCLUSION: entry (or the schedule's start while already inside);
 *                 CURFEW_BREACH: first instant outside the tolerance while active;
 *                 CURFEW_NO_DATA: start of the gap's overlap with the active curfew;
 *                 TAG_SILENT: the last fix before the silence (or fitted_at when there was none)
 * @param end      the matching exit, end of overlap or next fix; for an ongoing episode the last
 *                 instant known so far (the last fix, or {@code now} for no-data and silence)
 * @param ongoing  the episode reaches the end of the data received and may still go on
 * @param duration {@code end - start}, which for the zone kinds is all schedule-active time
 */
public record LicenceEvent(
    String key,
    LicenceEventKind kind,
    String offenderId,
    String zoneId,
    String tagId,
    Instant start,
    Instant end,
    boolean ongoing,
    Duration duration) {

  public LicenceEvent {
    if (kind == null || offenderId == null || start == null || end == null) {
      throw new IllegalArgumentException("kind, offender, start and end are required");
    }
    if (end.isBefore(start)) throw new IllegalArgumentException("episode ends before it starts");
    if ((kind == LicenceEventKind.TAG_SILENT) != (zoneId == null)) {
      throw new IllegalArgumentException("a zone id is required for zone kinds and absent for TAG_SILENT");
    }
    if (kind == LicenceEventKind.TAG_SILENT && tagId == null) throw new IllegalArgumentException("TAG_SILENT needs its tag");
    String expected = keyOf(kind, offenderId, zoneId != null ? zoneId : tagId, start);
    if (key == null) key = expected;
    else if (!key.equals(expected)) throw new IllegalArgumentException("key " + key + " does not match the episode " + expected);
    if (duration == null) duration = Duration.between(start, end);
  }

  static LicenceEvent of(LicenceEventKind kind, String offenderId, String zoneId, String tagId,
      long startMs, long endMs, boolean ongoing) {
    Instant start = Instant.ofEpochMilli(startMs);
    Instant end = Instant.ofEpochMilli(endMs);
    return new LicenceEvent(null, kind, offenderId, zoneId, tagId, start, end, ongoing, Duration.ofMillis(endMs - startMs));
  }

  /** {@code KIND|offender|zone-or-tag|start epoch ms}, e.g. {@code CURFEW_BREACH|O-1|ZC-1|1743274800000}. */
  public static String keyOf(LicenceEventKind kind, String offenderId, String zoneOrTagId, Instant start) {
    return kind + "|" + offenderId + "|" + zoneOrTagId + "|" + start.toEpochMilli();
  }
}
