package org.iom.ingest.format;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 date-times with an offset or {@code Z}, to UTC instants. The shapes tag exports use
 * ({@code 2025-03-01T12:34:56Z}, {@code ...56.123Z}, {@code ...56+01:00}) are parsed by hand,
 * without allocation beyond the result or exceptions; anything else goes to
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}. A time without an offset is refused: its UTC
 * instant would be a guess. Stateless.
 */
final class IsoTimes {
  private static final long DAYS_0000_TO_1970 = 719_528L;

  private IsoTimes() {}

  /** The instant, or null when the text is not an ISO-8601 date-time with an offset. */
  static Instant parse(String s) {
    Instant fast = parseCommonShape(s);
    if (fast != null) return fast;
    try {
      return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** True when the text is a valid ISO-8601 local date-time, i.e. only the offset is missing. */
  static boolean lacksOnlyOffset(String s) {
    try {
      LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)}; null for any other shape or a bad value. */
  static Instant parseCommonShape(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') nanos = nanos * 10 + (s.charAt(i++) - '0');
      int fractionDigits = i - start;
      if (fractionDigits == 0 || fractionDigits > 9) return null;
      for (int k = fractionDigits; k < 9; k++) nanos *= 10;
    }
    if (i >= n) return null;
    int offsetSeconds;
    char c = s.charAt(i);
    if (c == 'Z' && i == n - 1) {
      offsetSeconds = 0;
    } else if ((c == '+' || c == '-') && i == n - 6 && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if (oh < 0 || oh > 18 || om < 0 || om > 59) return null;
      offsetSeconds = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
    } else {
      return null;
    }
    long epochSecond = epochDay(year, month, day) * 86_400L
        + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return -1;
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isLeap(int year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  private static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2: return isLeap(year) ? 29 : 28;
      case 4: case 6: case 9: case 11: return 30;
      default: return 31;
    }
  }

  /** Same arithmetic as {@code LocalDate.toEpochDay} for years 0..9999. */
  private static long epochDay(int year, int month, int day) {
    long y = year;
    long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    total += (367L * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      if (!isLeap(year)) total--;
    }
    return total - DAYS_0000_TO_1970;
  }
}
