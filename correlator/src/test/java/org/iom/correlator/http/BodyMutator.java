package org.iom.correlator.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.iom.correlator.http.SeedBodies.Seed;
import org.iom.ingest.format.InputFormat;
import org.iom.ingest.model.RecordKind;

/**
 * Turns one seeded {@link Random} into one bad (or merely odd) request for an ingest endpoint:
 * valid geo-fixtures bodies with byte-, line- and field-level mutations, values at the extremes
 * of numbers, times and dates, wrong encodings, BOMs, NUL bytes, binary junk, huge lines, deep
 * nesting, bodies of the wrong format or over the size limit, and wrong or missing
 * Content-Types. The mix leans towards whole-body faults so most bodies are refused (4xx) and the
 * "nothing stored" check has work to do. Deterministic: the same seed gives the same case.
 */
final class BodyMutator {
  /**
   * One request.
   *
   * @param contentType null sends no Content-Type header
   * @param chunked     send without Content-Length (chunked transfer encoding)
   * @param recipe      what was done, for the failure message
   */
  record FuzzCase(RecordKind kind, String contentType, byte[] body, boolean chunked, String recipe) {
    String path() {
      return "/v1/" + kind.pathName();
    }
  }

  static final String[] EXTREME_NUMBERS = {
      "1e308", "-1e308", "1e309", "-1e309", "4.9e-324", "1e-400", "0", "-0", "-0.0", "+1", "00000000000051.5",
      "51.50000000000000000000000000001", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
      "2147483647", "2147483648", "-2147483649", "1" + "0".repeat(400), "0." + "0".repeat(400) + "1",
      "1e2147483647", "1e-2147483648", "1e99999999999999999999", "NaN", "Infinity", "-Infinity", "0x1p3",
      "1_000", "\u0661\u0662", "\uFF15\uFF11", "51,5", ".5", "5.", "-", "+", "e5", "1e", "1e+", "--1", "90.0000001",
      "-180.0000001", "700000.0001", "1300000.0001", "-0.0000001", "100", "101", "-1", "1e-7", "360", "1.7976931348623157E308",
      "9".repeat(30), "0.0", "49.9", "-8.6", "60.9", "1.8"};
  static final String[] EXTREME_TIMES = {
      "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "0999-12-31T23:59:59Z", "1000-01-01T00:00:00Z",
      "1969-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
      "9999-12-31T23:59:59-18:00", "0000-01-01T00:00:00+18:00", "+10000-01-01T00:00:00Z",
      "+999999999-12-31T23:59:59.999999999Z", "-999999999-01-01T00:00:00Z", "-0001-01-01T00:00:00Z",
      "2024-02-29T12:00:00Z", "2025-02-29T12:00:00Z", "2025-03-30T01:30:00+00:00", "2025-03-01T24:00:00Z",
      "2025-03-01T23:59:60Z", "2025-03-01T12:00:00+19:00", "2025-03-01T12:00:00.0000000001Z", "2025-03-01T12:00:00,5Z",
      "2025-03-01 12:00:00Z", "2025-03-01T12:00Z", "2025-03-01T12:00:00+0100", "2025-03-01T12:00:00[Europe/London]",
      "2025-03-01T12:00:00+01:00[Europe/London]", "20250301T120000Z", "1740830400", "2025-03-01T12:00:00",
      "2262-04-11T23:47:16.854775808Z", "1677-09-21T00:12:43.145224191Z", "2038-01-19T03:14:08Z",
      "2025-03-24T00:00:00.000000001Z", "2025-03-24T00:00:00.999999999+00:00", "2100-01-01T00:00:00Z"};
  static final String[] EXTREME_DATES = {
      "0000-01-01", "0001-01-01", "9999-12-31", "+10000-01-01", "-999999999-01-01", "+999999999-12-31",
      "2025-02-29", "2025-13-01", "1970-01-01", "0999-12-31", "2024-02-29", "20250301", "2025-3-1"};
  static final String[] ODD_TEXT = {
      "", " ", "\t", "\"", "\"\"", "'", ",", ";", "\\", "\\u0000", "\u0000", "\u0001", "\u007f", "\u2028", "\u202e",
      "\uD83D\uDE00", "\uFEFF", "\uFFFD", "x".repeat(5000), "<", "&amp;", "]]>", "{}", "[]", "null", "true",
      "FIXED", "fixed", "EXCLUSION", "19:00-07:00", "24:00-25:00", "always", "28E", "O-1", "T-1"};
  private static final String[] CONTENT_TYPES = {
      "text/csv", "application/x-ndjson", "application/gpx+xml", "application/geo+json", "application/json",
      "text/plain", "application/octet-stream", "application/xml", "text/xml", "multipart/form-data; boundary=x",
      "application/x-www-form-urlencoded", "TEXT/CSV", " text/csv ; charset=utf-8", "text/csv; charset=iso-8859-1",
      "text/csv;", ";", "", "*/*", "text/*", "application/x-ndjson; charset=utf-16", "application/geo+json; q=0.5",
      "image/png", "text/csv, application/json", "\u00e9/\u00e8"};

