package org.iom.correlator.zones;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeIntervalsTest {

  private static TimeIntervals set(double... bounds) {
    TimeIntervals.Builder b = new TimeIntervals.Builder();
    for (int i = 0; i < bounds.length; i += 2) b.add(bounds[i], bounds[i + 1]);
    return b.build();
  }

  @Test
  void touchingAndOverlappingIntervalsMergeInAnyOrder() {
    TimeIntervals s = set(10, 20, 0, 5, 20, 25, 4, 6, 30, 30);
    assertThat(s.toString()).isEqualTo("[[0.0, 6.0], [10.0, 25.0], [30.0, 30.0]]");
    assertThat(s.measure()).isEqualTo(21.0);
    assertThat(s.contains(30)).isTrue();
    assertThat(s.contains(7)).isFalse();
  }

  @Test
  void intersectKeepsSharedInstantsIncludingSinglePoints() {
    assertThat(set(0, 10, 20, 30).intersect(set(5, 20)).toString()).isEqualTo("[[5.0, 10.0], [20.0, 20.0]]");
    assertThat(set(0, 10).intersect(set(11, 12)).size()).isZero();
  }

  @Test
  void minusRemovesOnlyTimeOfPositiveLength() {
    assertThat(set(0, 100).minus(set(10, 20, 50, 50, 90, 120)).toString()).isEqualTo("[[0.0, 10.0], [20.0, 90.0]]");
    assertThat(set(0, 10, 20, 30).minus(set(-5, 25)).toString()).isEqualTo("[[25.0, 30.0]]");
    assertThat(set(5, 5).minus(set(0, 10)).size()).isZero();
    assertThat(set(10, 20).minus(set(0, 10, 20, 30)).toString()).isEqualTo("[[10.0, 20.0]]");
  }
}
