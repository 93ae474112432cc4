package org.iom.ingest.format;

/**
 * A row that was not accepted, with the physical line number (CSV: the header is line 1;
 * NDJSON: the first object is line 1; GPX/GeoJSON: the line where the element starts) and a
 * reason a person can act on, e.g. {@code recorded_at 'not-a-time' is not an ISO-8601 time}.
 *
 * @param raw the row's text as received (may be truncated for very long rows), or "" if unknown
 */
public record Rejection(long line, String reason, String raw) {
  public static final int MAX_RAW_CHARS = 1_000;

  public Rejection {
    if (reason == null || reason.isBlank()) throw new IllegalArgumentException("a rejection needs a reason");
    raw = raw == null ? "" : raw.length() > MAX_RAW_CHARS ? raw.substring(0, MAX_RAW_CHARS) : raw;
  }

  @Override
  public String toString() {
    return "line " + line + ": " + reason;
  }
}
