package org.iom.correlator.report;

import java.util.Locale;
import java.util.Objects;

/**
 * How one offence code is costed.
 *
 * @param code     HOCR code, normalised (stripped, upper case), e.g. {@code 28E}, {@code 37.2}
 * @param category cost-scheme category, or null when the offence is deliberately uncosted
 * @param label    human-readable offence description
 */
public record OffenceMapping(String code, String category, String label) {
  public OffenceMapping {
    code = normalise(Objects.requireNonNull(code, "code"));
    if (code.isEmpty()) throw new IllegalArgumentException("offence_code is empty");
    category = category == null || category.isBlank() ? null : category.strip();
    label = label == null ? "" : label.strip();
  }

  /** The form codes are compared in: stripped and upper case ({@code 28e} is {@code 28E}). */
  public static String normalise(String code) {
    return code.strip().toUpperCase(Locale.ROOT);
  }

  public boolean costed() {
    return category != null;
  }
}
