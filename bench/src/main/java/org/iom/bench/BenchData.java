package org.iom.bench;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.iom.fixtures.Scenario;
import org.iom.fixtures.ScenarioConfig;
import org.iom.fixtures.ScenarioGenerator;
import org.iom.ingest.model.Fix;

/** Benchmark inputs from the geo-fixtures generator (clean: no noise rows), as CSV bytes. */
final class BenchData {
  private BenchData() {}

  /**
   * About {@code tags * days * 1440} fixes as a SPEC.md fixes CSV with lat/lon, tag ids prefixed
   * with {@code tagPrefix} so that repeated runs write distinct keys.
   */
  static byte[] fixesCsv(int tags, int days, long seed, String tagPrefix) {
    Scenario scenario = ScenarioGenerator.generate(ScenarioConfig.of(tags, days, seed)
        .withNoise(ScenarioConfig.Noise.NONE));
    StringBuilder csv = new StringBuilder(tags * days * 1440 * 56);
    csv.append("tag_id,recorded_at,lat,lon,accuracy_m\n");
    scenario.fixes().forEach(f -> appendRow(csv, tagPrefix, f));
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void appendRow(StringBuilder csv, String prefix, Fix f) {
    csv.append(prefix).append(f.tagId()).append(',').append(f.recordedAt()).append(',')
        .append(String.format(Locale.ROOT, "%.7f,%.7f", f.position().lat(), f.position().lon()))
        .append(',').append(f.accuracyM() == null ? "" : f.accuracyM().toString()).append('\n');
  }

  /** Number of data rows (lines after the header) in CSV bytes. */
  static int rows(byte[] csv) {
    int lines = 0;
    for (byte b : csv) if (b == '\n') lines++;
    return lines - 1;
  }
}
