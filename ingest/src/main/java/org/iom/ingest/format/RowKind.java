package org.iom.ingest.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One record kind's named columns (in slot order) and its decoder. The same kind serves CSV and
 * NDJSON (and GPX for fixes), so the formats cannot drift apart: they differ only in how they
 * fill the slots. Immutable and thread-safe; {@link #newDecoder} gives per-file state.
 *
 * @param <T> the domain record produced
 */
abstract class RowKind<T> {
  private final String name;
  private final List<String> columns;
  private final List<String> required;
  private final boolean positioned;

  /**
   * @param columns    lower-case column names; a name's index is its slot
   * @param required   columns every file must have
   * @param positioned whether the kind needs {@code lat, lon} or {@code easting, northing}, which
   *                   must then be among the columns
   */
  RowKind(String name, List<String> columns, List<String> required, boolean positioned) {
    this.name = name;
    this.columns = List.copyOf(columns);
    this.required = List.copyOf(required);
    this.positioned = positioned;
  }

  /** A decoder for one file; it may remember earlier rows (e.g. to find overlaps). */
  abstract RowDecoder<T> newDecoder(ReadOptions options);

  String name() {
    return name;
  }

  List<String> columns() {
    return columns;
  }

  /** The slot of a lower-case column name, or -1 for a column this kind does not use. */
  int slot(String column) {
    return columns.indexOf(column);
  }

  /** What a header lacks, in words, e.g. {@code recorded_at} or {@code lat and lon (or easting and northing)}. */
  List<String> missingFrom(Set<String> header) {
    List<String> missing = new ArrayList<>();
    for (String r : required) if (!header.contains(r)) missing.add(r);
    if (positioned) {
      boolean latLon = header.contains("lat") && header.contains("lon");
      boolean grid = header.contains("easting") && header.contains("northing");
      if (!latLon && !grid) missing.add("lat and lon (or easting and northing)");
    }
    return missing;
  }

  /** Turns one row into a record. */
  interface RowDecoder<T> {
    /**
     * @param warnings receives notes for an accepted row (e.g. an unknown offence code)
     * @throws BadRowException or IllegalArgumentException (from a record's constructor) with
     *     the rejection reason
     */
    T decode(Fields row, long line, List<String> warnings);
  }
}
