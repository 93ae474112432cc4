package org.iom.correlator.report;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One vintage of the HM Treasury GDP deflator (financial-year index, ONS series L8GG), used to
 * uplift costs between price years: {@code cost_target = cost_base * D(target) / D(base)}.
 * The series is revised quarterly, so a file holds exactly one vintage, printed with every report.
 * Immutable and thread-safe.
 *
 * <p>File format (CSV, header required): {@code financial_year, index, vintage}, optional
 * {@code source}. Financial years are written {@code 2015-16}.
 */
public final class GdpDeflators {
  public static final String BUILT_IN_RESOURCE = "/reference/gdp-deflators.csv";
  /** 34 significant digits: uplift factors and divisions are never rounded to fewer before display. */
  public static final MathContext PRECISION = MathContext.DECIMAL128;

  private final String file;
  private final String vintage;
  private final String source;
  private final Map<FinancialYear, BigDecimal> index;

  private GdpDeflators(String file, String vintage, String source, Map<FinancialYear, BigDecimal> index) {
    this.file = file;
    this.vintage = vintage;
    this.source = source;
    this.index = Collections.unmodifiableMap(index);
  }

  /** @throws ReferenceDataException on a bad row, a repeated year, or mixed vintages */
  public static GdpDeflators load(String file, InputStream in) {
    Map<FinancialYear, BigDecimal> index = new TreeMap<>();
    Map<FinancialYear, Long> lineOf = new TreeMap<>();
    String vintage = null;
    String source = null;
    long vintageLine = 0;
    for (ReferenceCsv.Row row : ReferenceCsv.read(file, in, List.of("financial_year", "index", "vintage"))) {
      FinancialYear year;
      try {
        year = FinancialYear.parse(row.required("financial_year"));
      } catch (IllegalArgumentException e) {
        throw row.error("financial_year: " + e.getMessage());
      }
      BigDecimal value = ReferenceNumbers.positiveDecimal(row, "index");
      String rowVintage = row.required("vintage");
      if (vintage == null) {
        vintage = rowVintage;
        vintageLine = row.line();
        source = row.optional("source");
      } else if (!vintage.equals(rowVintage)) {
        throw row.error("vintage '" + rowVintage + "' differs from '" + vintage + "' on line " + vintageLine
            + "; one file holds one vintage of the series");
      }
      Long earlier = lineOf.putIfAbsent(year, row.line());
      if (earlier != null) throw row.error("financial_year " + year + " is already given on line " + earlier);
      index.put(year, value);
    }
    return new GdpDeflators(file, vintage, source, index);
  }

  public static GdpDeflators builtIn() {
    return load(BUILT_IN_RESOURCE, BuiltInResources.open(BUILT_IN_RESOURCE));
  }

  public String file() {
    return file;
  }

  public String vintage() {
    return vintage;
  }

  /** The source column of the first row, or "". */
  public String source() {
    return source == null ? "" : source;
  }

  public Optional<BigDecimal> index(FinancialYear year) {
    return Optional.ofNullable(index.get(year));
  }

  /** All years, in order. */
  public Map<FinancialYear, BigDecimal> series() {
    return index;
  }

  /**
   * {@code D(target) / D(base)} to {@link #PRECISION}; exactly 1 when the years are equal.
   *
   * @throws IllegalArgumentException naming the missing year and the years available
   */
  public BigDecimal factor(FinancialYear base, FinancialYear target) {
    if (base.equals(target)) return BigDecimal.ONE;
    return require(target).divide(require(base), PRECISION);
  }

  /** {@code costBase * D(target) / D(base)}: multiplied exactly, divided once, to {@link #PRECISION}. */
  public BigDecimal uplift(BigDecimal costBase, FinancialYear base, FinancialYear target) {
    if (base.equals(target)) return costBase;
    return costBase.multiply(require(target)).divide(require(base), PRECISION);
  }

  private BigDecimal require(FinancialYear year) {
    BigDecimal value = index.get(year);
    if (value == null) {
      throw new IllegalArgumentException(
          "no GDP deflator for " + year + " in " + file + " (vintage " + vintage + "; years available: "
              + index.keySet() + ")");
    }
    return value;
  }
}
