package org.iom.correlator.report;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The cost of one crime of a category in a cost scheme, at the scheme's base prices.
 *
 * @param costGbp       pounds sterling at {@code basePriceYear} prices, exact as published
 * @param source        citation printed with every report that uses the figure
 * @param status        how far the figure is confirmed (e.g. "confirmed", "secondary source",
 *                      "unconfirmed"); "unstated" when the file has no status column
 */
public record UnitCost(
    String scheme, String category, FinancialYear basePriceYear, BigDecimal costGbp, String source, String status) {
  public UnitCost {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(basePriceYear, "basePriceYear");
    Objects.requireNonNull(costGbp, "costGbp");
    if (costGbp.signum() < 0) throw new IllegalArgumentException("cost_gbp " + costGbp + " is negative");
    source = source == null ? "" : source;
    status = status == null || status.isBlank() ? "unstated" : status;
  }
}
