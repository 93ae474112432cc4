package org.iom.correlator.match;

/**
 * What a search measures distance to: a crime's point, or an enquiry's polygon (distance 0
 * inside). Coordinates are metres on EPSG:27700; times epoch milliseconds. A segment moves
 * linearly from {@code (ax, ay)} at {@code ta} to {@code (bx, by)} at {@code tb}; every method
 * considers only its part with {@code lo <= t <= hi} (within {@code [ta, tb]}). Implementations
 * are immutable and thread-safe.
 */
public interface SearchTarget {

  /** Distance from a point to the target. */
  double distance(double x, double y);

  /** Closest approach of the clipped segment: {@code out[0]} the distance, {@code out[1]} when (earliest on ties). */
  void closestApproach(long ta, double ax, double ay, long tb, double bx, double by, long lo, long hi, double[] out);

  /** Milliseconds of the clipped segment at distance {@code <= r}, solved exactly. */
  double millisWithin(long ta, double ax, double ay, long tb, double bx, double by, double r, long lo, long hi);

  /** The crime's point, through {@link SegmentGeometry}'s closed forms. */
  static SearchTarget point(double cx, double cy) {
    return new SearchTarget() {
      @Override
      public double distance(double x, double y) {
        return SegmentGeometry.distance(x, y, cx, cy);
      }

      @Override
      public void closestApproach(long ta, double ax, double ay, long tb, double bx, double by, long lo, long hi, double[] out) {
        out[1] = SegmentGeometry.closestApproachTime(ta, ax, ay, tb, bx, by, cx, cy, lo, hi);
        out[0] = SegmentGeometry.closestApproachDistance(ta, ax, ay, tb, bx, by, cx, cy, lo, hi);
      }

      @Override
      public double millisWithin(long ta, double ax, double ay, long tb, double bx, double by, double r, long lo, long hi) {
        return SegmentGeometry.timeInsideCircle(ta, ax, ay, tb, bx, by, cx, cy, r, lo, hi);
      }
    };
  }
}
