package org.iom.correlator.match;

/**
 * Closed-form geometry of a tag moving linearly in time past a circle. Pure functions on doubles;
 * coordinates are metres on EPSG:27700, times are epoch milliseconds (UTC). Thread-safe.
 *
 * <p>A segment is the motion from {@code a=(ax,ay)} at {@code ta} to {@code b=(bx,by)} at
 * {@code tb}, {@code ta < tb}: {@code p(t) = a + (b-a)(t-ta)/(tb-ta)}. Every function takes a
 * closed clip interval {@code [from, to]} with {@code ta <= from <= to <= tb}; a zero-length clip
 * is a single instant. A stationary segment ({@code a == b}) and a tangent one are ordinary
 * inputs. Cost: a handful of floating-point operations, no allocation except {@link #insideCircle}.
 */
public final class SegmentGeometry {
  private SegmentGeometry() {}

  /**
   * Time of the closest approach of the segment to {@code c} over {@code [from, to]}; the earliest
   * such time when several are equally close (a stationary segment gives {@code from}).
   *
   * @return epoch milliseconds, possibly fractional
   */
  public static double closestApproachTime(
      long ta, double ax, double ay, long tb, double bx, double by,
      double cx, double cy, long from, long to) {
    double u = closestParameter(ta, ax, ay, tb, bx, by, cx, cy, from, to);
    return ta + u * (tb - ta);
  }

  /** Distance in metres from {@code c} to the closest point of the segment over {@code [from, to]}. */
  public static double closestApproachDistance(
      long ta, double ax, double ay, long tb, double bx, double by,
      double cx, double cy, long from, long to) {
    double u = closestParameter(ta, ax, ay, tb, bx, by, cx, cy, from, to);
    return distance(ax + u * (bx - ax), ay + u * (by - ay), cx, cy);
  }

  /**
   * The single sub-interval of {@code [from, to]} in which the segment is within {@code r} of
   * {@code c} (distance {@code <= r}), or null when it never is. A linear path meets a disc in one
   * interval (the disc is convex); a tangent path gives a zero-length interval. Solves
   * {@code |p(t) - c|^2 = r^2} exactly (numerically stable quadratic roots).
   *
   * @return {@code [enter, exit]} in epoch milliseconds, possibly fractional
   */
  public static Interval insideCircle(
      long ta, double ax, double ay, long tb, double bx, double by,
      double cx, double cy, double r, long from, long to) {
    double duration = tb - ta;
    double uFrom = (from - ta) / duration;
    double uTo = (to - ta) / duration;
    double vx = bx - ax;
    double vy = by - ay;
    double dx = ax - cx;
    double dy = ay - cy;
    double qa = vx * vx + vy * vy;
    double qc = dx * dx + dy * dy - r * r;
    double lo;
    double hi;
    if (qa == 0) {
      if (qc > 0) return null;
      lo = uFrom;
      hi = uTo;
    } else {
      double qb = 2 * (dx * vx + dy * vy);
      double disc = qb * qb - 4 * qa * qc;
      if (disc < 0) return null;
      double q = -0.5 * (qb + Math.copySign(Math.sqrt(disc), qb));
      double root1 = q / qa;
      double root2 = q != 0 ? qc / q : root1;
      lo = Math.max(Math.min(root1, root2), uFrom);
      hi = Math.min(Math.max(root1, root2), uTo);
      if (lo > hi) return null;
    }
    return new Interval(ta + lo * duration, ta + hi * duration);
  }

  /** Milliseconds of {@code [from, to]} during which the segment is within {@code r} of {@code c}. */
  public static double timeInsideCircle(
      long ta, double ax, double ay, long tb, double bx, double by,
      double cx, double cy, double r, long from, long to) {
    Interval inside = insideCircle(ta, ax, ay, tb, bx, by, cx, cy, r, from, to);
    return inside == null ? 0 : inside.length();
  }

  /** Euclidean distance in metres on the grid. */
  public static double distance(double x, double y, double cx, double cy) {
    double dx = x - cx;
    double dy = y - cy;
    return Math.sqrt(dx * dx + dy * dy);
  }

  /** Measure of the intersection of two closed intervals, 0 when they are disjoint. */
  public static long overlapMillis(long from1, long to1, long from2, long to2) {
    return Math.max(0, Math.min(to1, to2) - Math.max(from1, from2));
  }

  private static double closestParameter(
      long ta, double ax, double ay, long tb, double bx, double by,
      double cx, double cy, long from, long to) {
    double duration = tb - ta;
    double uFrom = (from - ta) / duration;
    double uTo = (to - ta) / duration;
    double vx = bx - ax;
    double vy = by - ay;
    double qa = vx * vx + vy * vy;
    if (qa == 0) return uFrom;
    double u = -((ax - cx) * vx + (ay - cy) * vy) / qa;
    return Math.min(Math.max(u, uFrom), uTo);
  }

  /** A closed time interval in epoch milliseconds, possibly fractional, {@code from <= to}. */
  public record Interval(double from, double to) {
    public Interval {
      if (!(from <= to)) throw new IllegalArgumentException("interval ends before it starts");
    }

    public double length() {
      return to - from;
    }
  }
}
