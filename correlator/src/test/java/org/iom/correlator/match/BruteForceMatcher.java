package org.iom.correlator.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.TagAssignment;

/**
 * The test oracle: SPEC.md's matching rule read as literally as possible, on plain lists of
 * records, with its own arithmetic (no blocks, envelopes, packing, or {@link SegmentGeometry}).
 * Quadratic in the data; for tests only.
 */
public final class BruteForceMatcher implements CrimeMatcher {
  private final List<Fix> fixes;
  private final List<TagAssignment> assignments;
  private final MatchRule rule;

  public BruteForceMatcher(List<Fix> fixes, List<TagAssignment> assignments, MatchRule rule) {
    this.fixes = List.copyOf(fixes);
    this.assignments = List.copyOf(assignments);
    this.rule = rule;
  }

  @Override
  public List<Match> match(Crime crime) {
    long w0 = crime.committedFrom().toEpochMilli() - rule.buffer().toMillis();
    long w1 = crime.committedTo().toEpochMilli() + rule.buffer().toMillis();
    double r = rule.radiusFor(crime);
    double cx = crime.location().easting();
    double cy = crime.location().northing();
    long maxGap = rule.maxGap().toMillis();
    Map<String, Evidence> byOffender = new TreeMap<>();

    for (TagAssignment a : assignments) {
      List<Fix> trail = trailOf(a);
      Evidence ev = byOffender.computeIfAbsent(a.offenderId(), k -> new Evidence());
      for (int i = 0; i < trail.size(); i++) {
        Fix f = trail.get(i);
        long t = f.recordedAt().toEpochMilli();
        if (t >= w0 && t <= w1) {
          double d = dist(f.position().easting(), f.position().northing(), cx, cy);
          ev.offerPresent(d, t, a.tagId());
          if (d <= r) ev.fixesWithin++;
        }
        if (i + 1 == trail.size()) continue;
        Fix g = trail.get(i + 1);
        long tb = g.recordedAt().toEpochMilli();
        if (tb - t <= maxGap) {
          long lo = Math.max(t, w0);
          long hi = Math.min(tb, w1);
          if (lo > hi) continue;
          // The clipped piece as a plain line segment P->Q, then textbook point-to-segment distance.
          double[] p = at(f, g, lo);
          double[] q = at(f, g, hi);
          double ex = q[0] - p[0], ey = q[1] - p[1];
          double len2 = ex * ex + ey * ey;
          double s = len2 == 0 ? 0 : ((cx - p[0]) * ex + (cy - p[1]) * ey) / len2;
          s = Math.max(0, Math.min(1, s));
          ev.offerPresent(dist(p[0] + s * ex, p[1] + s * ey, cx, cy), lo + s * (hi - lo), a.tagId());
          ev.withinMillis += (hi - lo) * fractionInside(p, q, cx, cy, r);
        } else if (t < w1 && tb > w0) {
          ev.gapMillis += Math.min(tb, w1) - Math.max(t, w0);
          ev.offerGapEdge(dist(f.position().easting(), f.position().northing(), cx, cy), t, a.tagId(), rule.gapRadiusM());
          ev.offerGapEdge(dist(g.position().easting(), g.position().northing(), cx, cy), tb, a.tagId(), rule.gapRadiusM());
        }
      }
    }

    List<Match> out = new ArrayList<>();
    byOffender.forEach((offender, ev) -> {
      Instant from = Instant.ofEpochMilli(w0), to = Instant.ofEpochMilli(w1);
      if (ev.presentM <= r) {
        out.add(new Match(crime.crimeRef(), offender, ev.presentTag, MatchKind.PRESENT, ev.presentM,
            Instant.ofEpochMilli(Math.round(ev.presentAt)), ev.withinMillis / 60_000.0, ev.fixesWithin,
            ev.gapMillis / 60_000.0, r, from, to));
      } else if (ev.gapM <= rule.gapRadiusM()) {
        out.add(new Match(crime.crimeRef(), offender, ev.gapTag, MatchKind.GAP, ev.gapM,
            Instant.ofEpochMilli(ev.gapAt), 0, 0, ev.gapMillis / 60_000.0, r, from, to));
      }
    });
    return out;
  }

  /** The assignment's fixes in time order; of several with the same tag and millisecond, the first given. */
  private List<Fix> trailOf(TagAssignment a) {
    long from = a.fittedAt().toEpochMilli();
    long to = a.removedAt() == null ? Long.MAX_VALUE : a.removedAt().toEpochMilli();
    Map<Long, Fix> byTime = new LinkedHashMap<>();
    for (Fix f : fixes) {
      long t = f.recordedAt().toEpochMilli();
      if (f.tagId().equals(a.tagId()) && from <= t && t < to) byTime.putIfAbsent(t, f);
    }
    List<Fix> trail = new ArrayList<>(byTime.values());
    trail.sort(Comparator.comparing(f -> f.recordedAt().toEpochMilli()));
    return trail;
  }

  private static double[] at(Fix a, Fix b, long t) {
    double ta = a.recordedAt().toEpochMilli(), tb = b.recordedAt().toEpochMilli();
    double w = (t - ta) / (tb - ta);
    return new double[] {
        a.position().easting() + w * (b.position().easting() - a.position().easting()),
        a.position().northing() + w * (b.position().northing() - a.position().northing())};
  }

  /** Fraction of the straight piece P->Q (travelled uniformly) inside the disc. */
  private static double fractionInside(double[] p, double[] q, double cx, double cy, double r) {
    double ex = q[0] - p[0], ey = q[1] - p[1];
    double fx = p[0] - cx, fy = p[1] - cy;
    double a = ex * ex + ey * ey;
    double c = fx * fx + fy * fy - r * r;
    if (a == 0) return c <= 0 ? 1 : 0;
    double b = 2 * (fx * ex + fy * ey);
    double disc = b * b - 4 * a * c;
    if (disc < 0) return 0;
    double s1 = (-b - Math.sqrt(disc)) / (2 * a);
    double s2 = (-b + Math.sqrt(disc)) / (2 * a);
    return Math.max(0, Math.min(1, s2) - Math.max(0, s1));
  }

  private static double dist(double x, double y, double cx, double cy) {
    return Math.hypot(x - cx, y - cy);
  }

  private static final class Evidence {
    double presentM = Double.POSITIVE_INFINITY;
    double presentAt;
    String presentTag;
    double withinMillis;
    int fixesWithin;
    long gapMillis;
    double gapM = Double.POSITIVE_INFINITY;
    long gapAt;
    String gapTag;

    void offerPresent(double d, double at, String tag) {
      if (d < presentM || (d == presentM && at < presentAt)) {
        presentM = d;
        presentAt = at;
        presentTag = tag;
      }
    }

    void offerGapEdge(double d, long at, String tag, double gapRadius) {
      if (d <= gapRadius && (d < gapM || (d == gapM && at < gapAt))) {
        gapM = d;
        gapAt = at;
        gapTag = tag;
      }
    }
  }
}
