package org.iom.correlator.report;

import java.math.BigDecimal;

/** Strict decimal parsing for reference files: plain numbers only, no currency signs or separators. */
final class ReferenceNumbers {
  private ReferenceNumbers() {}

  static BigDecimal nonNegativeDecimal(ReferenceCsv.Row row, String column) {
    BigDecimal value = decimal(row, column);
    if (value.signum() < 0) throw row.error(column + " '" + row.required(column) + "' is negative");
    return value;
  }

  static BigDecimal positiveDecimal(ReferenceCsv.Row row, String column) {
    BigDecimal value = decimal(row, column);
    if (value.signum() <= 0) throw row.error(column + " '" + row.required(column) + "' is not positive");
    return value;
  }

  private static BigDecimal decimal(ReferenceCsv.Row row, String column) {
    String text = row.required(column);
    if (!text.matches("-?\\d+(\\.\\d+)?")) {
      throw row.error(column + " '" + text + "' is not a plain decimal number (e.g. 5930 or 74.5804)");
    }
    return new BigDecimal(text);
  }
}
