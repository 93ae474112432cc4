package org.iom.ingest.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * NDJSON: one JSON object per line with the CSV column names as keys (matched trimmed and
 * case-insensitively; unknown keys and nested values under them are ignored). Values may be
 * strings or numbers ({@code "lat": 51.5} and {@code "lat": "51.5"} are the same); {@code null}
 * means absent. The first line is line 1; blank lines are skipped but counted. A line that is not
 * a JSON object is rejected on its own; only when none of the first {@value #LINES_TO_JUDGE}
 * non-blank lines is JSON at all is the whole input refused as not NDJSON (rejections held back
 * until then are dropped with it). A line longer than {@value #MAX_LINE_CHARS} characters is
 * rejected without being held in memory. Stateless and thread-safe.
 */
final class NdjsonRecordReader<T> implements RecordReader<T> {
  static final int LINES_TO_JUDGE = 100;
  /** Longer lines are rejected unread: a row is a few hundred characters, and memory stays bounded. */
  static final int MAX_LINE_CHARS = 1 << 20;
  private static final JsonFactory JSON = new JsonFactory();

  private final RowKind<T> kind;
  private final ReadOptions options;
  private final Map<String, Integer> slots = new HashMap<>();

  NdjsonRecordReader(RowKind<T> kind, ReadOptions options) {
    this.kind = kind;
    this.options = options;
    for (int i = 0; i < kind.columns().size(); i++) slots.put(kind.columns().get(i), i);
  }

  @Override
  public void read(InputStream in, RowSink<T> sink) throws InvalidFileException, IOException {
    BoundedLines lines = new BoundedLines(TextInput.open(in, "NDJSON"), MAX_LINE_CHARS);
    RowDelivery<T> delivery = new RowDelivery<>(kind, options, sink);
    ObjectFields fields = new ObjectFields(kind.columns());
    List<Rejection> heldBack = new ArrayList<>();
    boolean sawJson = false;
    long line = 0;
    String text;
    try {
      while ((text = lines.readLine()) != null) {
        line++;
        if (lines.tooLong()) {
          text = text.substring(0, 200) + "...";
        } else if (text.isBlank()) {
          continue;
        }
        LineOutcome outcome = lines.tooLong() ? LineOutcome.TOO_LONG : parseObject(text, fields);
        if (outcome.json() && !sawJson) {
          sawJson = true;
          heldBack.forEach(sink::reject);
          heldBack.clear();
        }
        if (outcome.problem() == null) {
          delivery.deliver(fields, line);
        } else if (sawJson) {
          sink.reject(new Rejection(line, outcome.problem(), text));
        } else {
          heldBack.add(new Rejection(line, outcome.problem(), text));
          if (heldBack.size() >= LINES_TO_JUDGE) throw notNdjson(heldBack);
        }
      }
    } catch (CharacterCodingException e) {
      throw TextInput.notUtf8After("NDJSON", line, e);
    }
    if (!sawJson) {
      if (heldBack.isEmpty()) throw new InvalidFileException("the file is empty");
      throw notNdjson(heldBack);
    }
  }

  private static InvalidFileException notNdjson(List<Rejection> lines) {
    Rejection first = lines.get(0);
    String start = first.raw().strip();
    String hint = start.startsWith("[") || start.equals("{")
        ? " (a JSON array or pretty-printed JSON? NDJSON needs one complete object per line)"
        : start.indexOf(',') > 0 ? " (CSV? send it as text/csv)" : "";
    return new InvalidFileException("not NDJSON: no line is JSON" + hint + "; line " + first.line() + ": " + first.reason());
  }

  /**
   * What one line turned out to be.
   *
   * @param json    whether the line is JSON at all (decides whether the file is NDJSON)
   * @param problem why the line is not a usable object, or null when it is one
   */
  private record LineOutcome(boolean json, String problem) {
    static final LineOutcome USABLE = new LineOutcome(true, null);
    static final LineOutcome TOO_LONG = new LineOutcome(false, "the line is longer than " + MAX_LINE_CHARS
        + " characters (a line break missing?); each line must be one JSON object of a few hundred characters");
  }

  /** Fills the slots from one line. */
  private LineOutcome parseObject(String text, ObjectFields fields) throws IOException {
    fields.clear(text);
    String unusable = null;
    try (JsonParser p = JSON.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        unusable = "the line is a JSON " + describe(t) + ", not an object";
      } else {
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
          Integer slot = slotOf(p.currentName());
          JsonToken v = p.nextToken();
          if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
            p.skipChildren();
            if (slot != null && unusable == null) {
              unusable = kind.columns().get(slot) + " is a JSON " + describe(v) + "; expected text or a number";
            }
          } else if (slot != null) {
            fields.values[slot] = v == JsonToken.VALUE_NULL ? null : p.getText();
          }
        }
      }
      if (p.nextToken() != null) return new LineOutcome(false, "not valid JSON: more than one JSON value on the line");
    } catch (JsonProcessingException e) {
      return new LineOutcome(false, "not valid JSON: " + e.getOriginalMessage());
    }
    return unusable == null ? LineOutcome.USABLE : new LineOutcome(true, unusable);
  }

  private Integer slotOf(String name) {
    Integer slot = slots.get(name);
    return slot != null ? slot : slots.get(name.strip().toLowerCase(Locale.ROOT));
  }

  private static String describe(JsonToken t) {
    if (t == JsonToken.START_ARRAY) return "array";
    if (t == JsonToken.START_OBJECT) return "object";
    if (t == JsonToken.VALUE_STRING) return "string";
    if (t == JsonToken.VALUE_NULL) return "null";
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) return "boolean";
    return "number";
  }

  /** One parsed object's values by slot. Not thread-safe: one per read. */
  private static final class ObjectFields implements Fields {
    private final List<String> names;
    final String[] values;
    private String raw;

    ObjectFields(List<String> names) {
      this.names = names;
      this.values = new String[names.size()];
    }

    void clear(String line) {
      Arrays.fill(values, null);
      raw = line;
    }

    @Override
    public String get(int slot) {
      String v = values[slot];
      if (v == null) return null;
      v = v.strip();
      return v.isEmpty() ? null : v;
    }

    @Override
    public String name(int slot) {
      return names.get(slot);
    }

    @Override
    public String raw() {
      return raw;
    }
  }
}
