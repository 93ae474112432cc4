package org.iom.ingest.format;

import java.time.Duration;

/** Durations in words for messages. */
final class Durations {
  private Durations() {}

  static String words(Duration d) {
    long s = d.getSeconds();
    if (s % 3600 == 0 && s > 0) return plural(s / 3600, "hour");
    if (s % 60 == 0 && s > 0) return plural(s / 60, "minute");
    return plural(s, "second");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
