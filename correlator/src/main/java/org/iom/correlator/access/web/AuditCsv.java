package org.iom.correlator.access.web;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.iom.correlator.access.AuditEntry;
import org.iom.correlator.access.AuditRecord;

/**
 * Audit records as RFC 4180 CSV (CRLF, header row), columns {@code id, at, user, role, endpoint,
 * offender_id, crime_ref, purpose, row_count}; absent values are empty cells.
 *
 * <p>Cells that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or
 * carriage return: "CSV injection") get a leading apostrophe, because endpoint and purpose
 * carry text chosen by callers and the export is meant to be opened by an administrator.
 * Stateless.
 */
final class AuditCsv {
  static final String[] HEADER = {"id", "at", "user", "role", "endpoint", "offender_id", "crime_ref", "purpose", "row_count"};

  private AuditCsv() {}

  static String write(List<AuditRecord> records) {
    StringWriter text = new StringWriter();
    CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(text);
    csv.writeRecord(HEADER);
    for (AuditRecord r : records) {
      AuditEntry e = r.entry();
      csv.writeRecord(Long.toString(r.id()), e.at().toString(), safe(e.user()), e.role().name(), safe(e.endpoint()),
          safe(e.offenderId()), safe(e.crimeRef()), safe(e.purpose()), Long.toString(e.rowCount()));
    }
    try {
      csv.flush(); // FastCSV buffers
    } catch (IOException e) {
      throw new UncheckedIOException("a StringWriter does not fail", e);
    }
    return text.toString();
  }

  static String safe(String cell) {
    if (cell == null || cell.isEmpty()) return "";
    char first = cell.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + cell : cell;
  }
}
