package org.iom.correlator.report.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.iom.correlator.alert.AlertKind;
import org.iom.correlator.match.MatchKind;
import org.iom.correlator.report.CohortScope;
import org.iom.correlator.report.cohort.CohortReport.AlertGroup;
import org.iom.correlator.report.cohort.CohortReport.Alerts;
import org.iom.correlator.report.cohort.CohortReport.Caseload;
import org.iom.correlator.report.cohort.CohortReport.Completeness;
import org.iom.correlator.report.cohort.CohortReport.Crimes;
import org.iom.correlator.report.cohort.CohortReport.OffenderRow;
import org.iom.correlator.report.cohort.CohortReport.People;
import org.iom.ingest.model.Cohort;
import org.junit.jupiter.api.Test;

class CohortViewAndWritersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** 20 people; small cells: bands 2 and 3, GAP 3, still open 1, open new 1, manager m3's 1. */
  static CohortReport partnerSample(int tagged) {
    People people = new People(20, 21, Map.of(Cohort.FIXED, 20), tagged, tagged + 1, 12L * 7 * 86_400_000L);
    Map<CompletenessBand, Integer> bands = new EnumMap<>(CompletenessBand.class);
    bands.put(CompletenessBand.UNDER_50, 2);
    bands.put(CompletenessBand.FROM_50_TO_80, 3);
    bands.put(CompletenessBand.FROM_80_TO_95, 0);
    bands.put(CompletenessBand.FROM_95, tagged - 5);
    Completeness completeness = new Completeness(100_000, new BigDecimal("120960"),
        Optional.of(new BigDecimal("82.671957671957672")), 40, 55 * 3_600_000L, 3 * 3_600_000L, bands);
    Crimes crimes = new Crimes(2_700, 11, 8, Map.of(MatchKind.PRESENT, 9, MatchKind.GAP, 3));
    Map<AlertOutcome, Integer> crimeOutcomes = new EnumMap<>(AlertOutcome.class);
    crimeOutcomes.put(AlertOutcome.POSITIVE_LINE_OF_ENQUIRY, 6);
    crimeOutcomes.put(AlertOutcome.ELIMINATED, 30);
    crimeOutcomes.put(AlertOutcome.NO_FURTHER_ACTION, 0);
    crimeOutcomes.put(AlertOutcome.STILL_OPEN, 1);
    Map<AlertOutcome, Integer> none = new EnumMap<>(AlertOutcome.class);
    for (AlertOutcome o : AlertOutcome.values()) none.put(o, 0);
    Map<AlertKind, Integer> kinds = new EnumMap<>(AlertKind.class);
    for (AlertKind k : List.of(AlertKind.ZONE_EXCLUSION, AlertKind.CURFEW_BREACH, AlertKind.CURFEW_NO_DATA,
        AlertKind.TAG_SILENT)) kinds.put(k, 0);
    Alerts alerts = new Alerts(true, new AlertGroup(37, crimeOutcomes, 1, 0, 2), new AlertGroup(0, none, 0, 0, 0), kinds);
    Caseload caseload = new Caseload(new TreeMap<>(Map.of("m.jones", 12, "m.smith", 7, "m.brown", 1)), 0, 0);
    List<OffenderRow> rows = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      rows.add(new OffenderRow("OFFENDER-" + i, "m.jones", Set.of(Cohort.FIXED), List.of("TAG-" + i), 0, 0,
          BigDecimal.ZERO, Optional.empty(), 0, 0, 0, 0, 0, 0, 0, 0));
    }
    return new CohortReport(CohortSample.request(CohortScope.FIXED), people, completeness, crimes, alerts, caseload, rows);
  }

  @Test
  void partnerViewSuppressesSmallCellsAndTheirComplements() {
    CohortView view = CohortView.partner(partnerSample(12), 5);
    assertThat(view.hiddenCells()).containsExactlyInAnyOrder(
        "completeness.by_band.UNDER_50", "completeness.by_band.FROM_50_TO_80",
        "matches.by_kind.GAP", "matches.by_kind.PRESENT",          // 3 hidden, so 9 = 12 - 3 is hidden too
        "alerts.crime.by_outcome.STILL_OPEN", "alerts.crime.by_outcome.POSITIVE_LINE_OF_ENQUIRY",
        "alerts.crime.open_new", "alerts.crime.withdrawn",
        "caseload.managers", "caseload.by_manager.manager 3.offenders", "caseload.by_manager.manager 2.offenders");
    assertThat(view.managers()).extracting(CohortView.ManagerRow::label, CohortView.ManagerRow::offenders)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("manager 1", 12),
            org.assertj.core.groups.Tuple.tuple("manager 2", 7), org.assertj.core.groups.Tuple.tuple("manager 3", 1));
    assertThat(CohortView.full(partnerSample(12)).hiddenCells()).isEmpty();
  }

  @Test
  void fewTaggedPeopleHideTagDaysAndCompleteness() throws Exception {
    CohortView view = CohortView.partner(partnerSample(6), 7);
    assertThat(view.hidden("people.tagged")).isTrue();
    JsonNode json = JSON.readTree(json(view));
    assertThat(json.at("/people/tagged").isNull()).isTrue();
    assertThat(json.at("/people/tag_days").isNull()).isTrue();
    for (String f : CohortView.COMPLETENESS_FIGURES) assertThat(json.at("/completeness/" + f).isNull()).as(f).isTrue();
    assertThat(json.at("/crimes/cross_referenced").asInt()).isEqualTo(2_700);
  }

  @Test
  void partnerOutputsNameNoOffenderOrManager() throws Exception {
    CohortView view = CohortView.partner(partnerSample(12), 5);
    String json = json(view);
    String html = new CohortHtmlWriter().render(view);
    Map<String, String> csv = unzip(view);
    assertThat(csv.keySet()).doesNotContain("offenders.csv");
    for (String text : List.of(json, html, String.join("\n", csv.values()))) {
      assertThat(text).doesNotContain("OFFENDER-").doesNotContain("TAG-").doesNotContain("m.jones")
          .doesNotContain("m.brown");
    }
    JsonNode tree = JSON.readTree(json);
    assertThat(tree.at("/offenders").size()).isZero();
    assertThat(tree.at("/matches/by_kind/GAP").isNull()).isTrue();
    assertThat(tree.at("/alerts/crime/by_outcome/ELIMINATED").asInt()).isEqualTo(30);
    assertThat(tree.at("/privacy/threshold").asInt()).isEqualTo(5);
    assertThat(tree.at("/privacy/suppressed_cells").size()).isEqualTo(view.hiddenCells().size());
    assertThat(csv.get("matches.csv")).contains("GAP,<5").contains("PRESENT,<5");
    assertThat(html).contains("&lt;5");
  }

  @Test
  void jsonShapeOfTheFullView() throws Exception {
    CohortReport report = new CohortCalculator()
        .compute(CohortSample.request(CohortScope.FIXED), CohortSample.inputs(), CohortSample.fixes());
    JsonNode j = JSON.readTree(json(CohortView.full(report)));
    assertThat(fields(j)).containsExactly("report", "cohort", "period", "generated_at", "settings", "people",
        "completeness", "crimes", "matches", "alerts", "caseload", "offenders", "flags", "notes", "privacy");
    assertThat(fields(j.get("period"))).containsExactly("from", "to_exclusive", "time_zone", "start", "end",
        "counted_to", "running");
    assertThat(j.at("/period/end").asText()).isEqualTo("2025-03-08T00:00:00Z");
    assertThat(fields(j.get("people"))).containsExactly("on_scheme", "memberships", "by_cohort", "tagged",
        "tag_assignments", "tag_days");
    assertThat(j.at("/people/tag_days").decimalValue()).isEqualByComparingTo("9.50");
    assertThat(fields(j.get("completeness"))).containsExactly("tagged_hours", "fixes_received", "fixes_expected",
        "percent", "gaps", "gap_hours", "silent_edge_hours", "by_band");
    assertThat(j.at("/completeness/percent").decimalValue()).isEqualByComparingTo("85.55");
    assertThat(j.at("/completeness/gap_hours").decimalValue()).isEqualByComparingTo("8.00");
    assertThat(fields(j.get("crimes"))).containsExactly("cross_referenced", "with_matches", "offenders_matched");
    assertThat(fields(j.at("/matches/by_kind"))).containsExactly("PRESENT", "GAP");
    assertThat(fields(j.at("/alerts/crime"))).containsExactly("total", "by_outcome", "open_new", "open_acknowledged",
        "withdrawn");
    assertThat(fields(j.at("/alerts/crime/by_outcome"))).containsExactly("POSITIVE_LINE_OF_ENQUIRY", "ELIMINATED",
        "NO_FURTHER_ACTION", "STILL_OPEN");
    assertThat(fields(j.at("/alerts/licence/by_kind"))).containsExactly("ZONE_EXCLUSION", "CURFEW_BREACH",
        "CURFEW_NO_DATA", "TAG_SILENT");
    assertThat(j.at("/alerts/crime/by_outcome/POSITIVE_LINE_OF_ENQUIRY").asInt()).isEqualTo(1);
    assertThat(fields(j.get("caseload"))).containsExactly("managers", "unassigned", "without_offender_record",
        "by_manager");
    assertThat(j.at("/caseload/by_manager/0/manager").asText()).isEqualTo("m1");
    assertThat(j.at("/offenders").size()).isEqualTo(4);
    assertThat(fields(j.at("/offenders/0"))).contains("offender_id", "manager_id", "completeness_percent", "gap_hours",
        "matches_present", "positive_lines_of_enquiry");
    assertThat(j.at("/privacy/partner_view").asBoolean()).isFalse();
  }

  @Test
  void withoutAnAlertStoreAlertFiguresAreAbsentNotZero() throws Exception {
    CohortInputs in = CohortSample.inputs();
    CohortInputs noAlerts = new CohortInputs(in.memberships(), in.offenders(), in.assignments(), in.crimes(),
        in.matches(), List.of(), false);
    CohortView view = CohortView.full(new CohortCalculator()
        .compute(CohortSample.request(CohortScope.FIXED), noAlerts, CohortSample.fixes()));
    JsonNode j = JSON.readTree(json(view));
    assertThat(j.at("/alerts/available").asBoolean()).isFalse();
    assertThat(j.at("/alerts/crime").isNull()).isTrue();
    assertThat(j.at("/notes").toString()).contains("Alerts: not available");
    assertThat(new CohortHtmlWriter().render(view)).contains("Alerts: not available");
    assertThat(unzip(view).get("alerts.csv").strip().lines().count()).isEqualTo(1);
  }

  @Test
  void csvZipHasOneFilePerTable() throws Exception {
    CohortReport report = new CohortCalculator()
        .compute(CohortSample.request(CohortScope.FIXED), CohortSample.inputs(), CohortSample.fixes());
    Map<String, String> files = unzip(CohortView.full(report));
    assertThat(files.keySet()).containsExactlyElementsOf(CohortCsvZipWriter.FULL_TABLES);
    assertThat(files.get("people.csv")).contains("tag_days,9.50\r\n");
    assertThat(files.get("completeness.csv")).contains("fixes_received,11703\r\n").contains("gap_hours,8.00\r\n");
    assertThat(files.get("alerts.csv")).contains("crime,1,1,0,2,4,1,1,1\r\n");
    assertThat(files.get("caseload.csv")).contains("m1,2\r\n").contains("(no manager),1\r\n");
    assertThat(files.get("offenders.csv").lines().count()).isEqualTo(5);
  }

  private static List<String> fields(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static String json(CohortView view) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new CohortJsonWriter().write(view, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Map<String, String> unzip(CohortView view) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new CohortCsvZipWriter().write(view, out);
    Map<String, String> files = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        files.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}