  private final SeedBodies seeds;
  private final int maxBodyBytes;

  BodyMutator(SeedBodies seeds, int maxBodyBytes) {
    this.seeds = seeds;
    this.maxBodyBytes = maxBodyBytes;
  }

  FuzzCase generate(Random rng) {
    RecordKind kind = RecordKind.values()[rng.nextInt(RecordKind.values().length)];
    List<Seed> own = seeds.of(kind);
    Seed seed = own.get(rng.nextInt(own.size()));
    StringBuilder recipe = new StringBuilder();
    byte[] body;
    String contentType = seed.contentType();
    int roll = rng.nextInt(100);
    if (roll < 45) {
      body = mutate(seed, rng, 1 + rng.nextInt(3), recipe);
    } else if (roll < 60) {
      body = extremeValues(seed, rng, recipe);
    } else if (roll < 70) {
      body = encoding(seed, rng, recipe);
    } else if (roll < 80) {
      body = junk(seed, rng, recipe);
    } else if (roll < 88) {
      Seed other = seeds.all().get(rng.nextInt(seeds.all().size()));
      recipe.append("body of ").append(other.kind().pathName()).append(' ').append(other.format());
      body = rng.nextBoolean() ? other.body() : mutate(other, rng, 1, recipe.append(" then "));
    } else if (roll < 93) {
      body = oversized(seed, rng, recipe);
    } else {
      body = seed.body();
      recipe.append("valid seed");
    }
    int typeRoll = rng.nextInt(100);
    if (typeRoll < 10) {
      contentType = CONTENT_TYPES[rng.nextInt(CONTENT_TYPES.length)];
      recipe.append("; content-type '").append(contentType).append('\'');
    } else if (typeRoll < 13) {
      contentType = null;
      recipe.append("; no content-type");
    } else if (typeRoll < 18) {
      Seed other = seeds.all().get(rng.nextInt(seeds.all().size()));
      contentType = other.contentType();
      recipe.append("; content-type of ").append(other.format());
    }
    boolean chunked = rng.nextInt(5) == 0;
    return new FuzzCase(kind, contentType, body, chunked, "seed " + seed.kind().pathName() + " " + seed.format() + ": " + recipe);
  }

  // ---- structure-blind and line-level mutations -------------------------------------------

  private byte[] mutate(Seed seed, Random rng, int rounds, StringBuilder recipe) {
    byte[] b = seed.body();
    for (int r = 0; r < rounds; r++) {
      if (r > 0) recipe.append(", ");
      b = mutateOnce(b, seed.format(), rng, recipe);
    }
    return b;
  }

