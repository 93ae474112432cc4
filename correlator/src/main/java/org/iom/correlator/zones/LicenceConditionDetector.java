package org.iom.correlator.zones;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.iom.ingest.model.Zone;
import org.iom.ingest.model.ZoneKind;
import org.iom.ingest.model.ZoneSchedule;

/**
 * The licence-condition rules of SPEC.md ("Licence conditions", "Alerts") on one offender's
 * trail: exclusion-zone violations, curfew breaches, curfew no-data and silent tags, computed
 * exactly on the piecewise-linear trail of the matching rule (docs/zones.md).
 *
 * <ul>
 *   <li><b>Episodes.</b> For a zone, an episode is a maximal stretch of time during which the
 *       condition holds (inside an exclusion polygon; farther than {@code tolerance_m} from an
 *       inclusion polygon) <em>and</em> the zone's schedule is active, on segments (or at an
 *       isolated fix). Boundary crossings are solved per segment in closed form; the episode's
 *       start and end are rounded to the millisecond. A gap (position unknown) ends an episode;
 *       the next one after the gap is a new episode. Episodes are never merged: two stretches
 *       inside separated by any positive time outside are two episodes, each judged on its own
 *       grace (a stretch that only touches the boundary for an instant is not an excursion).
 *   <li><b>Grace.</b> An exclusion or breach episode is reported when
 *       {@code end - start >= grace_s} (milliseconds after rounding): exactly the grace counts.
 *       The duration is schedule-active time only, so a stay that begins before a curfew starts
 *       counts from the curfew's start.
 *   <li><b>No data.</b> {@code CURFEW_NO_DATA} is each stretch of a gap longer than max_gap (or of
 *       an open gap from a still-fitted tag's last fix to {@code now}) that overlaps the active
 *       curfew with positive length; no grace applies (the gap already exceeds max_gap).
 *   <li><b>Silence.</b> See {@link Silences}.
 *   <li><b>Ongoing.</b> An exclusion or breach episode is ongoing when it ends at the last fix of
 *       a still-fitted tag, not more than max_gap before {@code now}, with the schedule active
 *       there; a no-data or silence episode when it runs to {@code now}.
 * </ul>
 *
 * <p><b>Incremental use.</b> Call {@link #evaluate} with the offender's trail loaded for a
 * coverage interval around the changed time range (see {@link OffenderTrail}); it returns every
 * episode overlapping {@code [from, to]} with its full extent and stable key. If an episode reaches
 * the edge of the loaded data, the result says so and leaves that episode out; load more and call
 * again. Thread-safe and stateless: one instance may serve all threads.
 *
 * <p>Cost: linear in the fixes loaded, plus O(edges) per segment that comes near a zone.
 */
public final class LicenceConditionDetector {
  private final LicenceRule rule;

  public LicenceConditionDetector(LicenceRule rule) {
    if (rule == null) throw new IllegalArgumentException("rule is required");
    this.rule = rule;
  }

  public LicenceRule rule() {
    return rule;
  }

  /**
   * All licence-condition episodes of the trail's offender overlapping {@code [from, to]} (closed).
   *
   * @param trail the offender's trail; its coverage must include {@code [from, to]}
   * @param zones the offender's zones (a zone of another offender is an error)
   * @param now   the present: ends open gaps and silences, decides what is ongoing; normally the
   *              service clock, and not before the data's last fix
   */
  public Evaluation evaluate(OffenderTrail trail, List<Zone> zones, Instant from, Instant to, Instant now) {
    long fromMs = from.toEpochMilli();
    long toMs = to.toEpochMilli();
    long nowMs = now.toEpochMilli();
    if (toMs < fromMs) throw new IllegalArgumentException("interval ends before it starts: " + from + " > " + to);
    if (fromMs < trail.dataFromMs() || toMs > trail.dataToMs()) {
      throw new IllegalArgumentException("interval [" + from + ", " + to + "] is not inside the loaded data ["
          + Instant.ofEpochMilli(trail.dataFromMs()) + ", " + Instant.ofEpochMilli(trail.dataToMs()) + "]");
    }
    for (Zone zone : zones) {
      if (!zone.offenderId().equals(trail.offenderId())) {
        throw new IllegalArgumentException("zone " + zone.zoneId() + " is offender " + zone.offenderId()
            + "'s, not " + trail.offenderId() + "'s");
      }
    }
    Extent extent = Extent.of(trail, fromMs, toMs, nowMs);
    long maxGapMs = rule.maxGap().toMillis();
    Collector out = new Collector(trail, extent, fromMs, toMs, maxGapMs, nowMs);
    TimeIntervals unknown = null;
    for (Zone zone : zones) {
      TimeIntervals active = ScheduleWindows.active(zone.schedule(), extent.lowMs, extent.highMs);
      ZoneShape shape = new ZoneShape(zone.area());
      TimeIntervals violating = ZoneConditions.violating(zone, shape, trail.runs(), maxGapMs, active);
      LicenceEventKind kind = zone.kind() == ZoneKind.EXCLUSION ? LicenceEventKind.ZONE_EXCLUSION : LicenceEventKind.CURFEW_BREACH;
      out.zoneEpisodes(zone, kind, violating.intersect(active), zone.graceS() * 1000L);
      if (zone.kind() == ZoneKind.INCLUSION) {
        if (unknown == null) unknown = ZoneConditions.unknownPosition(trail.runs(), maxGapMs, nowMs);
        out.zoneEpisodes(zone, LicenceEventKind.CURFEW_NO_DATA, unknown.intersect(active), 0);
      }
    }
    Silences.find(trail, rule.silentAfter().toMillis(), nowMs, fromMs, toMs, out.events);
    out.events.sort(Comparator.comparing(LicenceEvent::start)
        .thenComparing(LicenceEvent::kind)
        .thenComparing(e -> e.zoneId() != null ? e.zoneId() : e.tagId()));
    return new Evaluation(out.events, out.needsEarlier, out.needsLater);
  }

