package org.iom.correlator.report;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * An exact running total of unit costs, kept per base price year so that nothing is rounded
 * before the single uplift at the end. Mutable, not thread-safe; used inside one computation.
 */
final class CostSum {
  private final Map<FinancialYear, BigDecimal> byBaseYear = new TreeMap<>();

  void add(UnitCost cost) {
    byBaseYear.merge(cost.basePriceYear(), cost.costGbp(), BigDecimal::add);
  }

  void addAll(CostSum other) {
    other.byBaseYear.forEach((year, sum) -> byBaseYear.merge(year, sum, BigDecimal::add));
  }

  /** {@code this - other}, exact. */
  CostSum minus(CostSum other) {
    CostSum result = new CostSum();
    result.addAll(this);
    other.byBaseYear.forEach((year, sum) -> result.byBaseYear.merge(year, sum.negate(), BigDecimal::add));
    return result;
  }

  /** The total at {@code target} prices: one exact multiply and one division per base year. */
  BigDecimal at(GdpDeflators deflators, FinancialYear target) {
    BigDecimal total = BigDecimal.ZERO;
    for (Map.Entry<FinancialYear, BigDecimal> e : byBaseYear.entrySet()) {
      total = total.add(deflators.uplift(e.getValue(), e.getKey(), target));
    }
    return total;
  }
}
