package org.iom.correlator.zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.iom.correlator.zones.ZoneFixtures.X0;
import static org.iom.correlator.zones.ZoneFixtures.Y0;

import org.junit.jupiter.api.Test;

class ZoneShapeTest {
  private final ZoneShape square = new ZoneShape(ZoneFixtures.square(100));

  @Test
  void diagonalSegmentCrossesTwoEdgesExactly() {
    // (-30, 10) -> (130, 90): x = 0 at u = 30/160, x = 100 at u = 130/160 (y = 75 there).
    double[] in = square.inside(X0 - 30, Y0 + 10, X0 + 130, Y0 + 90);
    assertThat(in).hasSize(2);
    assertThat(in[0]).isCloseTo(30.0 / 160, within(1e-12));
    assertThat(in[1]).isCloseTo(130.0 / 160, within(1e-12));
  }

  @Test
  void segmentThroughAVertexAndAlongAnEdge() {
    // Through the corner (0, 0) diagonally: inside from the corner on.
    double[] in = square.inside(X0 - 50, Y0 - 50, X0 + 50, Y0 + 50);
    assertThat(in).hasSize(2);
    assertThat(in[0]).isCloseTo(0.5, within(1e-12));
    assertThat(in[1]).isEqualTo(1.0);
    // Along the bottom edge from x = -50 to 150: on the boundary (inside the closed polygon) for x in [0, 100].
    double[] along = square.inside(X0 - 50, Y0, X0 + 150, Y0);
    assertThat(along).hasSize(2);
    assertThat(along[0]).isCloseTo(0.25, within(1e-12));
    assertThat(along[1]).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void stationaryAndDistantSegments() {
    assertThat(square.inside(X0 + 50, Y0 + 50, X0 + 50, Y0 + 50)).containsExactly(0, 1);
    assertThat(square.inside(X0 + 500, Y0 + 50, X0 + 600, Y0 + 50)).isEmpty();
    assertThat(square.outsideBuffer(X0 + 500, Y0 + 50, X0 + 600, Y0 + 50, 50)).containsExactly(0, 1);
  }

  @Test
  void holesAreOutside() {
    ZoneShape ring = new ZoneShape(ZoneFixtures.square(100).difference(
        ZoneFixtures.polygon(new double[][] {{40, 40}, {60, 40}, {60, 60}, {40, 60}, {40, 40}})));
    double[] in = ring.inside(X0 - 10, Y0 + 50, X0 + 110, Y0 + 50);
    assertThat(in).hasSize(4);
    assertThat(in[0] * 120).isCloseTo(10, within(1e-9));
    assertThat(in[1] * 120).isCloseTo(50, within(1e-9));
    assertThat(in[2] * 120).isCloseTo(70, within(1e-9));
    assertThat(in[3] * 120).isCloseTo(110, within(1e-9));
  }

  @Test
  void bufferIsExactRoundCornersNotAPolygonalApproximation() {
    // Past the corner (0, 0) along the diagonal x = y: distance to the corner is |x| * sqrt(2).
    double edge = 50 / Math.sqrt(2);
    double[] out = square.outsideBuffer(X0 - 100, Y0 - 100, X0, Y0, 50);
    assertThat(out).hasSize(2);
    assertThat(out[0]).isEqualTo(0.0);
    assertThat(out[1] * 100).isCloseTo(100 - edge, within(1e-9));
    assertThat(square.distance(X0 - 34.6, Y0 - 34.6)).isLessThan(49);
    assertThat(square.distance(X0 - 36.1, Y0 - 36.1)).isGreaterThan(51);
  }

  @Test
  void bufferAlongAnEdgeAtTheTolerance() {
    // Parallel to the left edge at 49 m and 51 m: always within, never within.
    assertThat(square.outsideBuffer(X0 - 49, Y0, X0 - 49, Y0 + 100, 50)).isEmpty();
    // Beyond the corners the buffer is round: at 49 m across, within only while |y| <= sqrt(50^2 - 49^2).
    double[] past = square.outsideBuffer(X0 - 49, Y0 - 20, X0 - 49, Y0 + 120, 50);
    double reach = Math.sqrt(50 * 50 - 49 * 49);
    assertThat(past).hasSize(4);
    assertThat(past[1] * 140 - 20).isCloseTo(-reach, within(1e-9));
    assertThat(past[2] * 140 - 20).isCloseTo(100 + reach, within(1e-9));
    assertThat(square.outsideBuffer(X0 - 51, Y0 + 20, X0 - 51, Y0 + 80, 50)).containsExactly(0, 1);
    // Walking straight out from the left edge: leaves the buffer at x = -50.
    double[] out = square.outsideBuffer(X0 + 50, Y0 + 50, X0 - 150, Y0 + 50, 50);
    assertThat(out).hasSize(2);
    assertThat(out[0] * 200).isCloseTo(100, within(1e-9));
    assertThat(out[1]).isEqualTo(1.0);
  }
}
