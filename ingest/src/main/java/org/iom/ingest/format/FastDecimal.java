package org.iom.ingest.format;

/**
 * Parses plain decimal numbers ({@code -0.1234}, {@code 51.5}, {@code 1e3}) without exceptions
 * or regular expressions. Up to 15 significant digits and 22 decimals it divides an exact long
 * by an exact power of ten, which IEEE-754 rounds correctly, so the result equals
 * {@link Double#parseDouble}; longer inputs fall back to it after a grammar check. Never accepts
 * {@code NaN}, {@code Infinity}, hexadecimal or type suffixes ({@code 1d}). Stateless.
 */
final class FastDecimal {
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private FastDecimal() {}

  /** The value, or NaN when the text is not a plain decimal number. */
  static double parse(String s) {
    int n = s.length();
    int i = 0;
    boolean negative = false;
    if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    long mantissa = 0;
    int significant = 0;
    int decimals = 0;
    boolean dot = false;
    boolean digit = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
        if (mantissa != 0 || c != '0') significant++;
        if (significant > 15) return slow(s);
        mantissa = mantissa * 10 + (c - '0');
        if (dot) decimals++;
      } else if (c == '.' && !dot) {
        dot = true;
      } else if (c == 'e' || c == 'E') {
        return slow(s);
      } else {
        return Double.NaN;
      }
    }
    if (!digit || decimals >= POW10.length) return digit ? slow(s) : Double.NaN;
    double value = mantissa / POW10[decimals];
    return negative ? -value : value;
  }

  private static double slow(String s) {
    return isPlainDecimal(s) ? Double.parseDouble(s) : Double.NaN;
  }

  /** {@code [+-]?digits[.digits]?([eE][+-]?digits)?} with at least one mantissa digit. */
  static boolean isPlainDecimal(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) { i++; digits++; }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) { i++; digits++; }
    }
    if (digits == 0) return false;
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
      int exponentDigits = 0;
      while (i < n && isDigit(s.charAt(i))) { i++; exponentDigits++; }
      if (exponentDigits == 0) return false;
    }
    return i == n;
  }

  /** A whole number of at most nine digits with an optional sign, or null. */
  static Integer parseInt(String s) {
    int n = s.length();
    int i = 0;
    boolean negative = false;
    if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    if (i == n || n - i > 9) return null;
    int value = 0;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) return null;
      value = value * 10 + (c - '0');
    }
    return negative ? -value : value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
