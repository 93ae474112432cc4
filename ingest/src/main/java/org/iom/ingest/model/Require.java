package org.iom.ingest.model;

import java.time.Instant;

/** Compact-constructor checks shared by the domain records. Messages name the field. */
final class Require {
  private Require() {}

  static String id(String value, String field) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException(field + " is required");
    return value.strip();
  }

  static <T> T present(T value, String field) {
    if (value == null) throw new IllegalArgumentException(field + " is required");
    return value;
  }

  static Double finiteOrNull(Double value, String field) {
    if (value != null && !Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be a finite number");
    }
    return value;
  }

  static void notBefore(Instant later, Instant earlier, String laterField, String earlierField) {
    if (later != null && earlier != null && later.isBefore(earlier)) {
      throw new IllegalArgumentException(
          laterField + " " + later + " is before " + earlierField + " " + earlier);
    }
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