  /**
   * The time span the data can speak for: {@code [lowMs, highMs]} covers every fix, the interval
   * and now; the episodes are exact strictly inside {@code (exactFromMs, exactToMs)}, bounded by
   * the cut ends of runs whose data before or after is not loaded.
   */
  private record Extent(long lowMs, long highMs, double exactFromMs, double exactToMs) {
    static Extent of(OffenderTrail trail, long fromMs, long toMs, long nowMs) {
      long low = Math.min(fromMs, nowMs);
      long high = Math.max(toMs, nowMs);
      double exactFrom = Double.NEGATIVE_INFINITY;
      double exactTo = Double.POSITIVE_INFINITY;
      for (OffenderTrail.Run run : trail.runs()) {
        int n = run.size();
        if (n == 0) continue;
        long first = run.epochMillis()[0];
        long last = run.epochMillis()[n - 1];
        low = Math.min(low, first);
        high = Math.max(high, last);
        if (run.cutAtStart()) exactFrom = Math.max(exactFrom, first);
        if (run.cutAtEnd()) exactTo = Math.min(exactTo, last);
      }
      return new Extent(low, high, exactFrom, exactTo);
    }
  }

  /** Turns episode sets into events: grace, interval, truncation, ongoing, key. Not thread-safe. */
  private static final class Collector {
    final List<LicenceEvent> events = new ArrayList<>();
    boolean needsEarlier;
    boolean needsLater;
    private final OffenderTrail trail;
    private final Extent extent;
    private final long fromMs;
    private final long toMs;
    private final long maxGapMs;
    private final long nowMs;

    Collector(OffenderTrail trail, Extent extent, long fromMs, long toMs, long maxGapMs, long nowMs) {
      this.trail = trail;
      this.extent = extent;
      this.fromMs = fromMs;
      this.toMs = toMs;
      this.maxGapMs = maxGapMs;
      this.nowMs = nowMs;
    }

    void zoneEpisodes(Zone zone, LicenceEventKind kind, TimeIntervals episodes, long graceMs) {
      ZoneSchedule schedule = zone.schedule();
      boolean noData = kind == LicenceEventKind.CURFEW_NO_DATA;
      for (int i = 0; i < episodes.size(); i++) {
        double start = episodes.from(i);
        double end = episodes.to(i);
        if (noData && end == start) continue; // a gap touching the curfew at an instant adds no time
        // The schedule's end instant is itself inactive: an isolated fix exactly there is not in it.
        if (end == start && !schedule.isActiveAt(Instant.ofEpochMilli((long) start))) continue;
        long startMs = Math.round(start);
        long endMs = Math.round(end);
        if (startMs > toMs || endMs < fromMs) continue;
        boolean truncated = false;
        if (start <= extent.exactFromMs) {
          needsEarlier = true;
          truncated = true;
        }
        if (end >= extent.exactToMs) {
          needsLater = true;
          truncated = true;
        }
        if (truncated || endMs - startMs < graceMs) continue;
        boolean ongoing = noData ? end == nowMs && endsInOpenGap(schedule) : endsAtLiveFix(end, schedule);
        events.add(LicenceEvent.of(kind, trail.offenderId(), zone.zoneId(), null, startMs, endMs, ongoing));
      }
    }

    private boolean endsInOpenGap(ZoneSchedule schedule) {
      if (!schedule.isActiveAt(Instant.ofEpochMilli(nowMs))) return false;
      for (OffenderTrail.Run run : trail.runs()) {
        if (ZoneConditions.hasOpenTrailingGap(run, maxGapMs, nowMs)) return true;
      }
      return false;
    }

    private boolean endsAtLiveFix(double end, ZoneSchedule schedule) {
      for (OffenderTrail.Run run : trail.runs()) {
        int n = run.size();
        if (n == 0 || run.cutAtEnd() || !run.openAt(nowMs)) continue;
        long last = run.epochMillis()[n - 1];
        if (end == last && nowMs - last <= maxGapMs && schedule.isActiveAt(Instant.ofEpochMilli(last))) return true;
      }
      return false;
    }
  }
}
