package org.iom.correlator.zones;

import org.iom.correlator.match.SearchTarget;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;

/**
 * An enquiry's area as a search target: distance is to the closed polygon (0 inside), and time
 * within {@code r} is solved exactly against the polygon grown by {@code r} with round corners
 * (the same geometry as curfew tolerance, {@link ZoneShape}). Closest approach on a segment: the
 * earliest instant inside the polygon if it enters; otherwise the nearest of the closest points
 * to each polygon edge (earliest on ties between edges). Metres on EPSG:27700. Immutable and
 * thread-safe.
 */
public final class PolygonTarget implements SearchTarget {
  private final ZoneShape shape;
  /** The polygon's boundary edges, every ring, computed once (closest approach tests each). */
  private final LineSegment[] edges;
  private final double centreX;
  private final double centreY;
  private final double extent;

  /** @param area a polygon or multipolygon in EPSG:27700 metres */
  public PolygonTarget(Geometry area) {
    if (area == null || area.isEmpty() || area.getDimension() != 2) {
      throw new IllegalArgumentException("the enquiry area must be a polygon");
    }
    this.shape = new ZoneShape(area);
    java.util.List<LineSegment> all = new java.util.ArrayList<>();
    Geometry boundary = area.getBoundary();
    for (int k = 0; k < boundary.getNumGeometries(); k++) {
      Coordinate[] c = boundary.getGeometryN(k).getCoordinates();
      for (int i = 0; i + 1 < c.length; i++) all.add(new LineSegment(c[i], c[i + 1]));
    }
    this.edges = all.toArray(LineSegment[]::new);
    Envelope e = area.getEnvelopeInternal();
    this.centreX = (e.getMinX() + e.getMaxX()) / 2;
    this.centreY = (e.getMinY() + e.getMaxY()) / 2;
    this.extent = Math.hypot(e.getWidth(), e.getHeight()) / 2;
  }

  /** Centre of the polygon's bounding box, metres EPSG:27700 (easting, northing). */
  public double centreEasting() {
    return centreX;
  }

  public double centreNorthing() {
    return centreY;
  }

  /** How far the polygon reaches from its centre: index filters widen their radius by this. */
  public double extentM() {
    return extent;
  }

  @Override
  public double distance(double x, double y) {
    return shape.distance(x, y);
  }

  @Override
  public void closestApproach(long ta, double ax, double ay, long tb, double bx, double by, long lo, long hi, double[] out) {
    double[] p = clip(ta, ax, ay, tb, bx, by, lo, hi);
    if (lo == hi) {
      out[0] = distance(p[0], p[1]);
      out[1] = lo;
      return;
    }
    double[] in = shape.inside(p[0], p[1], p[2], p[3]);
    if (in.length > 0) {
      out[0] = 0;
      out[1] = lo + in[0] * (hi - lo);
      return;
    }
    double best = Double.POSITIVE_INFINITY;
    double bestU = 0;
    LineSegment trail = new LineSegment(p[0], p[1], p[2], p[3]);
    for (LineSegment edge : edges) {
      Coordinate[] pair = trail.closestPoints(edge);
      double d = pair[0].distance(pair[1]);
      double u = trail.getLength() == 0 ? 0 : Math.max(0, Math.min(1, trail.projectionFactor(pair[0])));
      if (d < best || (d == best && u < bestU)) {
        best = d;
        bestU = u;
      }
    }
    out[0] = best;
    out[1] = lo + bestU * (hi - lo);
  }

  @Override
  public double millisWithin(long ta, double ax, double ay, long tb, double bx, double by, double r, long lo, long hi) {
    if (hi <= lo) return 0;
    double[] p = clip(ta, ax, ay, tb, bx, by, lo, hi);
    double[] outside = shape.outsideBuffer(p[0], p[1], p[2], p[3], r);
    double out = 0;
    for (int i = 0; i + 1 < outside.length; i += 2) out += outside[i + 1] - outside[i];
    return Math.max(0, 1 - out) * (hi - lo);
  }

  /** The segment's positions at {@code lo} and {@code hi}: {x0, y0, x1, y1}. */
  private static double[] clip(long ta, double ax, double ay, long tb, double bx, double by, long lo, long hi) {
    double span = tb - ta;
    double u0 = span == 0 ? 0 : (lo - ta) / span;
    double u1 = span == 0 ? 0 : (hi - ta) / span;
    return new double[] {ax + u0 * (bx - ax), ay + u0 * (by - ay), ax + u1 * (bx - ax), ay + u1 * (by - ay)};
  }
}
