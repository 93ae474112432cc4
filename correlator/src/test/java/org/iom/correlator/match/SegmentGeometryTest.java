package org.iom.correlator.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SegmentGeometryTest {
  // A walk along the x axis from (-100, 0) at t=0 to (100, 0) at t=200 s: 1 m/s.
  private static final long TA = 0, TB = 200_000;
  private static final double AX = -100, AY = 0, BX = 100, BY = 0;

  @Test
  void closestApproachIsTheFootOfThePerpendicular() {
    assertThat(SegmentGeometry.closestApproachTime(TA, AX, AY, TB, BX, BY, 30, 40, TA, TB)).isEqualTo(130_000.0);
    assertThat(SegmentGeometry.closestApproachDistance(TA, AX, AY, TB, BX, BY, 30, 40, TA, TB)).isEqualTo(40.0);
  }

  @Test
  void closestApproachIsClippedToTheInterval() {
    assertThat(SegmentGeometry.closestApproachTime(TA, AX, AY, TB, BX, BY, 30, 40, 0, 100_000)).isEqualTo(100_000.0);
    assertThat(SegmentGeometry.closestApproachDistance(TA, AX, AY, TB, BX, BY, 30, 40, 0, 100_000)).isEqualTo(50.0);
    assertThat(SegmentGeometry.closestApproachTime(TA, AX, AY, TB, BX, BY, 30, 40, 150_000, 200_000)).isEqualTo(150_000.0);
  }

  @Test
  void chordOfTheCircleIsSolvedExactly() {
    // Circle of 60 m round (0, 36): the line y=0 cuts it at x = +-48 (a 36-48-60 triangle).
    SegmentGeometry.Interval in = SegmentGeometry.insideCircle(TA, AX, AY, TB, BX, BY, 0, 36, 60, TA, TB);
    assertThat(in.from()).isCloseTo(52_000.0, within(1e-9));
    assertThat(in.to()).isCloseTo(148_000.0, within(1e-9));
    assertThat(SegmentGeometry.timeInsideCircle(TA, AX, AY, TB, BX, BY, 0, 36, 60, TA, TB)).isCloseTo(96_000.0, within(1e-9));
  }

  @Test
  void timeInsideIsClippedToTheWindow() {
    SegmentGeometry.Interval in = SegmentGeometry.insideCircle(TA, AX, AY, TB, BX, BY, 0, 36, 60, 100_000, 200_000);
    assertThat(in.from()).isEqualTo(100_000.0);
    assertThat(in.to()).isCloseTo(148_000.0, within(1e-9));
    assertThat(SegmentGeometry.insideCircle(TA, AX, AY, TB, BX, BY, 0, 36, 60, 150_000, 200_000)).isNull();
  }

  @Test
  void tangentSegmentTouchesForAnInstant() {
    SegmentGeometry.Interval in = SegmentGeometry.insideCircle(TA, AX, AY, TB, BX, BY, 0, 50, 50, TA, TB);
    assertThat(in).isNotNull();
    assertThat(in.from()).isCloseTo(100_000.0, within(1e-6));
    assertThat(in.length()).isCloseTo(0.0, within(1e-6));
    assertThat(SegmentGeometry.closestApproachDistance(TA, AX, AY, TB, BX, BY, 0, 50, TA, TB)).isEqualTo(50.0);
    assertThat(SegmentGeometry.insideCircle(TA, AX, AY, TB, BX, BY, 0, 50.001, 50, TA, TB)).isNull();
  }

  @Test
  void segmentStartingInsideIsInsideFromItsStart() {
    SegmentGeometry.Interval in = SegmentGeometry.insideCircle(TA, AX, AY, TB, BX, BY, -100, 0, 50, TA, TB);
    assertThat(in.from()).isEqualTo(0.0);
    assertThat(in.to()).isCloseTo(50_000.0, within(1e-9));
  }

  @Test
  void segmentWhollyInsideIsInsideThroughout() {
    assertThat(SegmentGeometry.timeInsideCircle(TA, AX, AY, TB, BX, BY, 0, 0, 500, TA, TB)).isEqualTo(200_000.0);
  }

  @Test
  void stationarySegmentIsInsideThroughoutOrNeverAndClosestAtItsStart() {
    assertThat(SegmentGeometry.timeInsideCircle(0, 10, 0, 60_000, 10, 0, 0, 0, 20, 0, 60_000)).isEqualTo(60_000.0);
    assertThat(SegmentGeometry.timeInsideCircle(0, 10, 0, 60_000, 10, 0, 0, 0, 10, 0, 60_000)).isEqualTo(60_000.0);
    assertThat(SegmentGeometry.insideCircle(0, 10, 0, 60_000, 10, 0, 0, 0, 5, 0, 60_000)).isNull();
    assertThat(SegmentGeometry.closestApproachTime(0, 10, 0, 60_000, 10, 0, 0, 0, 20_000, 60_000)).isEqualTo(20_000.0);
    assertThat(SegmentGeometry.closestApproachDistance(0, 10, 0, 60_000, 10, 0, 0, 0, 20_000, 60_000)).isEqualTo(10.0);
  }

  @Test
  void zeroLengthClipIsOneInstant() {
    assertThat(SegmentGeometry.closestApproachTime(TA, AX, AY, TB, BX, BY, 0, 0, 30_000, 30_000)).isEqualTo(30_000.0);
    assertThat(SegmentGeometry.closestApproachDistance(TA, AX, AY, TB, BX, BY, 0, 0, 30_000, 30_000)).isEqualTo(70.0);
    SegmentGeometry.Interval boundary = SegmentGeometry.insideCircle(TA, AX, AY, TB, BX, BY, 0, 0, 70, 30_000, 30_000);
    assertThat(boundary).isNotNull();
    assertThat(boundary.length()).isZero();
    assertThat(SegmentGeometry.insideCircle(TA, AX, AY, TB, BX, BY, 0, 0, 69.99, 30_000, 30_000)).isNull();
  }

  @Test
  void staysExactAtNationalGridAndEpochMagnitudes() {
    long ta = 1_743_296_400_000L; // 2025-03-30T01:00:00Z
    long tb = ta + 200_000;
    double e = 430_000.25, n = 380_000.75;
    SegmentGeometry.Interval in = SegmentGeometry.insideCircle(ta, e + AX, n, tb, e + BX, n, e, n + 36, 60, ta, tb);
    assertThat(in.from() - ta).isCloseTo(52_000.0, within(1e-3));
    assertThat(in.to() - ta).isCloseTo(148_000.0, within(1e-3));
    assertThat(SegmentGeometry.closestApproachTime(ta, e + AX, n, tb, e + BX, n, e + 30, n + 40, ta, tb) - ta)
        .isCloseTo(130_000.0, within(1e-3));
    assertThat(SegmentGeometry.closestApproachDistance(ta, e + AX, n, tb, e + BX, n, e + 30, n + 40, ta, tb))
        .isCloseTo(40.0, within(1e-6));
  }

  @Test
  void overlapOfClosedIntervals() {
    assertThat(SegmentGeometry.overlapMillis(0, 10, 5, 20)).isEqualTo(5);
    assertThat(SegmentGeometry.overlapMillis(0, 10, 10, 20)).isZero();
    assertThat(SegmentGeometry.overlapMillis(0, 10, 11, 20)).isZero();
  }
}
