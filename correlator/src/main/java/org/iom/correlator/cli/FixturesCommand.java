package org.iom.correlator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.iom.fixtures.CoordinateMode;
import org.iom.fixtures.Scenario;
import org.iom.fixtures.ScenarioConfig;
import org.iom.fixtures.ScenarioGenerator;
import org.iom.fixtures.ScenarioWriter;
import org.iom.fixtures.WriteOptions;
import org.iom.fixtures.WriteSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fixtures}: writes a deterministic synthetic Derbyshire scenario and its ground truth. */
@Command(name = "fixtures", mixinStandardHelpOptions = true,
    description = "Write a seeded synthetic scenario (every interchange format) with its ground truth.")
final class FixturesCommand implements Callable<Integer> {
  @Option(names = "--tags", defaultValue = "50", description = "Tagged offenders (default ${DEFAULT-VALUE}).")
  int tags;

  @Option(names = "--days", defaultValue = "7", description = "Days of fixes (default ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed; same seed, same data (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, description = "Directory to write into (created if missing).")
  Path out;

  @Option(names = "--grid", description = "Write fixes and crimes with easting/northing instead of lat/lon.")
  boolean grid;

  @Option(names = "--clean", description = "No duplicates, late batches or malformed rows in the files.")
  boolean clean;

  @Option(names = "--ndjson", description = "Also write NDJSON files.")
  boolean ndjson;

  @Option(names = "--gpx", description = "Also write fixes.gpx.")
  boolean gpx;

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(out);
    Scenario scenario = ScenarioGenerator.generate(ScenarioConfig.of(tags, days, seed));
    WriteOptions options = (clean ? WriteOptions.CLEAN : WriteOptions.DEFAULT)
        .withCoordinates(grid ? CoordinateMode.GRID : CoordinateMode.LAT_LON)
        .withNdjson(ndjson)
        .withGpx(gpx);
    WriteSummary summary = ScenarioWriter.write(scenario, out, options);
    System.out.printf("wrote %d files to %s: %d fix rows (%d distinct fixes, %d duplicate rows, %d late batches, "
            + "%d malformed lines listed in noise.csv), %d crimes, ground truth in ground-truth.csv%n",
        summary.files().size(), out, summary.fixRows(), summary.distinctFixes(), summary.duplicateRows(),
        summary.lateBatches(), summary.noise().stream().filter(n -> n.kind().startsWith("MALFORMED")).count(),
        scenario.crimes().size());
    return 0;
  }
}
