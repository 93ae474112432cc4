package org.iom.correlator.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.iom.fixtures.CoordinateMode;
import org.iom.fixtures.ScenarioConfig;
import org.iom.fixtures.ScenarioGenerator;
import org.iom.fixtures.ScenarioWriter;
import org.iom.fixtures.WriteOptions;
import org.iom.ingest.format.InputFormat;
import org.iom.ingest.model.RecordKind;

/**
 * Valid request bodies for every ingest endpoint in every format it accepts, written by
 * geo-fixtures ({@link ScenarioGenerator} + {@link ScenarioWriter}), so that mutations of them
 * reach deep into the parsers instead of stopping at the first byte. Two scenarios: lat/lon with
 * UTC times and column order as documented, and grid coordinates with shuffled columns and local
 * offsets. Fix files are cut to their first {@value #MAX_ROWS} data rows to keep bodies small.
 * Immutable once built.
 */
final class SeedBodies {
  static final int MAX_ROWS = 120;

  /** One valid body: where it goes and what it is. */
  record Seed(RecordKind kind, InputFormat format, byte[] body) {
    String contentType() {
      return format.mediaType();
    }
  }

  private final Map<RecordKind, List<Seed>> byKind = new EnumMap<>(RecordKind.class);
  private final List<Seed> all = new ArrayList<>();

  private SeedBodies() {}

  /** Generates and writes the scenarios under {@code dir} and reads the files back. */
  static SeedBodies generate(Path dir) {
    SeedBodies seeds = new SeedBodies();
    ScenarioConfig small = ScenarioConfig.of(2, 1, 20250301L).withCadence(Duration.ofSeconds(300));
    WriteOptions plain = WriteOptions.DEFAULT.withNdjson(true).withGpx(true);
    WriteOptions grid = plain.withCoordinates(CoordinateMode.GRID).withShuffledColumns(true).withLocalTimeOffsets(true);
    seeds.read(small, plain, dir.resolve("plain"));
    seeds.read(ScenarioConfig.of(3, 1, 77L).withCadence(Duration.ofSeconds(240)), grid, dir.resolve("grid"));
    return seeds;
  }

  private void read(ScenarioConfig config, WriteOptions options, Path dir) {
    try {
      ScenarioWriter.write(ScenarioGenerator.generate(config), dir, options);
      for (RecordKind kind : RecordKind.values()) {
        if (kind == RecordKind.ZONES) {
          add(kind, InputFormat.GEOJSON, Files.readAllBytes(dir.resolve("zones.geojson")));
          continue;
        }
        add(kind, InputFormat.CSV, firstRows(dir.resolve(kind.pathName() + ".csv")));
        add(kind, InputFormat.NDJSON, firstRows(dir.resolve(kind.pathName() + ".ndjson")));
        if (kind == RecordKind.FIXES) add(kind, InputFormat.GPX, Files.readAllBytes(dir.resolve("fixes.gpx")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The header (if any) and the first data rows, line ends kept. */
  private static byte[] firstRows(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int end = 0;
    for (int line = 0; line <= MAX_ROWS && end < text.length(); line++) {
      int next = text.indexOf('\n', end);
      end = next < 0 ? text.length() : next + 1;
    }
    return text.substring(0, end).getBytes(StandardCharsets.UTF_8);
  }

  private void add(RecordKind kind, InputFormat format, byte[] body) {
    Seed seed = new Seed(kind, format, body);
    byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(seed);
    all.add(seed);
  }

  List<Seed> of(RecordKind kind) {
    return byKind.get(kind);
  }

  List<Seed> all() {
    return all;
  }
}
