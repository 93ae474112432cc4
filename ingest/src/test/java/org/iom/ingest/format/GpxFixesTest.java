package org.iom.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.iom.ingest.model.Fix;
import org.junit.jupiter.api.Test;

class GpxFixesTest {
  private final RecordReader<Fix> reader = Readers.fixes(InputFormat.GPX, Collected.OPTIONS);

  private static final String GPX_11 = """
      <?xml version="1.0" encoding="UTF-8"?>
      <gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
        <metadata><name>FILE-TAG</name></metadata>
        <wpt lat="52.95" lon="-1.15"><time>2025-03-01T11:59:00Z</time><name>home</name></wpt>
        <trk>
          <name>TAG-7</name>
          <trkseg>
            <trkpt lat="52.9225" lon="-1.4746"><ele>50</ele><time>2025-03-01T12:00:00Z</time></trkpt>
            <trkpt lat="95" lon="-1.4746"><time>2025-03-01T12:01:00Z</time></trkpt>
            <trkpt lat="52.9226" lon="-1.4747"></trkpt>
            <trkpt lat="52.9227"
                   lon="-1.4748">
              <time>2025-03-01T12:03:00</time>
            </trkpt>
            <trkpt lat="52.9228" lon="-1.4749"><time>2025-03-01T13:04:00+01:00</time>
              <extensions><time>ignored</time></extensions></trkpt>
          </trkseg>
        </trk>
        <trk><trkseg><trkpt lat="52.93" lon="-1.47"><time>2025-03-01T12:05:00Z</time></trkpt></trkseg></trk>
        <rte><rtept lat="52.0" lon="-1.0"><time>2025-03-01T12:00:00Z</time></rtept></rte>
      </gpx>
      """;

  @Test
  void readsTrackPointsAndWaypointsWithTheLineOfEachPoint() throws Exception {
    var out = Collected.read(reader, GPX_11);
    assertThat(out.order).containsExactly("A4", "A8", "R9", "R10", "R12", "A15", "A19");
    Fix waypoint = out.accepted.get(0).value();
    assertThat(waypoint.tagId()).isEqualTo("FILE-TAG");
    Fix first = out.accepted.get(1).value();
    assertThat(first.tagId()).isEqualTo("TAG-7");
    assertThat(first.recordedAt()).isEqualTo(Instant.parse("2025-03-01T12:00:00Z"));
    assertThat(first.position().lat()).isEqualTo(52.9225);
    assertThat(out.accepted.get(2).value().recordedAt()).isEqualTo(Instant.parse("2025-03-01T12:04:00Z"));
    // a track without a name falls back to the file's name
    assertThat(out.accepted.get(3).value().tagId()).isEqualTo("FILE-TAG");
    assertThat(out.rejected).extracting(Rejection::reason).containsExactly(
        "lat 95 is outside -90..90",
        "time is required",
        "time '2025-03-01T12:03:00' has no UTC offset; add Z for UTC or an offset such as +01:00");
    assertThat(out.rejected.get(0).raw()).isEqualTo("<trkpt lat=\"95\" lon=\"-1.4746\"><time>2025-03-01T12:01:00Z</time></trkpt>");
  }

  @Test
  void usesTheGivenTagIdWhenTheFileNamesNone() throws Exception {
    String gpx = """
        <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
        <trkpt lat="52.9" lon="-1.4"><time>2025-03-01T12:00:00Z</time></trkpt>
        </trkseg></trk></gpx>
        """;
    assertThat(Collected.read(Readers.fixes(InputFormat.GPX, Collected.OPTIONS.withGpxTagId("UPLOAD-TAG")), gpx).only().tagId())
        .isEqualTo("UPLOAD-TAG");
    Rejection r = Collected.read(reader, gpx).onlyRejection();
    assertThat(r.line()).isEqualTo(2);
    assertThat(r.reason()).contains("names no tag");
  }

  @Test
  void readsGpx10NamesAndNoNamespace() throws Exception {
    String gpx = "<gpx version=\"1.0\"><name>OLD-TAG</name>\n<trk><trkseg><trkpt lat=\"52.9\" lon=\"-1.4\">"
        + "<time>2025-03-01T12:00:00Z</time><speed>1.2</speed></trkpt></trkseg></trk></gpx>";
    var out = Collected.read(reader, gpx);
    assertThat(out.only().tagId()).isEqualTo("OLD-TAG");
    assertThat(out.acceptedLines()).containsExactly(2L);
  }

  @Test
  void wholeFileErrors() {
    assertThatThrownBy(() -> Collected.read(reader, "")).isInstanceOf(InvalidFileException.class).hasMessage("the file is empty");
    assertThatThrownBy(() -> Collected.read(reader, "<kml><Placemark/></kml>"))
        .isInstanceOf(InvalidFileException.class).hasMessage("not GPX: the root element is <kml>, not <gpx>");
    assertThatThrownBy(() -> Collected.read(reader, "tag_id,recorded_at\n"))
        .isInstanceOf(InvalidFileException.class).hasMessageStartingWith("not GPX: the XML is not well-formed at line 1");
    assertThatThrownBy(() -> Collected.read(reader, "<gpx>\n<trk><trkseg>\n<trkpt lat=\"1\"></trk></gpx>"))
        .isInstanceOf(InvalidFileException.class).hasMessageStartingWith("not GPX: the XML is not well-formed at line 3");
  }

  @Test
  void doesNotResolveExternalEntities() {
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE gpx [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n"
        + "<gpx><metadata><name>&x;</name></metadata><trk><trkseg>"
        + "<trkpt lat=\"52.9\" lon=\"-1.4\"><time>2025-03-01T12:00:00Z</time></trkpt></trkseg></trk></gpx>";
    assertThatThrownBy(() -> Collected.read(reader, xxe)).isInstanceOf(InvalidFileException.class);
  }
}
