package org.iom.correlator.zones;

import org.iom.ingest.model.Zone;
import org.iom.ingest.model.ZoneKind;

/**
 * The raw condition sets of one zone over an offender's runs, before the schedule and grace are
 * applied: the instants inside an exclusion zone, or farther than the tolerance from an inclusion
 * zone, on the piecewise-linear trail. Segments follow the matching rule (consecutive fixes of one
 * run at most {@code maxGap} apart, inclusive); an isolated fix (gaps or run ends on both sides)
 * contributes its instant. Gap time contributes nothing: the position is unknown there.
 *
 * <p>Stateless; thread-safe. Cost: one envelope test per segment overlapping the zone's active
 * time; O(edges) for those that come near the zone.
 */
final class ZoneConditions {
  private ZoneConditions() {}

  /**
   * @param active the zone's active time; segments wholly outside it are skipped (a saving only:
   *               the caller intersects with it anyway)
   */
  static TimeIntervals violating(Zone zone, ZoneShape shape, Iterable<OffenderTrail.Run> runs, long maxGapMs,
      TimeIntervals active) {
    boolean exclusion = zone.kind() == ZoneKind.EXCLUSION;
    double tolerance = zone.toleranceM();
    TimeIntervals.Builder out = new TimeIntervals.Builder();
    for (OffenderTrail.Run run : runs) {
      long[] t = run.epochMillis();
      double[] x = run.easting();
      double[] y = run.northing();
      int n = t.length;
      for (int i = 0; i < n; i++) {
        boolean segmentAfter = i + 1 < n && t[i + 1] - t[i] <= maxGapMs;
        boolean segmentBefore = i > 0 && t[i] - t[i - 1] <= maxGapMs;
        if (segmentAfter) {
          if (!active.intersects(t[i], t[i + 1])) continue;
          double[] u = exclusion
              ? shape.inside(x[i], y[i], x[i + 1], y[i + 1])
              : shape.outsideBuffer(x[i], y[i], x[i + 1], y[i + 1], tolerance);
          double duration = t[i + 1] - t[i];
          for (int k = 0; k < u.length; k += 2) {
            // u == 1 gives t[i + 1] exactly: epoch ms are integers well inside double precision.
            out.add(t[i] + u[k] * duration, t[i] + u[k + 1] * duration);
          }
        } else if (!segmentBefore) {
          boolean violates = exclusion ? shape.covers(x[i], y[i]) : shape.distance(x[i], y[i]) > tolerance;
          if (violates) out.add(t[i], t[i]);
        }
      }
    }
    return out.build();
  }

  /**
   * Instants of unknown position: the open gaps between consecutive fixes of one run more than
   * {@code maxGapMs} apart, plus, for a run still in force at {@code nowMs} whose last fix is
   * more than {@code maxGapMs} before it (and is not cut), the open gap from that fix to now.
   * Time another run covers with a segment is known and removed (two tags worn at once).
   */
  static TimeIntervals unknownPosition(Iterable<OffenderTrail.Run> runs, long maxGapMs, long nowMs) {
    TimeIntervals.Builder gaps = new TimeIntervals.Builder();
    TimeIntervals.Builder covered = new TimeIntervals.Builder();
    for (OffenderTrail.Run run : runs) {
      long[] t = run.epochMillis();
      int n = t.length;
      for (int i = 0; i + 1 < n; i++) {
        if (t[i + 1] - t[i] <= maxGapMs) covered.add(t[i], t[i + 1]);
        else gaps.add(t[i], t[i + 1]);
      }
      if (hasOpenTrailingGap(run, maxGapMs, nowMs)) gaps.add(t[n - 1], nowMs);
    }
    return gaps.build().minus(covered.build());
  }

  static boolean hasOpenTrailingGap(OffenderTrail.Run run, long maxGapMs, long nowMs) {
    int n = run.size();
    return n > 0 && !run.cutAtEnd() && run.openAt(nowMs) && nowMs - run.epochMillis()[n - 1] > maxGapMs;
  }
}
