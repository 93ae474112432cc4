package org.iom.correlator.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One row of the offence-code radius table, CSV {@code offence_code,radius_m}. */
record RadiusOverride(String offenceCode, double radiusM) {

  /** @throws IllegalArgumentException naming the file and line of a bad row */
  static List<RadiusOverride> read(Path file) throws IOException {
    List<RadiusOverride> rows = new ArrayList<>();
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
      for (NamedCsvRecord r : csv) {
        long line = r.getStartingLineNumber();
        String code = r.findField("offence_code").orElse("").strip();
        String radius = r.findField("radius_m").orElse("").strip();
        if (code.isEmpty()) throw new IllegalArgumentException(file + " line " + line + ": offence_code is required");
        try {
          double metres = Double.parseDouble(radius);
          if (!(metres > 0) || Double.isInfinite(metres)) throw new NumberFormatException();
          rows.add(new RadiusOverride(code, metres));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(file + " line " + line + ": radius_m '" + radius + "' is not a positive number of metres");
        }
      }
    }
    return rows;
  }
}