  private byte[] mutateOnce(byte[] b, InputFormat format, Random rng, StringBuilder recipe) {
    int n = b.length;
    switch (rng.nextInt(14)) {
      case 0 -> {
        int at = n == 0 ? 0 : rng.nextInt(n);
        recipe.append("truncate at ").append(at);
        return slice(b, 0, at);
      }
      case 1 -> {
        byte[] c = b.clone();
        int flips = 1 + rng.nextInt(8);
        for (int i = 0; i < flips && n > 0; i++) c[rng.nextInt(n)] = (byte) rng.nextInt(256);
        recipe.append("flip ").append(flips).append(" bytes");
        return c;
      }
      case 2 -> {
        int at = n == 0 ? 0 : rng.nextInt(n);
        byte[] junk = randomBytes(rng, 1 + rng.nextInt(64));
        recipe.append("insert ").append(junk.length).append(" random bytes at ").append(at);
        return splice(b, at, at, junk);
      }
      case 3 -> {
        int from = n == 0 ? 0 : rng.nextInt(n);
        int to = Math.min(n, from + rng.nextInt(200));
        recipe.append("delete ").append(from).append("..").append(to);
        return splice(b, from, to, new byte[0]);
      }
      case 4 -> {
        int at = n == 0 ? 0 : rng.nextInt(n);
        recipe.append("NUL at ").append(at);
        return splice(b, at, at, new byte[] {0});
      }
      case 5 -> {
        byte[][] bad = {{(byte) 0xA3}, {(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xE2, (byte) 0x82}};
        byte[] pick = bad[rng.nextInt(bad.length)];
        int at = n == 0 ? 0 : rng.nextInt(n);
        recipe.append("bad UTF-8 ").append(hex(pick)).append(" at ").append(at);
        return splice(b, at, at, pick);
      }
      case 6 -> {
        List<String> lines = lines(b);
        if (lines.size() < 2) return b;
        int i = rng.nextInt(lines.size());
        int times = 1 + rng.nextInt(rng.nextBoolean() ? 5 : 300);
        recipe.append("repeat line ").append(i + 1).append(" x").append(times);
        for (int k = 0; k < times; k++) lines.add(i, lines.get(i));
        return join(lines);
      }
      case 7 -> {
        List<String> lines = lines(b);
        if (lines.isEmpty()) return b;
        int i = rng.nextInt(lines.size());
        recipe.append("drop line ").append(i + 1);
        lines.remove(i);
        return join(lines);
      }
      case 8 -> {
        List<String> lines = lines(b);
        if (lines.size() < 2) return b;
        int i = rng.nextInt(lines.size()), j = rng.nextInt(lines.size());
        recipe.append("swap lines ").append(i + 1).append(',').append(j + 1);
        String t = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, t);
        return join(lines);
      }
      case 9 -> {
        List<String> lines = lines(b);
        if (lines.isEmpty()) return b;
        int i = rng.nextInt(lines.size());
        String[] breakers = {"\"", ",", ",,,,", "{", "}", "[", "<", ">", "</trkpt>", "<trkpt>", "&", "&#0;", "]]>",
            "\r", "\n", "\r\n", "\\", "\\u", "\"\\ud800\"", ";", "\t", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "&a;"};
        String breaker = breakers[rng.nextInt(breakers.length)];
        String line = lines.get(i);
        int at = line.isEmpty() ? 0 : rng.nextInt(line.length() + 1);
        recipe.append("insert '").append(escape(breaker)).append("' into line ").append(i + 1);
        lines.set(i, line.substring(0, at) + breaker + line.substring(at));
        return join(lines);
      }
      case 10 -> {
        List<String> lines = lines(b);
        if (lines.isEmpty()) return b;
        int i = rng.nextInt(lines.size());
        recipe.append("rename a word in line ").append(i + 1);
        lines.set(i, lines.get(i).replaceFirst("[a-z_]{3,}", rng.nextBoolean() ? "" : "x"));
        return join(lines);
      }
      case 11 -> {
        int len = 50_000 + rng.nextInt(60_000);
        String filler = rng.nextBoolean() ? "a" : ",";
        List<String> lines = lines(b);
        int i = lines.isEmpty() ? 0 : rng.nextInt(lines.size());
        recipe.append("huge line of ").append(len).append(" '").append(filler).append("' at ").append(i + 1);
        lines.add(i, filler.repeat(len));
        return join(lines);
      }
      case 12 -> {
        recipe.append("CRLF <-> LF");
        String text = new String(b, StandardCharsets.UTF_8);
        return (text.contains("\r\n") ? text.replace("\r\n", "\n") : text.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
      }
      default -> {
        int from = n == 0 ? 0 : rng.nextInt(n);
        int to = Math.min(n, from + rng.nextInt(500));
        int at = n == 0 ? 0 : rng.nextInt(n);
        recipe.append("copy ").append(from).append("..").append(to).append(" to ").append(at);
        return splice(b, at, at, slice(b, from, to));
      }
    }
  }

  // ---- values at the extremes, in place of a field in a few rows ------------------------------

  private byte[] extremeValues(Seed seed, Random rng, StringBuilder recipe) {
    String text = new String(seed.body(), StandardCharsets.UTF_8);
    String[] pool = switch (rng.nextInt(4)) {
      case 0 -> EXTREME_NUMBERS;
      case 1 -> EXTREME_TIMES;
      case 2 -> EXTREME_DATES;
      default -> ODD_TEXT;
    };
    String value = pool[rng.nextInt(pool.length)];
    recipe.append("extreme value '").append(escape(value.length() > 40 ? value.substring(0, 40) + "..." : value)).append('\'');
    String out = switch (seed.format()) {
      case CSV -> replaceCsvField(text, value, rng);
      case NDJSON -> replaceJsonValue(text, value, rng, "\"([a-z_]+)\":(\"[^\"]*\"|[-0-9.eE+]+|null)");
      case GEOJSON -> replaceJsonValue(text, value, rng, "\"([a-z_]+)\" : (\"[^\"]*\"|[-0-9.eE+]+|null)");
      case GPX -> replaceGpxValue(text, value, rng);
    };
    return out.getBytes(StandardCharsets.UTF_8);
  }

  private static String replaceCsvField(String text, String value, Random rng) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (lines.size() < 2) return text;
    int columns = lines.get(0).split(",", -1).length;
    int column = rng.nextInt(columns);
    String quoted = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
        ? '"' + value.replace("\"", "\"\"") + '"' : value;
    int rows = 1 + rng.nextInt(3);
    for (int r = 0; r < rows; r++) {
      int i = 1 + rng.nextInt(lines.size() - 1);
      String[] fields = lines.get(i).split(",", -1);
      if (fields.length != columns) continue; // a quoted comma: leave the row alone
      boolean cr = fields[columns - 1].endsWith("\r");
      fields[column] = quoted + (cr && column == columns - 1 ? "\r" : "");
      lines.set(i, String.join(",", fields));
    }
    return String.join("\n", lines);
  }

