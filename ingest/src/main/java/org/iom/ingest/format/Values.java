package org.iom.ingest.format;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Typed reads of one {@link Fields} slot. Every failure is a {@link BadRowException} whose
 * message names the field and quotes the value, in words a person can act on. Stateless.
 */
final class Values {
  /**
   * Times and dates outside these years (of the UTC instant) are refused as rows: the stores
   * cannot keep them (fix partitions are named by year, see {@code FixBatch.MIN_YEAR}), and no
   * tag, crime or conviction is that old or that far ahead. Without this a row such as
   * {@code 0999-12-31T23:59:59Z} reached the store, failed the whole batch and was answered 503.
   */
  static final int MIN_YEAR = 1000, MAX_YEAR = 9999;

  private Values() {}

  static String required(Fields row, int slot) {
    String v = row.get(slot);
    if (v == null) throw new BadRowException(row.name(slot) + " is required");
    return v;
  }

  static Instant requiredInstant(Fields row, int slot) {
    return instant(row, slot, required(row, slot));
  }

  /** Null when the value is absent. */
  static Instant optionalInstant(Fields row, int slot) {
    String v = row.get(slot);
    return v == null ? null : instant(row, slot, v);
  }

  private static Instant instant(Fields row, int slot, String v) {
    Instant t = IsoTimes.parse(v);
    if (t != null) {
      int year = t.atOffset(ZoneOffset.UTC).getYear();
      if (year < MIN_YEAR || year > MAX_YEAR) throw outsideYears(row, slot, v);
      return t;
    }
    if (IsoTimes.lacksOnlyOffset(v)) {
      throw new BadRowException(row.name(slot) + " '" + v + "' has no UTC offset; add Z for UTC or an offset such as +01:00");
    }
    throw new BadRowException(row.name(slot) + " '" + v
        + "' is not an ISO-8601 time with an offset or Z (e.g. 2025-03-01T12:34:56Z)");
  }

  static LocalDate requiredDate(Fields row, int slot) {
    return date(row, slot, required(row, slot));
  }

  static LocalDate optionalDate(Fields row, int slot) {
    String v = row.get(slot);
    return v == null ? null : date(row, slot, v);
  }

  private static LocalDate date(Fields row, int slot, String v) {
    LocalDate d = null;
    try {
      if (v.length() == 10) d = LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      // falls through to the message below
    }
    if (d == null) {
      throw new BadRowException(row.name(slot) + " '" + v + "' is not a date in yyyy-MM-dd form (e.g. 2025-03-01)");
    }
    if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) throw outsideYears(row, slot, v);
    return d;
  }

  private static BadRowException outsideYears(Fields row, int slot, String v) {
    return new BadRowException(row.name(slot) + " '" + v + "' is outside the years " + MIN_YEAR + "-" + MAX_YEAR
        + " (UTC) that can be stored; check the year");
  }

  static double requiredNumber(Fields row, int slot) {
    return number(row, slot, required(row, slot));
  }

  static Double optionalNumber(Fields row, int slot) {
    String v = row.get(slot);
    return v == null ? null : number(row, slot, v);
  }

  private static double number(Fields row, int slot, String v) {
    double d = FastDecimal.parse(v);
    if (!Double.isNaN(d)) return d;
    throw new BadRowException(row.name(slot) + " '" + v + "' is not "
        + (looksNonFinite(v) ? "a finite number" : "a number"));
  }

  static Integer optionalInt(Fields row, int slot) {
    String v = row.get(slot);
    if (v == null) return null;
    Integer i = FastDecimal.parseInt(v);
    if (i == null) throw new BadRowException(row.name(slot) + " '" + v + "' is not a whole number");
    return i;
  }

  private static boolean looksNonFinite(String v) {
    String s = v.startsWith("-") || v.startsWith("+") ? v.substring(1) : v;
    return s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("infinity") || s.equalsIgnoreCase("inf");
  }
}
