package org.iom.ingest.format;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Home Office (HOCR) offence codes the system knows, with the unit-cost category of each
 * (Home Office "economic and social costs of crime", 2018) where one applies. Reference data,
 * replaceable: the bundled table is {@value #RESOURCE} ({@code offence_code,category,label};
 * an empty category means uncosted, e.g. business burglary or shoplifting). Legacy pre-April-2017
 * codes are listed beside the current ones so older records cost the same way.
 *
 * <p>Codes are compared stripped and upper-case ({@code 28e} is {@code 28E}). Immutable and
 * thread-safe.
 */
public final class OffenceCodes {
  /** Classpath location of the bundled table. */
  public static final String RESOURCE = "/reference/offence-codes.csv";

  /**
   * One code.
   *
   * @param category the unit-cost category, or null when the offence is uncosted
   */
  public record Entry(String code, String category, String label) {
    public Entry {
      if (code == null || code.isBlank()) throw new IllegalArgumentException("offence_code is required");
      code = normalise(code);
      category = category == null || category.isBlank() ? null : category.strip();
      label = label == null ? "" : label.strip();
    }
  }

  private static volatile OffenceCodes bundled;

  private final Map<String, Entry> byCode;

  private OffenceCodes(Collection<Entry> entries) {
    Map<String, Entry> map = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (map.putIfAbsent(e.code(), e) != null) {
        throw new IllegalArgumentException("offence code " + e.code() + " is listed twice");
      }
    }
    this.byCode = Collections.unmodifiableMap(map);
  }

  public static OffenceCodes of(Collection<Entry> entries) {
    return new OffenceCodes(entries);
  }

  /** The table shipped in the jar (loaded once). */
  public static OffenceCodes bundled() {
    OffenceCodes codes = bundled;
    if (codes == null) {
      try (InputStream in = OffenceCodes.class.getResourceAsStream(RESOURCE)) {
        if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
        codes = read(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bundled = codes;
    }
    return codes;
  }

  /** Loads a replacement table with the same columns ({@code offence_code,category,label}). */
  public static OffenceCodes load(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.toString());
    }
  }

  private static OffenceCodes read(Reader reader, String source) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (CsvReader<CsvRecord> csv = CsvReader.builder().detectBomHeader(false).ofCsvRecord(reader)) {
      List<String> header = null;
      for (CsvRecord rec : csv) {
        if (header == null) {
          header = rec.getFields().stream().map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
          if (!header.contains("offence_code")) {
            throw new IOException(source + ": the header must name offence_code (and category, label)");
          }
          continue;
        }
        try {
          entries.add(new Entry(field(rec, header, "offence_code"), field(rec, header, "category"),
              field(rec, header, "label")));
        } catch (IllegalArgumentException e) {
          throw new IOException(source + " line " + rec.getStartingLineNumber() + ": " + e.getMessage(), e);
        }
      }
    }
    try {
      return new OffenceCodes(entries);
    } catch (IllegalArgumentException e) {
      throw new IOException(source + ": " + e.getMessage(), e);
    }
  }

  private static String field(CsvRecord rec, List<String> header, String column) {
    int i = header.indexOf(column);
    return i >= 0 && i < rec.getFieldCount() ? rec.getField(i) : null;
  }

  public boolean isKnown(String code) {
    return code != null && byCode.containsKey(normalise(code));
  }

  public Optional<Entry> find(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(normalise(code)));
  }

  /** The unit-cost category, empty for an uncosted or unknown code. */
  public Optional<String> category(String code) {
    return find(code).map(Entry::category);
  }

  /** All entries in file order. */
  public Collection<Entry> entries() {
    return byCode.values();
  }

  private static String normalise(String code) {
    return code.strip().toUpperCase(Locale.ROOT);
  }
}
