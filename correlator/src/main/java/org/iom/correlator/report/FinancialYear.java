package org.iom.correlator.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK financial year, 1 April to 31 March, written {@code 2015-16} (also read as {@code 2015/16}).
 * Used as the price year of unit costs and as the key of the GDP deflator series. Immutable.
 *
 * @param startYear the calendar year in which the financial year starts (April)
 */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {
  private static final Pattern TEXT = Pattern.compile("(\\d{4})[-/](\\d{2})");

  public FinancialYear {
    if (startYear < 1900 || startYear > 2999) {
      throw new IllegalArgumentException("financial year starting " + startYear + " is out of range");
    }
  }

  /** Parses {@code 2015-16} or {@code 2015/16}; the second part must be the following year. */
  public static FinancialYear parse(String text) {
    Matcher m = TEXT.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("financial year '" + text + "' is not of the form 2015-16");
    }
    int start = Integer.parseInt(m.group(1));
    int end = Integer.parseInt(m.group(2));
    if (end != (start + 1) % 100) {
      throw new IllegalArgumentException(
          "financial year '" + text + "' does not end in the year after it starts (expected "
              + start + "-" + String.format("%02d", (start + 1) % 100) + ")");
    }
    return new FinancialYear(start);
  }

  @Override
  public int compareTo(FinancialYear other) {
    return Integer.compare(startYear, other.startYear);
  }

  @Override
  public String toString() {
    return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
  }
}
