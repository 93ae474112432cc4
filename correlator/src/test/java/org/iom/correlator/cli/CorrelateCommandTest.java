package org.iom.correlator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iom.fixtures.CoordinateMode;
import org.iom.fixtures.Expectation;
import org.iom.fixtures.Scenario;
import org.iom.fixtures.ScenarioConfig;
import org.iom.fixtures.ScenarioGenerator;
import org.iom.fixtures.ScenarioWriter;
import org.iom.fixtures.WriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The batch command end to end on geo-fixtures scenarios, checked against their ground truth. */
class CorrelateCommandTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(CoordinateMode.class)
  void matchesAgreeWithTheGroundTruthDespiteNoisyShuffledFiles(CoordinateMode coordinates) throws Exception {
    Scenario scenario = ScenarioGenerator.generate(ScenarioConfig.of(15, 2, 42));
    ScenarioWriter.write(scenario, dir, WriteOptions.DEFAULT.withCoordinates(coordinates).withShuffledColumns(true));
    Path out = dir.resolve("matches.csv");

    int status = Main.commandLine().execute("correlate", "--fixes", dir.resolve("fixes.csv").toString(),
        "--assignments", dir.resolve("assignments.csv").toString(),
        "--crimes", dir.resolve("crimes.csv").toString(), "--out", out.toString());

    assertThat(status).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo(
        "crime_ref,offender_id,tag_id,kind,closest_m,closest_at,minutes_within,fixes_within,gap_minutes");
    Map<String, String> kindByPair = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      kindByPair.put(f[0] + "/" + f[1], f[3]);
      assertThat(f[4]).matches("\\d+\\.\\d{2}");
      assertThat(f[6]).matches("\\d+\\.\\d{3}");
    }
    assertThat(lines.subList(1, lines.size())).isSortedAccordingTo(
        java.util.Comparator.comparing((String l) -> l.split(",")[0]).thenComparing(l -> l.split(",")[1]));
    List<Expectation> mustMatch = scenario.groundTruth().mustMatch();
    assertThat(mustMatch).isNotEmpty();
    for (Expectation e : mustMatch) {
      assertThat(kindByPair.get(e.crimeRef() + "/" + e.offenderId())).as(e.toString()).isEqualTo(e.expected().name());
    }
    for (Expectation e : scenario.groundTruth().mustNotMatch()) {
      assertThat(kindByPair).as(e.toString()).doesNotContainKey(e.crimeRef() + "/" + e.offenderId());
    }
  }

  @Test
  void anUnusableFileExitsNonZeroAndWritesNothing() throws Exception {
    Path fixes = Files.writeString(dir.resolve("fixes.csv"), "tag_id,lat,lon\nT,52.9,-1.4\n");
    Path assignments = Files.writeString(dir.resolve("assignments.csv"), "offender_id,tag_id,fitted_at\n");
    Path crimes = Files.writeString(dir.resolve("crimes.csv"), "crime_ref,offence_code,committed_from,lat,lon\n");
    Path out = dir.resolve("matches.csv");

    int status = Main.commandLine().execute("correlate", "--fixes", fixes.toString(), "--assignments",
        assignments.toString(), "--crimes", crimes.toString(), "--out", out.toString());

    assertThat(status).isEqualTo(ImportCommand.FILE_UNUSABLE);
    assertThat(out).doesNotExist();
  }
}
