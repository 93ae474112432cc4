package org.iom.correlator.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class IdiomWritersTest {
  @Test
  void jsonFollowsThePublicContract() throws Exception {
    IdiomReport report = ReportSamples.report();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new IdiomJsonWriter().write(ReportView.full(report), out);
    JsonNode json = new ObjectMapper().readTree(out.toByteArray());
    assertThat(json.get("cohort").asText()).isEqualTo("ALL");
    assertThat(json.get("as_of").asText()).isEqualTo("2024-03-31");
    assertThat(json.get("price_year").asText()).isEqualTo("2024-25");
    for (String k : List.of("PRE", "DURING", "POST")) {
      JsonNode w = json.get("windows").get(k);
      assertThat(w.fieldNames()).toIterable()
          .contains("offenders", "offences", "cost_gbp", "uncosted_offences", "by_category");
      assertThat(w.get("offences").asInt()).isEqualTo(report.window(WindowKind.valueOf(k)).offences());
      assertThat(w.get("cost_gbp").decimalValue())
          .isEqualByComparingTo(Rounding.pence(report.window(WindowKind.valueOf(k)).costGbp()));
    }
    assertThat(json.at("/change/pre_to_post").fieldNames()).toIterable().contains("cost_gbp", "percent");
    assertThat(json.at("/change/pre_to_during").fieldNames()).toIterable().contains("cost_gbp", "percent");
    assertThat(json.get("offenders")).hasSize(report.memberships().size());
    assertThat(json.get("provisional")).hasSize(report.provisional().size()).isNotEmpty();
    assertThat(json.get("provisional").get(0).get("reason").asText()).isNotBlank();
    assertThat(json.at("/reference/cost_scheme/unit_costs")).hasSize(12);
    assertThat(json.at("/reference/deflators/vintage").asText()).isEqualTo("March 2026");
    assertThat(json.at("/reference/offence_map/mappings").size()).isGreaterThan(30);
    assertThat(json.get("small_cohort").isBoolean()).isTrue();
    assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).doesNotContain("E+");
  }

  @Test
  void partnerViewHasNoIdentifiersAndHidesSmallCells() throws Exception {
    IdiomReport report = ReportSamples.report();
    ReportView view = ReportView.partner(report, 5);
    JsonNode json = new IdiomJsonWriter().toTree(view);
    String text = json.toString();
    String html = new IdiomHtmlWriter().render(view);
    String zip = String.join("\n", unzip(view).values());
    for (String rendered : List.of(text, html, zip)) assertThat(rendered).doesNotContain("IOM-1");
    assertThat(json.get("offenders")).isEmpty();
    assertThat(json.at("/privacy/partner_view").asBoolean()).isTrue();
    assertThat(json.at("/privacy/suppressed_cells")).isNotEmpty();
    // every count under 5 and above 0 is hidden; the sample has such a cell in POST
    report.windows().values().forEach(w -> w.byCategory().values().forEach(c -> {
      JsonNode cell = json.at("/windows/" + w.kind() + "/by_category/" + c.category().replace("/", "~1") + "/offences");
      if (c.offences() > 0 && c.offences() < 5) {
        assertThat(cell.isNull()).as(w.kind() + " " + c.category()).isTrue();
        assertThat(json.at("/windows/" + w.kind() + "/by_category/" + c.category() + "/cost_gbp").isNull()).isTrue();
      }
    }));
    assertThat(html).contains("&lt;5");
    // a single hidden category is never recoverable by subtraction from a shown total
    for (WindowKind k : WindowKind.values()) {
      long hidden = view.hiddenCells().stream()
          .filter(c -> c.startsWith("windows." + k + ".by_category.") && c.endsWith(".offences")
              || c.equals("windows." + k + ".uncosted_offences"))
          .count();
      if (!view.hidden(ReportView.windowCell(k, "offences"))) assertThat(hidden).as(k.name()).isNotEqualTo(1);
    }
  }

  @Test
  void csvZipHasOneFilePerTable() throws Exception {
    Map<String, String> files = unzip(ReportView.full(ReportSamples.report()));
    assertThat(files.keySet()).containsExactlyElementsOf(IdiomCsvZipWriter.FULL_TABLES);
    assertThat(files.get("windows.csv")).startsWith("window,memberships,offenders,").contains("\r\nPRE,");
    assertThat(files.get("offenders.csv")).contains("IOM-100");
    assertThat(files.get("unit_costs.csv")).contains("HO2018,domestic burglary,2015-16,5930,1.340835,7951.15");
  }

  @Test
  void htmlIsSelfContainedAndPrintable() {
    String html = new IdiomHtmlWriter().render(ReportView.full(ReportSamples.report()));
    assertThat(html).contains("@page { size: A4", "break-inside: avoid", "<svg", "Cost by window",
        "Proven offences by cost category", "Provisional POST windows", "March 2026");
    assertThat(html).doesNotContain("<script", "http://", "https://", "src=", "<link");
  }

  static Map<String, String> unzip(ReportView view) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new IdiomCsvZipWriter().write(view, out);
    Map<String, String> files = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        files.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}
