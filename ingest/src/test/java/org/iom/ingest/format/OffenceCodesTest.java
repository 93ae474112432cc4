package org.iom.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffenceCodesTest {
  private final OffenceCodes codes = OffenceCodes.bundled();

  @Test
  void coversEveryAcquisitiveCodeOfTheDomainNotes() {
    String[] domain = {"28E", "28A", "28F", "28B", "28G", "28C", "28H", "28D", "29A", "29", "30C", "30A", "30D", "30B",
        "31A", "31", "34A", "34B", "39", "48", "37.2", "45", "126", "44", "46", "49", "49A", "40", "41", "42", "43", "47",
        "54", "33", "58A", "58B", "58C", "58D", "58J", "56A", "56B"};
    for (String code : domain) assertThat(codes.isKnown(code)).as(code).isTrue();
    assertThat(codes.entries()).hasSize(domain.length);
  }

  @Test
  void mapsCodesToThe2018UnitCostCategories() {
    assertThat(codes.category("28E")).contains("domestic burglary");
    assertThat(codes.category("28A")).contains("domestic burglary");
    assertThat(codes.category("29")).contains("domestic burglary");
    assertThat(codes.category("34B")).contains("robbery (personal)");
    assertThat(codes.category("48")).contains("theft of vehicle");
    assertThat(codes.category("37.2")).contains("theft of vehicle");
    assertThat(codes.category("45")).contains("theft from vehicle");
    assertThat(codes.category("39")).contains("theft from the person");
    assertThat(codes.category("58J")).contains("criminal damage (other)");
    assertThat(codes.category("56B")).contains("arson");
    for (String uncosted : new String[] {"30C", "30A", "31A", "34A", "46", "44", "126", "49", "49A", "54", "33"}) {
      assertThat(codes.category(uncosted)).as(uncosted).isEmpty();
      assertThat(codes.isKnown(uncosted)).isTrue();
    }
    assertThat(codes.find("33").orElseThrow().label()).isEqualTo("Going equipped for stealing, etc.");
  }

  @Test
  void comparesCodesTrimmedAndInAnyCase() {
    assertThat(codes.isKnown(" 28e ")).isTrue();
    assertThat(codes.isKnown("99Z")).isFalse();
    assertThat(codes.isKnown(null)).isFalse();
  }

  @Test
  void loadsAReplacementTableFromAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("codes.csv");
    Files.writeString(file, "\uFEFFoffence_code,category,label\nL1,local cost,Local code\nL2,,\n");
    OffenceCodes local = OffenceCodes.load(file);
    assertThat(local.isKnown("l1")).isTrue();
    assertThat(local.category("L1")).contains("local cost");
    assertThat(local.category("L2")).isEmpty();
    assertThat(local.isKnown("28E")).isFalse();
  }

  @Test
  void refusesABrokenTable(@TempDir Path dir) throws IOException {
    Path noHeader = dir.resolve("a.csv");
    Files.writeString(noHeader, "code,category\n28E,x\n");
    assertThatThrownBy(() -> OffenceCodes.load(noHeader)).isInstanceOf(IOException.class).hasMessageContaining("offence_code");
    Path twice = dir.resolve("b.csv");
    Files.writeString(twice, "offence_code,category,label\n28E,,\n28e,,\n");
    assertThatThrownBy(() -> OffenceCodes.load(twice)).isInstanceOf(IOException.class).hasMessageContaining("28E is listed twice");
  }
}