  private static String replaceJsonValue(String text, String value, Random rng, String pattern) {
    var m = java.util.regex.Pattern.compile(pattern).matcher(text);
    List<int[]> spots = new ArrayList<>();
    while (m.find()) spots.add(new int[] {m.start(2), m.end(2)});
    if (spots.isEmpty()) return text;
    boolean asNumber = rng.nextBoolean() && value.matches("[-+0-9.eE]+");
    String json = asNumber ? value : '"' + jsonEscape(value) + '"';
    StringBuilder out = new StringBuilder(text);
    int changes = 1 + rng.nextInt(3);
    List<int[]> chosen = new ArrayList<>();
    for (int k = 0; k < changes; k++) chosen.add(spots.get(rng.nextInt(spots.size())));
    chosen.sort((a, c) -> Integer.compare(c[0], a[0]));
    int last = Integer.MAX_VALUE;
    for (int[] s : chosen) {
      if (s[1] > last) continue;
      out.replace(s[0], s[1], json);
      last = s[0];
    }
    return out.toString();
  }

  private static String replaceGpxValue(String text, String value, Random rng) {
    var m = java.util.regex.Pattern.compile("(lat|lon)=\"([^\"]*)\"|<time>([^<]*)</time>|<name>([^<]*)</name>").matcher(text);
    List<int[]> spots = new ArrayList<>();
    while (m.find()) {
      int g = m.group(2) != null ? 2 : m.group(3) != null ? 3 : 4;
      spots.add(new int[] {m.start(g), m.end(g)});
    }
    if (spots.isEmpty()) return text;
    int[] s = spots.get(rng.nextInt(spots.size()));
    String xml = value.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    return text.substring(0, s[0]) + xml + text.substring(s[1]);
  }

