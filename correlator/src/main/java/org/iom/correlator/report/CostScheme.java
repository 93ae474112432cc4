package org.iom.correlator.report;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One named table of unit costs of crime, by cost category. Categories are matched exactly
 * (after trimming) against the offence map's {@code category}. Immutable and thread-safe.
 *
 * <p>File format (CSV, header required, column order free): {@code scheme, category,
 * base_price_year, cost_gbp, source}, optional {@code status}. A file may hold several schemes;
 * {@link #load} picks one by name. The shipped file is {@value #BUILT_IN_RESOURCE}, holding
 * {@value #DEFAULT_SCHEME}: Heeks et al. (2018), 2015-16 prices.
 */
public final class CostScheme {
  public static final String BUILT_IN_RESOURCE = "/reference/cost-schemes.csv";
  public static final String DEFAULT_SCHEME = "HO2018";

  private final String name;
  private final String file;
  private final Map<String, UnitCost> byCategory;

  private CostScheme(String name, String file, Map<String, UnitCost> byCategory) {
    this.name = name;
    this.file = file;
    this.byCategory = Collections.unmodifiableMap(byCategory);
  }

  /**
   * Reads all rows, checks every row (also of other schemes), and returns the scheme named
   * {@code schemeName}; when it is null the file must hold exactly one scheme.
   *
   * @param file the name used in error messages and printed in reports
   * @throws ReferenceDataException on any bad row, a duplicate category, or an unknown scheme
   */
  public static CostScheme load(String file, InputStream in, String schemeName) {
    Map<String, Map<String, UnitCost>> schemes = new LinkedHashMap<>();
    Map<String, Long> firstLine = new LinkedHashMap<>();
    for (ReferenceCsv.Row row :
        ReferenceCsv.read(file, in, List.of("scheme", "category", "base_price_year", "cost_gbp", "source"))) {
      String scheme = row.required("scheme");
      String category = row.required("category");
      FinancialYear year;
      try {
        year = FinancialYear.parse(row.required("base_price_year"));
      } catch (IllegalArgumentException e) {
        throw row.error("base_price_year: " + e.getMessage());
      }
      BigDecimal cost = ReferenceNumbers.nonNegativeDecimal(row, "cost_gbp");
      String key = scheme + "\u0000" + category;
      Long earlier = firstLine.putIfAbsent(key, row.line());
      if (earlier != null) {
        throw row.error("scheme " + scheme + " category '" + category + "' is already defined on line " + earlier);
      }
      schemes.computeIfAbsent(scheme, s -> new LinkedHashMap<>())
          .put(category, new UnitCost(scheme, category, year, cost, row.optional("source"), row.optional("status")));
    }
    String chosen = schemeName;
    if (chosen == null) {
      if (schemes.size() != 1) {
        throw new ReferenceDataException(
            file + ": holds schemes " + new TreeSet<>(schemes.keySet()) + "; name the one to use");
      }
      chosen = schemes.keySet().iterator().next();
    }
    Map<String, UnitCost> costs = schemes.get(chosen);
    if (costs == null) {
      throw new ReferenceDataException(
          file + ": has no scheme '" + chosen + "' (it holds " + new TreeSet<>(schemes.keySet()) + ")");
    }
    return new CostScheme(chosen, file, costs);
  }

  /** The shipped scheme {@value #DEFAULT_SCHEME}. */
  public static CostScheme builtIn() {
    return builtIn(DEFAULT_SCHEME);
  }

  /** A scheme from the shipped file, by name. */
  public static CostScheme builtIn(String schemeName) {
    return load(BUILT_IN_RESOURCE, BuiltInResources.open(BUILT_IN_RESOURCE), schemeName);
  }

  public String name() {
    return name;
  }

  /** Where the scheme was read from (resource path or file name). */
  public String file() {
    return file;
  }

  public Optional<UnitCost> costOf(String category) {
    return Optional.ofNullable(byCategory.get(category));
  }

  /** In file order. */
  public List<UnitCost> unitCosts() {
    return new ArrayList<>(byCategory.values());
  }
}
