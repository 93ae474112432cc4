package org.iom.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.iom.ingest.geo.BritishNationalGrid;
import org.iom.ingest.geo.GridPoint;
import org.iom.ingest.model.Fix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvFixesTest {
  private final RecordReader<Fix> reader = Readers.fixes(InputFormat.CSV, Collected.OPTIONS);

  @Test
  void readsGoodRowsWithTheirPhysicalLines() throws Exception {
    var out = Collected.read(reader, """
        tag_id,recorded_at,lat,lon,accuracy_m,speed_kmh,battery_pct,event
        T1,2025-03-01T12:34:56Z,52.9225,-1.4746,8.5,3.2,77,
        T1,2025-03-01T12:35:56.250Z,52.9226,-1.4747,,,,TAMPER
        """);
    assertThat(out.rejected).isEmpty();
    assertThat(out.acceptedLines()).containsExactly(2L, 3L);
    Fix first = out.values().get(0);
    assertThat(first.tagId()).isEqualTo("T1");
    assertThat(first.recordedAt()).isEqualTo(Instant.parse("2025-03-01T12:34:56Z"));
    assertThat(first.position().lat()).isEqualTo(52.9225);
    assertThat(first.position().lon()).isEqualTo(-1.4746);
    GridPoint g = BritishNationalGrid.toGrid(52.9225, -1.4746);
    assertThat(first.position().easting()).isEqualTo(g.easting());
    assertThat(first.position().northing()).isEqualTo(g.northing());
    assertThat(first.accuracyM()).isEqualTo(8.5);
    assertThat(first.speedKmh()).isEqualTo(3.2);
    assertThat(first.batteryPct()).isEqualTo(77);
    assertThat(first.event()).isNull();
    Fix second = out.values().get(1);
    assertThat(second.recordedAt()).isEqualTo(Instant.parse("2025-03-01T12:35:56.250Z"));
    assertThat(second.accuracyM()).isNull();
    assertThat(second.batteryPct()).isNull();
    assertThat(second.event()).isEqualTo("TAMPER");
  }

  @Test
  void convertsOffsetsToUtc() throws Exception {
    var out = Collected.read(reader, "tag_id,recorded_at,lat,lon\nT1,2025-05-01T13:00:00+01:00,52.9,-1.4\n"
        + "T1,2025-05-01T06:00:00.5-05:30,52.9,-1.4\n");
    assertThat(out.values()).extracting(Fix::recordedAt)
        .containsExactly(Instant.parse("2025-05-01T12:00:00Z"), Instant.parse("2025-05-01T11:30:00.500Z"));
  }

  @Test
  void acceptsAnyColumnOrderUnknownColumnsAndLooseHeaderCase() throws Exception {
    var out = Collected.read(reader, " LON ,Colour,Recorded_At,LAT,Tag_ID\n-1.4746,red,2025-03-01T12:00:00Z,52.9225,T9\n");
    Fix fix = out.only();
    assertThat(fix.tagId()).isEqualTo("T9");
    assertThat(fix.position().lat()).isEqualTo(52.9225);
    assertThat(fix.position().lon()).isEqualTo(-1.4746);
  }

  @Test
  void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
    var out = Collected.read(reader, "tag_id,recorded_at,lat,lon,event\n"
        + "\"T,1\",2025-03-01T12:00:00Z,52.9,-1.4,\"strap \"\"cut\"\", then\nmoved\"\n"
        + "T2,not-a-time,52.9,-1.4,\n");
    assertThat(out.accepted).hasSize(1);
    Fix fix = out.values().get(0);
    assertThat(fix.tagId()).isEqualTo("T,1");
    assertThat(fix.event()).isEqualTo("strap \"cut\", then\nmoved");
    // the quoted line break makes the bad row physical line 4
    assertThat(out.rejected).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(4);
      assertThat(r.raw()).isEqualTo("T2,not-a-time,52.9,-1.4,");
    });
  }

  @Test
  void reportsAMultiLineRecordAtTheLineWhereItStarts() throws Exception {
    var out = Collected.read(reader, "tag_id,recorded_at,lat,lon,event\n"
        + "T1,2025-03-01T12:00:00Z,0,0,\"line one\nline two\"\n");
    assertThat(out.onlyRejection().line()).isEqualTo(2);
  }

  @Test
  void handlesCrlfLineEnds() throws Exception {
    var out = Collected.read(reader, "tag_id,recorded_at,lat,lon\r\nT1,2025-03-01T12:00:00Z,52.9,-1.4\r\n"
        + "T1,bad,52.9,-1.4\r\nT1,2025-03-01T12:01:00Z,52.9,-1.4\r\n");
    assertThat(out.acceptedLines()).containsExactly(2L, 4L);
    assertThat(out.rejected).extracting(Rejection::line).containsExactly(3L);
    assertThat(out.values().get(0).position().lon()).isEqualTo(-1.4);
  }

  @Test
  void toleratesAUtf8ByteOrderMark() throws Exception {
    byte[] text = "tag_id,recorded_at,lat,lon\nT1,2025-03-01T12:00:00Z,52.9,-1.4\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    var out = Collected.read(reader, withBom);
    assertThat(out.only().tagId()).isEqualTo("T1");
    assertThat(out.acceptedLines()).containsExactly(2L);
  }

  @Test
  void skipsBlankLinesButCountsThem() throws Exception {
    var out = Collected.read(reader, "tag_id,recorded_at,lat,lon\n\nT1,2025-03-01T12:00:00Z,52.9,-1.4\n   \n\nT1,x,52.9,-1.4\n");
    assertThat(out.acceptedLines()).containsExactly(3L);
    assertThat(out.rejected).extracting(Rejection::line).containsExactly(6L);
  }

  @Test
  void readsEastingNorthing() throws Exception {
    var out = Collected.read(reader, "tag_id,recorded_at,easting,northing\nT1,2025-03-01T12:00:00Z,435000,336000\n");
    Fix fix = out.only();
    assertThat(fix.position().easting()).isEqualTo(435000);
    assertThat(fix.position().northing()).isEqualTo(336000);
    GridPoint back = BritishNationalGrid.toGrid(fix.position().lat(), fix.position().lon());
    assertThat(back.easting()).isCloseTo(435000, within(0.01));
    assertThat(back.northing()).isCloseTo(336000, within(0.01));
  }

  @Test
  void aFileMayMixPositionPairsRowByRow() throws Exception {
    var out = Collected.read(reader, "tag_id,recorded_at,lat,lon,easting,northing\n"
        + "T1,2025-03-01T12:00:00Z,52.9,-1.4,,\nT1,2025-03-01T12:01:00Z,,,435000,336000\n");
    assertThat(out.rejected).isEmpty();
    assertThat(out.accepted).hasSize(2);
    assertThat(out.values().get(1).position().easting()).isEqualTo(435000);
  }

  @Test
  void bothPairsThatAgreeUseLatLon() throws Exception {
    GridPoint g = BritishNationalGrid.toGrid(52.9, -1.4);
    var out = Collected.read(reader, "tag_id,recorded_at,lat,lon,easting,northing\nT1,2025-03-01T12:00:00Z,52.9,-1.4,"
        + (g.easting() + 20) + "," + (g.northing() - 20) + "\n");
    Fix fix = out.only();
    assertThat(fix.position().easting()).isEqualTo(g.easting());
    assertThat(fix.position().lat()).isEqualTo(52.9);
  }

  @Test
  void bothPairsThatDisagreeAreRejected() throws Exception {
    GridPoint g = BritishNationalGrid.toGrid(52.9, -1.4);
    var out = Collected.read(reader, "tag_id,recorded_at,lat,lon,easting,northing\nT1,2025-03-01T12:00:00Z,52.9,-1.4,"
        + (g.easting() + 60) + "," + g.northing() + "\n");
    assertThat(out.onlyRejection().reason()).contains("disagree by 60 m (more than 50 m)");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      ,2025-03-01T12:00:00Z,52.9,-1.4,,            | tag_id is required
      T1,,52.9,-1.4,,                              | recorded_at is required
      T1,not-a-time,52.9,-1.4,,                    | recorded_at 'not-a-time' is not an ISO-8601 time with an offset or Z
      T1,2025-03-01T12:00:00,52.9,-1.4,,           | recorded_at '2025-03-01T12:00:00' has no UTC offset; add Z for UTC
      T1,2025-02-30T12:00:00Z,52.9,-1.4,,          | recorded_at '2025-02-30T12:00:00Z' is not an ISO-8601 time
      T1,2025-06-01T12:05:01Z,52.9,-1.4,,          | recorded_at 2025-06-01T12:05:01Z is more than 5 minutes in the future
      T1,2025-03-01T12:00:00Z,NaN,-1.4,,           | lat 'NaN' is not a finite number
      T1,2025-03-01T12:00:00Z,52.9,Infinity,,      | lon 'Infinity' is not a finite number
      T1,2025-03-01T12:00:00Z,52.9,1.4d,,          | lon '1.4d' is not a number
      T1,2025-03-01T12:00:00Z,95,-1.4,,            | lat 95 is outside -90..90
      T1,2025-03-01T12:00:00Z,52.9,-181,,          | lon -181 is outside -180..180
      T1,2025-03-01T12:00:00Z,0,0,,                | lat/lon (0, 0) is "null island"
      T1,2025-03-01T12:00:00Z,0.0,0.000,,          | lat/lon (0, 0) is "null island"
      T1,2025-03-01T12:00:00Z,48.8566,2.3522,,     | lat/lon (48.8566, 2.3522) is outside Great Britain (British National Grid extent)
      T1,2025-03-01T12:00:00Z,40.7,-74.0,,         | is outside Great Britain (British National Grid extent)
      T1,2025-03-01T12:00:00Z,52.9,,,              | lon is required
      T1,2025-03-01T12:00:00Z,,,,                  | a position is required: give lat and lon, or easting and northing
      T1,2025-03-01T12:00:00Z,52.9,-1.4,-1,        | accuracy_m -1 must not be negative
      T1,2025-03-01T12:00:00Z,52.9,-1.4,,101       | battery_pct 101 is outside 0..100
      T1,2025-03-01T12:00:00Z,52.9,-1.4,,-1        | battery_pct -1 is outside 0..100
      T1,2025-03-01T12:00:00Z,52.9,-1.4,,85.5      | battery_pct '85.5' is not a whole number
      """)
  void rejectsBadRowsWithLineAndReason(String row, String reason) throws Exception {
    var out = Collected.read(reader, "tag_id,recorded_at,lat,lon,accuracy_m,battery_pct\n"
        + "T0,2025-03-01T11:00:00Z,52.9,-1.4,,\n" + row.strip() + "\n");
    assertThat(out.acceptedLines()).containsExactly(2L);
    Rejection r = out.rejected.get(0);
    assertThat(out.rejected).hasSize(1);
    assertThat(r.line()).isEqualTo(3);
    assertThat(r.reason()).contains(reason.strip());
    assertThat(r.raw()).isEqualTo(row.strip());
  }

  @Test
  void gridPositionsOutsideTheExtentAreRejected() throws Exception {
    var out = Collected.read(reader, "tag_id,recorded_at,easting,northing\nT1,2025-03-01T12:00:00Z,750000,100000\n");
    assertThat(out.onlyRejection().reason())
        .isEqualTo("easting/northing (750000, 100000) is outside Great Britain (British National Grid extent): 0..700000 east, 0..1300000 north");
  }

  @Test
  void aFixWithinTheFutureToleranceIsAccepted() throws Exception {
    var out = Collected.read(reader, "tag_id,recorded_at,lat,lon\nT1,2025-06-01T12:05:00Z,52.9,-1.4\n");
    assertThat(out.only().recordedAt()).isEqualTo(Instant.parse("2025-06-01T12:05:00Z"));
  }

  @Test
  void rejectsRowsWithMoreOrFewerFieldsThanTheHeader() throws Exception {
    var out = Collected.read(reader, "tag_id,recorded_at,lat,lon\nT1,2025-03-01T12:00:00Z,52.9,-1.4,extra\n"
        + "T1,2025-03-01T12:00:00Z,52.9\nT1,2025-03-01T12:00:00Z,52.9,-1.4\n");
    assertThat(out.acceptedLines()).containsExactly(4L);
    assertThat(out.rejected).extracting(Rejection::line).containsExactly(2L, 3L);
    assertThat(out.rejected.get(0).reason()).isEqualTo("the row has 5 fields but the header has 4 (an unquoted comma, or a missing one?)");
    assertThat(out.rejected.get(1).reason()).startsWith("the row has 3 fields but the header has 4");
  }

  @Test
  void aMissingColumnIsAWholeFileErrorNamingWhatWasFound() {
    assertThatThrownBy(() -> Collected.read(reader, "tag_id,lat,lon\nT1,52.9,-1.4\n"))
        .isInstanceOf(InvalidFileException.class)
        .hasMessage("missing required column recorded_at in the fixes header; found tag_id, lat, lon");
    assertThatThrownBy(() -> Collected.read(reader, "tag_id,recorded_at,lat\nT1,2025-03-01T12:00:00Z,52.9\n"))
        .isInstanceOf(InvalidFileException.class)
        .hasMessage("missing required column lat and lon (or easting and northing) in the fixes header; found tag_id, recorded_at, lat");
    assertThatThrownBy(() -> Collected.read(reader, "tag_id;recorded_at;lat;lon\n"))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("missing required columns tag_id, recorded_at, lat and lon (or easting and northing)")
        .hasMessageContaining("separated by commas, not semicolons");
  }

  @Test
  void aDuplicatedColumnIsAWholeFileError() {
    assertThatThrownBy(() -> Collected.read(reader, "tag_id,recorded_at,lat,lon,LAT\n"))
        .isInstanceOf(InvalidFileException.class).hasMessage("column 'lat' appears twice in the header");
  }

  @Test
  void aHeaderWithoutRowsIsNoRows() throws Exception {
    var out = Collected.read(reader, "tag_id,recorded_at,lat,lon\n");
    assertThat(out.order).isEmpty();
  }

  @Test
  void emptyInputIsAWholeFileError() {
    assertThatThrownBy(() -> Collected.read(reader, "")).isInstanceOf(InvalidFileException.class).hasMessage("the file is empty");
    assertThatThrownBy(() -> Collected.read(reader, " \r\n\n")).isInstanceOf(InvalidFileException.class).hasMessage("the file is empty");
    assertThatThrownBy(() -> Collected.read(reader, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}))
        .isInstanceOf(InvalidFileException.class).hasMessage("the file is empty");
  }

  @Test
  void binaryAndNonUtf8InputAreWholeFileErrors() {
    assertThatThrownBy(() -> Collected.read(reader, new byte[] {'t', 'a', 'g', 0, 1, 2}))
        .isInstanceOf(InvalidFileException.class).hasMessageContaining("not CSV: binary data");
    byte[] latin1 = "tag_id,recorded_at,lat,lon\nT\u00a31,2025-03-01T12:00:00Z,52.9,-1.4\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> Collected.read(reader, latin1))
        .isInstanceOf(InvalidFileException.class)
        .hasMessageContaining("line 2 has a byte that is not UTF-8").hasMessageContaining("save the file as UTF-8");
    assertThatThrownBy(() -> Collected.read(reader, new byte[] {'P', 'K', 3, 4, 20, 0}))
        .isInstanceOf(InvalidFileException.class).hasMessageContaining("ZIP archive (an Excel workbook?)");
    assertThatThrownBy(() -> Collected.read(reader, "{\"tag_id\":\"T1\"}\n"))
        .isInstanceOf(InvalidFileException.class).hasMessageContaining("looks like JSON");
  }

  @Test
  void aBadByteBeyondTheSniffedStartStopsTheReadWithRowsSoFarDelivered() {
    StringBuilder sb = new StringBuilder("tag_id,recorded_at,lat,lon\n");
    while (sb.length() < TextInput.SNIFF_BYTES + 1000) sb.append("T1,2025-03-01T12:00:00Z,52.9,-1.4\n");
    byte[] good = sb.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[good.length + 40];
    System.arraycopy(good, 0, bytes, 0, good.length);
    byte[] bad = "T\u00a31,2025-03-01T12:00:00Z,52.9,-1.4\n".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(bad, 0, bytes, good.length, bad.length);
    Collected<Fix> out = new Collected<>();
    assertThatThrownBy(() -> reader.read(new java.io.ByteArrayInputStream(bytes, 0, good.length + bad.length), out))
        .isInstanceOf(InvalidFileException.class).hasMessageContaining("is not UTF-8");
    assertThat(out.accepted).isNotEmpty();
  }

  @Test
  void anUnclosedQuoteIsAWholeFileError() {
    assertThatThrownBy(() -> Collected.read(reader, "tag_id,recorded_at,lat,lon,event\nT1,2025-03-01T12:00:00Z,52.9,-1.4,\"open\n"))
        .isInstanceOf(InvalidFileException.class).hasMessageContaining("Unclosed quoted field").hasMessageContaining("line 2");
  }
}
