package org.iom.correlator.report;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Offence code to cost category. Current and pre-April-2017 HOCR codes are both listed so older
 * records cost consistently. An empty category means "uncosted on purpose"; a code missing
 * from the map is uncosted too, and the report says which reason applies. Immutable and
 * thread-safe.
 *
 * <p>File format (CSV, header required): {@code offence_code, category, label}.
 */
public final class OffenceMap {
  public static final String BUILT_IN_RESOURCE = "/reference/offence-codes.csv"; // shipped by ingest: the same table validates codes on the way in

  private final String file;
  private final Map<String, OffenceMapping> byCode;

  private OffenceMap(String file, Map<String, OffenceMapping> byCode) {
    this.file = file;
    this.byCode = Collections.unmodifiableMap(byCode);
  }

  /** @throws ReferenceDataException on a bad row or a code listed twice */
  public static OffenceMap load(String file, InputStream in) {
    Map<String, OffenceMapping> byCode = new LinkedHashMap<>();
    Map<String, Long> lineOf = new LinkedHashMap<>();
    for (ReferenceCsv.Row row : ReferenceCsv.read(file, in, List.of("offence_code", "category", "label"))) {
      OffenceMapping mapping =
          new OffenceMapping(row.required("offence_code"), row.optional("category"), row.optional("label"));
      Long earlier = lineOf.putIfAbsent(mapping.code(), row.line());
      if (earlier != null) {
        throw row.error("offence_code " + mapping.code() + " is already mapped on line " + earlier);
      }
      byCode.put(mapping.code(), mapping);
    }
    return new OffenceMap(file, byCode);
  }

  public static OffenceMap builtIn() {
    return load(BUILT_IN_RESOURCE, BuiltInResources.open(BUILT_IN_RESOURCE));
  }

  public String file() {
    return file;
  }

  /** Looks a code up after {@link OffenceMapping#normalise normalising} it. */
  public Optional<OffenceMapping> lookup(String offenceCode) {
    return Optional.ofNullable(byCode.get(OffenceMapping.normalise(offenceCode)));
  }

  /** In file order. */
  public List<OffenceMapping> mappings() {
    return new ArrayList<>(byCode.values());
  }
}
