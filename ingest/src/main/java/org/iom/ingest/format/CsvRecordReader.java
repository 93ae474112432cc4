package org.iom.ingest.format;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * RFC 4180 CSV with a header row, through FastCSV. Column names are matched trimmed and
 * case-insensitively, in any order; unknown columns are ignored. Lines are physical lines (the
 * header is line 1; a record with a quoted line break is reported at the line where it starts).
 * Blank lines are skipped. A row with more or fewer fields than the header is rejected, since its
 * values can no longer be trusted to sit under the right names. Stateless and thread-safe.
 */
final class CsvRecordReader<T> implements RecordReader<T> {
  private final RowKind<T> kind;
  private final ReadOptions options;

  CsvRecordReader(RowKind<T> kind, ReadOptions options) {
    this.kind = kind;
    this.options = options;
  }

  @Override
  public void read(InputStream in, RowSink<T> sink) throws InvalidFileException, IOException {
    Reader text = TextInput.open(in, "CSV");
    CsvReader<CsvRecord> csv = CsvReader.builder()
        .detectBomHeader(false) // TextInput has dropped it
        .skipEmptyLines(true)
        .allowUnclosedQuote(false) // FastCSV's default reads an unclosed quote to the end of the file
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .ofCsvRecord(text);
    long lastLine = 1;
    try {
      var records = csv.iterator();
      if (!records.hasNext()) throw new InvalidFileException("the file is empty");
      CsvRecord header = records.next();
      CsvFields fields = new CsvFields(header, kind);
      int width = header.getFieldCount();
      RowDelivery<T> delivery = new RowDelivery<>(kind, options, sink);
      while (records.hasNext()) {
        CsvRecord rec = records.next();
        long line = rec.getStartingLineNumber();
        lastLine = line;
        int count = rec.getFieldCount();
        if (count == 1 && rec.getField(0).isBlank()) continue; // a line of spaces
        fields.record = rec;
        if (count != width) {
          delivery.reject(line, "the row has " + count + " fields but the header has " + width
              + " (an unquoted comma, or a missing one?)", fields.raw());
          continue;
        }
        delivery.deliver(fields, line);
      }
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException cce) throw TextInput.notUtf8After("CSV", lastLine, cce);
      throw e.getCause();
    } catch (CsvParseException e) {
      String why = (e.getCause() != null ? e.getCause() : e).getMessage();
      throw new InvalidFileException("the CSV cannot be read after line " + lastLine + ": " + why
          + (why != null && why.toLowerCase(Locale.ROOT).contains("quote") ? "" : " (an unclosed quote?)"), e);
    }
  }

  /** A CSV record seen through the kind's slots. Not thread-safe: one per read. */
  private static final class CsvFields implements Fields {
    private final int[] columnOfSlot;
    private final List<String> slotNames;
    CsvRecord record;

    CsvFields(CsvRecord header, RowKind<?> kind) throws InvalidFileException {
      slotNames = kind.columns();
      columnOfSlot = new int[slotNames.size()];
      Arrays.fill(columnOfSlot, -1);
      Set<String> found = new LinkedHashSet<>();
      for (int c = 0; c < header.getFieldCount(); c++) {
        String name = header.getField(c).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
        if (c == 0) rejectObviousOtherFormats(name);
        if (!name.isEmpty()) found.add(name);
        int slot = kind.slot(name);
        if (slot < 0) continue;
        if (columnOfSlot[slot] >= 0) throw new InvalidFileException("column '" + name + "' appears twice in the header");
        columnOfSlot[slot] = c;
      }
      List<String> missing = kind.missingFrom(found);
      if (!missing.isEmpty()) throw missingColumns(kind, missing, found, header);
    }

    private static void rejectObviousOtherFormats(String first) throws InvalidFileException {
      if (first.startsWith("{") || first.startsWith("[")) {
        throw new InvalidFileException("not CSV: the file looks like JSON; send one JSON object per line as NDJSON");
      }
      if (first.startsWith("<")) throw new InvalidFileException("not CSV: the file looks like XML (GPX?)");
    }

    private static InvalidFileException missingColumns(
        RowKind<?> kind, List<String> missing, Set<String> found, CsvRecord header) {
      String message = "missing required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
          + " in the " + kind.name() + " header; found " + (found.isEmpty() ? "no column names" : String.join(", ", found));
      if (header.getFieldCount() == 1 && (header.getField(0).contains(";") || header.getField(0).contains("\t"))) {
        message += " (columns must be separated by commas, not semicolons or tabs)";
      }
      return new InvalidFileException(message);
    }

    @Override
    public String get(int slot) {
      int c = columnOfSlot[slot];
      if (c < 0) return null;
      String v = record.getField(c);
      int n = v.length();
      if (n == 0) return null;
      if (v.charAt(0) > ' ' && v.charAt(n - 1) > ' ') return v;
      v = v.strip();
      return v.isEmpty() ? null : v;
    }

    @Override
    public String name(int slot) {
      return slotNames.get(slot);
    }

    @Override
    public String raw() {
      List<String> out = new ArrayList<>(record.getFieldCount());
      for (String f : record.getFields()) {
        boolean quote = f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0;
        out.add(quote ? '"' + f.replace("\"", "\"\"") + '"' : f);
      }
      return String.join(",", out);
    }
  }
}
