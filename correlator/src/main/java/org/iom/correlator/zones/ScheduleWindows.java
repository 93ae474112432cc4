package org.iom.correlator.zones;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.TreeSet;
import org.iom.ingest.model.ZoneSchedule;

/**
 * The instants at which a {@link ZoneSchedule} is active, as UTC intervals. Agrees with
 * {@link ZoneSchedule#isActiveAt} at every millisecond: a schedule is a range of Europe/London
 * wall-clock time, so a {@code 19:00-07:00} curfew lasts 11 h on the night the clocks go forward
 * (30 March 2025: 19:00Z to 06:00Z) and 13 h on the night they go back (25-26 October 2025: 18:00Z
 * to 07:00Z). A start or end that falls in the missing hour of spring begins or ends the window
 * at the clock change; one that falls in the repeated autumn hour is judged on the wall clock,
 * exactly as {@code isActiveAt} does (the window may pause and resume in that hour).
 *
 * <p>Stateless and thread-safe. Cost: a few objects per local day in the range.
 */
final class ScheduleWindows {
  private static final ZoneRules LONDON = ZoneSchedule.LONDON.getRules();

  private ScheduleWindows() {}

  /**
   * The active instants within {@code [fromMs, toMs]} (epoch ms), as closed intervals; a window
   * that ends inside the range is reported up to its end instant, which itself is inactive (the
   * schedule's end is exclusive), a distinction of one instant that only measure-free callers see.
   */
  static TimeIntervals active(ZoneSchedule schedule, long fromMs, long toMs) {
    if (toMs < fromMs) throw new IllegalArgumentException("range ends before it starts");
    if (schedule.isAlways()) return TimeIntervals.of(fromMs, toMs);
    TreeSet<Long> cuts = candidateBoundaries(schedule, fromMs, toMs);
    TimeIntervals.Builder out = new TimeIntervals.Builder();
    Long[] points = cuts.toArray(new Long[0]);
    for (int i = 0; i < points.length; i++) {
      long start = points[i];
      long end = i + 1 < points.length ? points[i + 1] : toMs;
      // Activity is constant on [start, end): no wall-clock boundary or clock change lies inside.
      if (schedule.isActiveAt(Instant.ofEpochMilli(start))) out.add(start, end);
    }
    return out.build();
  }

  /** The ends of the range, every clock change in it, and every instant the wall clock shows start or end. */
  private static TreeSet<Long> candidateBoundaries(ZoneSchedule schedule, long fromMs, long toMs) {
    TreeSet<Long> cuts = new TreeSet<>();
    cuts.add(fromMs);
    cuts.add(toMs);
    Instant from = Instant.ofEpochMilli(fromMs);
    Instant to = Instant.ofEpochMilli(toMs);
    ZoneOffsetTransition transition = LONDON.nextTransition(from.minusMillis(1));
    while (transition != null && !transition.getInstant().isAfter(to)) {
      addIfInside(cuts, transition.getInstant().toEpochMilli(), fromMs, toMs);
      transition = LONDON.nextTransition(transition.getInstant());
    }
    LocalDate first = from.atZone(ZoneSchedule.LONDON).toLocalDate().minusDays(1);
    LocalDate last = to.atZone(ZoneSchedule.LONDON).toLocalDate().plusDays(1);
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      addWallClock(cuts, day, schedule.start(), fromMs, toMs);
      addWallClock(cuts, day, schedule.end(), fromMs, toMs);
    }
    return cuts;
  }

  private static void addWallClock(TreeSet<Long> cuts, LocalDate day, LocalTime time, long fromMs, long toMs) {
    LocalDateTime local = day.atTime(time);
    // Zero offsets in the spring gap (the transition is already a cut), two in the autumn overlap.
    for (ZoneOffset offset : LONDON.getValidOffsets(local)) {
      addIfInside(cuts, local.toInstant(offset).toEpochMilli(), fromMs, toMs);
    }
  }

  private static void addIfInside(TreeSet<Long> cuts, long t, long fromMs, long toMs) {
    if (t >= fromMs && t <= toMs) cuts.add(t);
  }
}