  // ---- encodings, BOMs --------------------------------------------------------------------

  private static byte[] encoding(Seed seed, Random rng, StringBuilder recipe) {
    String text = new String(seed.body(), StandardCharsets.UTF_8) + (rng.nextBoolean() ? "\u00a3\u00e9" : "");
    byte[] utf8Bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    switch (rng.nextInt(9)) {
      case 0 -> {
        recipe.append("UTF-16LE with BOM");
        return concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
      }
      case 1 -> {
        recipe.append("UTF-16BE without BOM");
        return text.getBytes(StandardCharsets.UTF_16BE);
      }
      case 2 -> {
        recipe.append("UTF-32");
        return text.getBytes(Charset.forName("UTF-32"));
      }
      case 3 -> {
        recipe.append("ISO-8859-1 with a pound sign");
        return ("\u00a3" + text).getBytes(StandardCharsets.ISO_8859_1);
      }
      case 4 -> {
        recipe.append("UTF-8 BOM");
        return concat(utf8Bom, seed.body());
      }
      case 5 -> {
        recipe.append("two UTF-8 BOMs");
        return concat(concat(utf8Bom, utf8Bom), seed.body());
      }
      case 6 -> {
        int at = seed.body().length == 0 ? 0 : rng.nextInt(seed.body().length);
        recipe.append("UTF-8 BOM at ").append(at);
        return splice(seed.body(), at, at, utf8Bom);
      }
      case 7 -> {
        recipe.append("Latin-1 byte after 64 KiB of padding lines");
        byte[] pad = "\n".repeat(70_000).getBytes(StandardCharsets.US_ASCII);
        return concat(concat(seed.body(), pad), new byte[] {(byte) 0xA3, '\n'});
      }
      default -> {
        recipe.append("NUL after 64 KiB");
        byte[] pad = ("\n").repeat(70_000).getBytes(StandardCharsets.US_ASCII);
        byte[] tail = lastLine(seed.body());
        int at = tail.length / 2;
        return concat(concat(seed.body(), pad), splice(tail, at, at, new byte[] {0}));
      }
    }
  }

  // ---- junk, deep nesting, empty ----------------------------------------------------------

