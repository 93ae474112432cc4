package org.iom.ingest.model;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * When a licence-condition zone is active: {@code always}, or a daily local-time range in
 * Europe/London such as {@code 19:00-07:00} (start inclusive, end exclusive; a range whose end is
 * not after its start spans midnight). Local wall-clock time, so both daylight-saving changes are
 * handled by the calendar, not by fixed offsets.
 *
 * @param start null for {@code always}
 * @param end   null for {@code always}
 */
public record ZoneSchedule(LocalTime start, LocalTime end) {
  public static final ZoneId LONDON = ZoneId.of("Europe/London");
  public static final ZoneSchedule ALWAYS = new ZoneSchedule(null, null);

  public ZoneSchedule {
    if ((start == null) != (end == null)) throw new IllegalArgumentException("schedule needs both a start and an end");
    if (start != null && start.equals(end)) {
      throw new IllegalArgumentException("schedule start and end are equal; write 'always' for all day");
    }
  }

  /** Parses {@code always} or {@code HH:mm-HH:mm}. */
  public static ZoneSchedule parse(String text) {
    if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("always")) return ALWAYS;
    String[] parts = text.strip().split("-");
    if (parts.length != 2) {
      throw new IllegalArgumentException("schedule '" + text + "' is neither 'always' nor 'HH:mm-HH:mm'");
    }
    try {
      return new ZoneSchedule(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("schedule '" + text + "' is neither 'always' nor 'HH:mm-HH:mm'");
    }
  }

  public boolean isAlways() {
    return start == null;
  }

  /** Whether the schedule is active at the instant, judged on Europe/London wall-clock time. */
  public boolean isActiveAt(Instant t) {
    if (isAlways()) return true;
    LocalTime local = t.atZone(LONDON).toLocalTime();
    if (start.isBefore(end)) return !local.isBefore(start) && local.isBefore(end);
    return !local.isBefore(start) || local.isBefore(end);
  }

  @Override
  public String toString() {
    return isAlways() ? "always" : start + "-" + end;
  }
}
