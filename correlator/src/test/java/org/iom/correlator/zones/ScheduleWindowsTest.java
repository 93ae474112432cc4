package org.iom.correlator.zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iom.correlator.zones.ZoneFixtures.ms;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Random;
import org.iom.ingest.model.ZoneSchedule;
import org.junit.jupiter.api.Test;

class ScheduleWindowsTest {
  private static final ZoneSchedule CURFEW = ZoneSchedule.parse("19:00-07:00");

  @Test
  void curfewNightWhenTheClocksGoForwardIsElevenHours() {
    TimeIntervals active = ScheduleWindows.active(CURFEW, ms("2025-03-29T12:00:00Z"), ms("2025-03-30T12:00:00Z"));
    assertThat(active.size()).isEqualTo(1);
    assertThat(active.from(0)).isEqualTo(ms("2025-03-29T19:00:00Z"));
    assertThat(active.to(0)).isEqualTo(ms("2025-03-30T06:00:00Z")); // 07:00 BST
    assertThat(active.measure()).isEqualTo(Duration.ofHours(11).toMillis());
  }

  @Test
  void curfewNightWhenTheClocksGoBackIsThirteenHours() {
    TimeIntervals active = ScheduleWindows.active(CURFEW, ms("2025-10-25T12:00:00Z"), ms("2025-10-26T12:00:00Z"));
    assertThat(active.size()).isEqualTo(1);
    assertThat(active.from(0)).isEqualTo(ms("2025-10-25T18:00:00Z")); // 19:00 BST
    assertThat(active.to(0)).isEqualTo(ms("2025-10-26T07:00:00Z"));
    assertThat(active.measure()).isEqualTo(Duration.ofHours(13).toMillis());
  }

  @Test
  void aWeekOfCurfewsAcrossTheSpringChangeCountsSeventyThreeHours() {
    // Nights starting 24..30 March 2025 (start of range Monday 00:00Z, inside the 23rd's night).
    TimeIntervals active = ScheduleWindows.active(CURFEW, ms("2025-03-24T07:00:00Z"), ms("2025-03-31T06:00:00Z"));
    // Five 12 h GMT nights (24-28), the 11 h change night (29-30), one 12 h BST night (30-31).
    assertThat(active.size()).isEqualTo(7);
    assertThat(active.measure()).isEqualTo(Duration.ofHours(12 * 6 + 11).toMillis());
  }

  @Test
  void alwaysIsTheWholeRange() {
    TimeIntervals active = ScheduleWindows.active(ZoneSchedule.ALWAYS, 5, 500);
    assertThat(active.toString()).isEqualTo("[[5.0, 500.0]]");
  }

  @Test
  void windowsAgreeWithIsActiveAtAroundBothChangesForOddSchedules() {
    Random random = new Random(20250330);
    String[] ranges = {"19:00-07:00", "01:30-02:30", "00:30-01:30", "01:00-02:00", "22:00-00:00", "00:00-06:00",
        "23:59-00:01", "12:00-13:00"};
    long[] days = {ms("2025-03-29T00:00:00Z"), ms("2025-10-25T00:00:00Z"), ms("2025-06-10T00:00:00Z")};
    for (String range : ranges) {
      ZoneSchedule schedule = ZoneSchedule.parse(range);
      for (long day : days) {
        long from = day;
        long to = day + Duration.ofDays(2).toMillis();
        TimeIntervals active = ScheduleWindows.active(schedule, from, to);
        for (long t = from; t < to; t += 60_000) check(schedule, active, t);
        for (int k = 0; k < 20_000; k++) check(schedule, active, from + (long) (random.nextDouble() * (to - from)));
      }
    }
  }

  @Test
  void aStartInTheMissingSpringHourBeginsAtTheChange() {
    ZoneSchedule schedule = new ZoneSchedule(LocalTime.of(1, 30), LocalTime.of(3, 0));
    TimeIntervals active = ScheduleWindows.active(schedule, ms("2025-03-30T00:00:00Z"), ms("2025-03-30T04:00:00Z"));
    assertThat(active.toString()).isEqualTo("[[" + (double) ms("2025-03-30T01:00:00Z") + ", " + (double) ms("2025-03-30T02:00:00Z") + "]]");
  }

  private static void check(ZoneSchedule schedule, TimeIntervals active, long t) {
    boolean expected = schedule.isActiveAt(Instant.ofEpochMilli(t));
    // Windows are reported closed; their end instant is the schedule's exclusive end.
    boolean atAnEnd = false;
    for (int i = 0; i < active.size(); i++) atAnEnd |= active.to(i) == t;
    if (atAnEnd && !expected) return;
    assertThat(active.contains(t)).as("%s at %s", schedule, Instant.ofEpochMilli(t)).isEqualTo(expected);
  }
}
