package org.iom.correlator.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact stage of the rule: reads runs of a tag's trail and accumulates, per offender, the
 * evidence for one crime; then decides PRESENT, GAP or nothing. Index structures are only a
 * primary filter in front of this class. One instance per crime query; not thread-safe.
 *
 * <p>A run is a slice of one tag's fixes in strictly increasing time, each attributed to an
 * assignment (or to none). A run must hold every fix of the tag inside the window, plus the fix
 * just before the window's first and just after its last, when they exist, so that every segment
 * and gap overlapping the window is whole. Extra fixes further out are harmless.
 *
 * <p>Semantics (also in docs/matching.md):
 * <ul>
 *   <li>consecutive fixes of one assignment form a segment when {@code tb - ta <= maxGap}, a gap
 *       (open interval {@code (ta, tb)}) otherwise; fixes of different assignments, or
 *       unattributed fixes, are never joined;
 *   <li>the window-restricted trail is every attributed fix with {@code w0 <= t <= w1} and every
 *       segment clipped to {@code [w0, w1]} (a clip may be one instant); PRESENT when its closest
 *       approach is {@code <= r};
 *   <li>a gap overlaps the window when they share an instant: {@code ta < w1 && tb > w0}. A gap that
 *       ends exactly at {@code w0} does not (the position at {@code w0} is known); a zero-length
 *       window strictly inside a gap does (adding 0 gap minutes);
 *   <li>GAP (when not PRESENT) when an edge fix of a gap overlapping the window is within the gap
 *       radius; its closest is the nearest such edge fix;
 *   <li>per offender, evidence of all its assignments and tags is combined: PRESENT wins, closest
 *       over all, minutes, fixes and gap minutes summed, tag = tag of the closest; ties in time
 *       go to the earliest instant.
 * </ul>
 */
public final class EvidenceCollector {
  private final CrimeSearch search;
  private final Map<String, OffenderEvidence> byOffender = new HashMap<>();

  public EvidenceCollector(CrimeSearch search) {
    this.search = search;
  }

  public CrimeSearch search() {
    return search;
  }

  /**
   * Adds one run of a tag's trail.
   *
   * @param epochMillis strictly increasing fix times
   * @param easting     fix eastings, metres EPSG:27700
   * @param northing    fix northings, metres EPSG:27700
   * @param assignment  per fix, an index into {@code offenderOfAssignment}, or -1 when no
   *                    assignment covers the fix; equal indices mean the same assignment
   * @param n           number of fixes used from the arrays
   */
  public void addRun(
      String tagId, long[] epochMillis, double[] easting, double[] northing,
      int[] assignment, String[] offenderOfAssignment, int n) {
    final long w0 = search.fromMillis();
    final long w1 = search.toMillis();
    final SearchTarget target = search.target();
    final double r = search.radiusM();
    final double[] closest = new double[2];
    for (int i = 0; i < n; i++) {
      int a = assignment[i];
      if (a < 0) continue;
      OffenderEvidence ev = null;
      long ta = epochMillis[i];
      if (ta >= w0 && ta <= w1) {
        ev = evidenceOf(offenderOfAssignment[a]);
        double d = target.distance(easting[i], northing[i]);
        ev.offerWindowPoint(d, ta, tagId);
        if (d <= r) ev.fixesWithin++;
      }
      if (i + 1 >= n || assignment[i + 1] != a) continue;
      long tb = epochMillis[i + 1];
      if (tb - ta <= search.maxGapMillis()) {
        long lo = Math.max(ta, w0);
        long hi = Math.min(tb, w1);
        if (lo > hi) continue;
        if (ev == null) ev = evidenceOf(offenderOfAssignment[a]);
        double ax = easting[i], ay = northing[i], bx = easting[i + 1], by = northing[i + 1];
        target.closestApproach(ta, ax, ay, tb, bx, by, lo, hi, closest);
        ev.offerWindowPoint(closest[0], closest[1], tagId);
        ev.withinMillis += target.millisWithin(ta, ax, ay, tb, bx, by, r, lo, hi);
      } else if (ta < w1 && tb > w0) {
        if (ev == null) ev = evidenceOf(offenderOfAssignment[a]);
        ev.gapMillis += SegmentGeometry.overlapMillis(ta, tb, w0, w1);
        ev.offerGapEdge(target.distance(easting[i], northing[i]), ta, tagId, search.gapRadiusM());
        ev.offerGapEdge(target.distance(easting[i + 1], northing[i + 1]), tb, tagId, search.gapRadiusM());
      }
    }
  }

  /** True when the evidence gathered so far already makes {@code offenderId} a match. */
  public boolean isMatched(String offenderId) {
    OffenderEvidence ev = byOffender.get(offenderId);
    return ev != null && ev.kind(search) != null;
  }

  /** The matches so far, one per offender, sorted by offender id. */
  public List<Match> matches() {
    List<Match> out = new ArrayList<>();
    byOffender.forEach((offender, ev) -> {
      MatchKind kind = ev.kind(search);
      if (kind == null) return;
      boolean present = kind == MatchKind.PRESENT;
      out.add(new Match(
          search.crimeRef(),
          offender,
          present ? ev.windowTag : ev.gapEdgeTag,
          kind,
          present ? ev.windowClosest : ev.gapEdgeClosest,
          toInstant(present ? ev.windowClosestAt : ev.gapEdgeAt),
          present ? ev.withinMillis / 60_000.0 : 0,
          present ? ev.fixesWithin : 0,
          ev.gapMillis / 60_000.0,
          search.radiusM(),
          search.windowFrom(),
          search.windowTo()));
    });
    out.sort((x, y) -> x.offenderId().compareTo(y.offenderId()));
    return out;
  }

  private OffenderEvidence evidenceOf(String offenderId) {
    return byOffender.computeIfAbsent(offenderId, k -> new OffenderEvidence());
  }

  private static Instant toInstant(double epochMillis) {
    return Instant.ofEpochMilli(Math.round(epochMillis));
  }

  /** Mutable accumulator of one offender's evidence for the crime. */
  private static final class OffenderEvidence {
    double windowClosest = Double.POSITIVE_INFINITY;
    double windowClosestAt;
    String windowTag;
    double withinMillis;
    int fixesWithin;
    long gapMillis;
    double gapEdgeClosest = Double.POSITIVE_INFINITY;
    double gapEdgeAt;
    String gapEdgeTag;

    void offerWindowPoint(double d, double at, String tag) {
      if (d < windowClosest || (d == windowClosest && at < windowClosestAt)) {
        windowClosest = d;
        windowClosestAt = at;
        windowTag = tag;
      }
    }

    void offerGapEdge(double d, long at, String tag, double gapRadius) {
      if (d > gapRadius) return;
      if (d < gapEdgeClosest || (d == gapEdgeClosest && at < gapEdgeAt)) {
        gapEdgeClosest = d;
        gapEdgeAt = at;
        gapEdgeTag = tag;
      }
    }

    MatchKind kind(CrimeSearch s) {
      if (windowClosest <= s.radiusM()) return MatchKind.PRESENT;
      if (gapEdgeClosest <= s.gapRadiusM()) return MatchKind.GAP;
      return null;
    }
  }
}