  private static byte[] junk(Seed seed, Random rng, StringBuilder recipe) {
    switch (rng.nextInt(10)) {
      case 0 -> {
        recipe.append("empty");
        return new byte[0];
      }
      case 1 -> {
        int len = 1 + rng.nextInt(rng.nextBoolean() ? 100 : 20_000);
        recipe.append(len).append(" random bytes");
        return randomBytes(rng, len);
      }
      case 2 -> {
        int depth = 500 + rng.nextInt(200_000);
        recipe.append("JSON arrays nested ").append(depth).append(" deep");
        return ("[".repeat(depth) + "]".repeat(rng.nextBoolean() ? depth : 0)).getBytes(StandardCharsets.US_ASCII);
      }
      case 3 -> {
        int depth = 500 + rng.nextInt(50_000);
        recipe.append("JSON objects nested ").append(depth).append(" deep");
        String open = seed.format() == InputFormat.GEOJSON ? "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":" : "{\"tag_id\":";
        return (open + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}").getBytes(StandardCharsets.US_ASCII);
      }
      case 4 -> {
        int depth = 500 + rng.nextInt(50_000);
        recipe.append("XML nested ").append(depth).append(" deep");
        return ("<?xml version=\"1.0\"?><gpx version=\"1.1\">" + "<trk>".repeat(depth) + "</trk>".repeat(depth) + "</gpx>")
            .getBytes(StandardCharsets.US_ASCII);
      }
      case 5 -> {
        recipe.append("ZIP header");
        return concat(new byte[] {0x50, 0x4B, 0x03, 0x04}, randomBytes(rng, 200));
      }
      case 6 -> {
        recipe.append("gzip header");
        return concat(new byte[] {0x1F, (byte) 0x8B, 8, 0}, randomBytes(rng, 200));
      }
      case 7 -> {
        String[] shapes = {"{}", "[]", "null", "0", "\"x\"", "true", "{\"type\":\"FeatureCollection\"}",
            "{\"type\":\"FeatureCollection\",\"features\":{}}", "{\"type\":\"Feature\"}", "{\"type\":null,\"features\":[1,2]}",
            "{\"type\":\"FeatureCollection\",\"features\":[null,{},[],1]}", "<gpx/>", "<?xml version=\"1.0\"?>", "\n\n\n",
            " ", "\"", "{", "[{\"a\":1}]", "a,b\n1,2\n", "tag_id\n", "tag_id,recorded_at,lat,lon\n", "offender_id\n\n\n"};
        String s = shapes[rng.nextInt(shapes.length)];
        recipe.append("shape '").append(escape(s)).append('\'');
        return s.getBytes(StandardCharsets.UTF_8);
      }
      case 8 -> {
        recipe.append("entity expansion (billion laughs)");
        return ("<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<gpx><trk><name>&c;&x;</name></trk></gpx>").getBytes(StandardCharsets.US_ASCII);
      }
      default -> {
        int len = 200_000 + rng.nextInt(200_000);
        recipe.append("one line of ").append(len).append(" bytes with no line break");
        byte[] b = new byte[len];
        java.util.Arrays.fill(b, (byte) 'x');
        b[0] = '{';
        return b;
      }
    }
  }

  private byte[] oversized(Seed seed, Random rng, StringBuilder recipe) {
    long target = maxBodyBytes + 1 + rng.nextInt(maxBodyBytes / 2);
    recipe.append("oversized: seed repeated to ").append(target).append(" bytes");
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) target);
    byte[] b = seed.body().length == 0 ? new byte[] {'x'} : seed.body();
    out.writeBytes(b);
    byte[] rows = dataRows(b);
    while (out.size() < target) out.write(rows, 0, (int) Math.min(rows.length, target - out.size()));
    return out.toByteArray();
  }

  // ---- byte helpers -----------------------------------------------------------------------

  private static byte[] dataRows(byte[] b) {
    int firstBreak = indexOf(b, (byte) '\n');
    return firstBreak < 0 || firstBreak == b.length - 1 ? b : slice(b, firstBreak + 1, b.length);
  }

  private static byte[] lastLine(byte[] b) {
    int end = b.length;
    while (end > 0 && (b[end - 1] == '\n' || b[end - 1] == '\r')) end--;
    int start = end;
    while (start > 0 && b[start - 1] != '\n') start--;
    return concat(slice(b, start, end), new byte[] {'\n'});
  }

  private static int indexOf(byte[] b, byte value) {
    for (int i = 0; i < b.length; i++) if (b[i] == value) return i;
    return -1;
  }

  private static List<String> lines(byte[] b) {
    return new ArrayList<>(List.of(new String(b, StandardCharsets.UTF_8).split("\n", -1)));
  }

  private static byte[] join(List<String> lines) {
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] slice(byte[] b, int from, int to) {
    return java.util.Arrays.copyOfRange(b, from, to);
  }

  static byte[] splice(byte[] b, int from, int to, byte[] insert) {
    byte[] out = new byte[b.length - (to - from) + insert.length];
    System.arraycopy(b, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(b, to, out, from + insert.length, b.length - to);
    return out;
  }

  static byte[] concat(byte[] a, byte[] b) {
    return splice(a, a.length, a.length, b);
  }

  private static byte[] randomBytes(Random rng, int n) {
    byte[] b = new byte[n];
    rng.nextBytes(b);
    return b;
  }

  private static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) s.append(String.format("%02X", x & 0xff));
    return s.toString();
  }

  private static String jsonEscape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.toString();
  }

  /** Printable form of text for a failure message. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c >= 0x20 && c < 0x7f) out.append(c);
      else if (c == '\n') out.append("\\n");
      else if (c == '\r') out.append("\\r");
      else out.append(String.format("\\u%04x", (int) c));
    }
    return out.toString();
  }
}
