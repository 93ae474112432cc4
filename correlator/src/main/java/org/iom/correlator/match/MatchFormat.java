package org.iom.correlator.match;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * The matches as SPEC.md writes them: CSV with exactly the columns {@link #CSV_COLUMNS}, one row
 * per (crime, offender), metres with 2 decimals, minutes with 3, {@code closest_at} ISO-8601 UTC;
 * and the same fields (plus radius and window) as JSON objects for the API.
 */
public final class MatchFormat {
  public static final String[] CSV_COLUMNS = {"crime_ref", "offender_id", "tag_id", "kind", "closest_m", "closest_at",
      "minutes_within", "fixes_within", "gap_minutes"};

  private MatchFormat() {}

  /** Writes the header and one row per match, in the given order; does not close {@code out}. */
  public static void writeCsv(Writer out, List<Match> matches) {
    try {
      CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
      csv.writeRecord(CSV_COLUMNS);
      for (Match m : matches) {
        csv.writeRecord(m.crimeRef(), m.offenderId(), m.tagId(), m.kind().name(), metres(m.closestM()),
            m.closestAt().toString(), minutes(m.minutesWithin()), Integer.toString(m.fixesWithin()),
            minutes(m.gapMinutes()));
      }
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonObject toJson(Match m) {
    return new JsonObject()
        .put("crime_ref", m.crimeRef())
        .put("offender_id", m.offenderId())
        .put("tag_id", m.tagId())
        .put("kind", m.kind().name())
        .put("closest_m", Double.parseDouble(metres(m.closestM())))
        .put("closest_at", m.closestAt().toString())
        .put("minutes_within", Double.parseDouble(minutes(m.minutesWithin())))
        .put("fixes_within", m.fixesWithin())
        .put("gap_minutes", Double.parseDouble(minutes(m.gapMinutes())))
        .put("radius_m", m.radiusM())
        .put("window_from", m.windowFrom().toString())
        .put("window_to", m.windowTo().toString());
  }

  static String metres(double m) {
    return String.format(Locale.ROOT, "%.2f", m);
  }

  static String minutes(double min) {
    return String.format(Locale.ROOT, "%.3f", min);
  }
}
