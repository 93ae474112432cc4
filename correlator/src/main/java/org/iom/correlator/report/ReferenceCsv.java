package org.iom.correlator.report;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a small reference CSV (header row, RFC 4180 quoting, column order free, unknown columns
 * ignored) into rows that remember their file and physical line. Reference files are tiny and
 * read once, so the whole file is held in memory. Any defect is a {@link ReferenceDataException}:
 * unlike interchange files, a reference table with a bad row must not be half-used.
 */
final class ReferenceCsv {
  private ReferenceCsv() {}

  /** One data row; field names are lower-case header names. */
  record Row(String file, long line, Map<String, String> fields) {
    /** A required, non-blank value, stripped. */
    String required(String column) {
      String value = fields.get(column);
      if (value == null || value.isBlank()) throw error(column + " is empty");
      return value.strip();
    }

    /** The stripped value, or "" if the column is absent or blank. */
    String optional(String column) {
      String value = fields.get(column);
      return value == null ? "" : value.strip();
    }

    ReferenceDataException error(String reason) {
      return new ReferenceDataException(file + " line " + line + ": " + reason);
    }
  }

  static List<Row> read(String file, InputStream in, List<String> requiredColumns) {
    List<Row> rows = new ArrayList<>();
    try (CsvReader<NamedCsvRecord> reader =
        CsvReader.builder().detectBomHeader(true).ofNamedCsvRecord(in, StandardCharsets.UTF_8)) {
      for (NamedCsvRecord record : reader) {
        List<String> header = record.getHeader();
        if (rows.isEmpty()) checkHeader(file, header, requiredColumns);
        Map<String, String> fields = new TreeMap<>();
        for (int i = 0; i < header.size() && i < record.getFieldCount(); i++) {
          fields.put(header.get(i).strip().toLowerCase(Locale.ROOT), record.getField(i));
        }
        rows.add(new Row(file, record.getStartingLineNumber(), fields));
      }
    } catch (CsvParseException e) {
      throw new ReferenceDataException(file + ": not valid CSV: " + rootMessage(e), e);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read", e);
    }
    if (rows.isEmpty()) throw new ReferenceDataException(file + ": has no data rows");
    return rows;
  }

  private static void checkHeader(String file, List<String> header, List<String> required) {
    Set<String> names = new HashSet<>();
    for (String h : header) names.add(h.strip().toLowerCase(Locale.ROOT));
    List<String> missing = new ArrayList<>();
    for (String column : required) if (!names.contains(column)) missing.add(column);
    if (!missing.isEmpty()) {
      throw new ReferenceDataException(
          file + " line 1: header lacks column(s) " + String.join(", ", missing)
              + " (header is: " + String.join(",", header) + ")");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) t = t.getCause();
    return t.getMessage();
  }
}
