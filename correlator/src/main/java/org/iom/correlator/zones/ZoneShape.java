package org.iom.correlator.zones;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * A zone polygon (or multipolygon) prepared for exact tests against straight segments of a trail.
 * Coordinates are metres on EPSG:27700. A segment {@code a -> b} is parametrised by
 * {@code u in [0, 1]}: {@code p(u) = a + u (b - a)}; results are sorted, disjoint closed parameter
 * intervals as a flat array {@code [u0, u1, u0', u1', ...]} (a zero-length interval is a single
 * point of contact).
 *
 * <p><b>Inside</b> means in the closed polygon: interior or boundary (a fix exactly on the edge of
 * an exclusion zone is inside it). <b>Within the buffer</b> means at distance {@code <= tolerance}
 * from the closed polygon; it is solved exactly, not with JTS's polygonal buffer approximation:
 * the buffer is the polygon plus, for every edge of every ring, the capsule of points within
 * {@code tolerance} of that edge (two discs and a rectangle), and a line meets each of those convex
 * pieces in one interval found in closed form.
 *
 * <p>Crossings of the segment with the polygon's edges split {@code [0, 1]}; each piece is
 * classified at its midpoint by JTS's point-in-area locator (robust orientation tests), so a
 * spurious split point costs nothing and a crossing through a vertex is found from either edge.
 *
 * <p>Immutable and thread-safe (the JTS locator builds its index once, synchronised). Cost per
 * segment: one envelope test; O(edges) arithmetic when the segment comes near the zone.
 */
final class ZoneShape {
  /** Parameter slack when deciding whether an intersection lies on a segment or an edge. */
  private static final double SLACK = 1e-9;
  /** A polygon vertex this close to a segment's line (metres) is a candidate split point. */
  private static final double VERTEX_ON_LINE_M = 1e-6;
  /**
   * A point this close to the boundary (metres) is on it, so inside. Without it a segment running
   * along an edge (a walk from one vertex to the next) would flicker in and out with rounding.
   */
  static final double BOUNDARY_SNAP_M = 1e-6;

  private final double[][] ringX;
  private final double[][] ringY;
  private final Envelope envelope;
  private final IndexedPointInAreaLocator locator;

  ZoneShape(Geometry area) {
    if (area.isEmpty() || area.getDimension() != 2) throw new IllegalArgumentException("zone geometry must be a polygon");
    List<LinearRing> rings = new ArrayList<>();
    for (int g = 0; g < area.getNumGeometries(); g++) {
      Polygon polygon = (Polygon) area.getGeometryN(g);
      rings.add(polygon.getExteriorRing());
      for (int h = 0; h < polygon.getNumInteriorRing(); h++) rings.add(polygon.getInteriorRingN(h));
    }
    ringX = new double[rings.size()][];
    ringY = new double[rings.size()][];
    for (int r = 0; r < rings.size(); r++) {
      Coordinate[] coordinates = rings.get(r).getCoordinates();
      ringX[r] = new double[coordinates.length];
      ringY[r] = new double[coordinates.length];
      for (int i = 0; i < coordinates.length; i++) {
        ringX[r][i] = coordinates[i].x;
        ringY[r][i] = coordinates[i].y;
      }
    }
    envelope = area.getEnvelopeInternal();
    locator = new IndexedPointInAreaLocator(area);
  }

  /** Whether the point is in the closed polygon (within {@link #BOUNDARY_SNAP_M} of it counts). */
  boolean covers(double x, double y) {
    if (envelope.covers(x, y) && locator.locate(new Coordinate(x, y)) != Location.EXTERIOR) return true;
    if (x < envelope.getMinX() - BOUNDARY_SNAP_M || x > envelope.getMaxX() + BOUNDARY_SNAP_M
        || y < envelope.getMinY() - BOUNDARY_SNAP_M || y > envelope.getMaxY() + BOUNDARY_SNAP_M) {
      return false;
    }
    return distanceToBoundary(x, y) <= BOUNDARY_SNAP_M;
  }

  /** Distance in metres from the point to the closed polygon (0 inside). */
  double distance(double x, double y) {
    return covers(x, y) ? 0 : distanceToBoundary(x, y);
  }

  private double distanceToBoundary(double x, double y) {
    double best = Double.POSITIVE_INFINITY;
    for (int r = 0; r < ringX.length; r++) {
      double[] xs = ringX[r];
      double[] ys = ringY[r];
      for (int i = 0; i + 1 < xs.length; i++) best = Math.min(best, distanceToEdge(x, y, xs[i], ys[i], xs[i + 1], ys[i + 1]));
    }
    return best;
  }

  /** The parameter intervals where {@code p(u)} is inside the closed polygon. */
  double[] inside(double ax, double ay, double bx, double by) {
    double dx = bx - ax;
    double dy = by - ay;
    if (!nearEnvelope(ax, ay, bx, by, 0)) return new double[0];
    if (dx == 0 && dy == 0) return covers(ax, ay) ? new double[] {0, 1} : new double[0];
    double[] cuts = new double[16];
    int n = 0;
    cuts[n++] = 0;
    cuts[n++] = 1;
    double dd = dx * dx + dy * dy;
    double length = Math.sqrt(dd);
    for (int r = 0; r < ringX.length; r++) {
      double[] xs = ringX[r];
      double[] ys = ringY[r];
      for (int i = 0; i + 1 < xs.length; i++) {
        double px = xs[i] - ax;
        double py = ys[i] - ay;
        double ex = xs[i + 1] - xs[i];
        double ey = ys[i + 1] - ys[i];
        double denom = dx * ey - dy * ex;
        if (denom != 0) {
          double u = (px * ey - py * ex) / denom;
          double s = (px * dy - py * dx) / denom;
          if (u >= -SLACK && u <= 1 + SLACK && s >= -SLACK && s <= 1 + SLACK) {
            if (n == cuts.length) cuts = Arrays.copyOf(cuts, n * 2);
            cuts[n++] = clamp01(u);
          }
        }
        // A vertex on (or a hair from) the segment's line: covers collinear overlaps and grazing
        // contacts that the edge-by-edge solution can lose to rounding.
        if (Math.abs(px * dy - py * dx) / length <= VERTEX_ON_LINE_M) {
          double u = (px * dx + py * dy) / dd;
          if (u > 0 && u < 1) {
            if (n == cuts.length) cuts = Arrays.copyOf(cuts, n * 2);
            cuts[n++] = u;
          }
        }
      }
    }
    Arrays.sort(cuts, 0, n);
    return classifyPieces(cuts, n, ax, ay, dx, dy);
  }

  /**
   * The parameter intervals where {@code p(u)} is farther than {@code toleranceM} from the closed
   * polygon: the complement in {@code [0, 1]} of the buffered polygon.
   */
  double[] outsideBuffer(double ax, double ay, double bx, double by, double toleranceM) {
    if (!nearEnvelope(ax, ay, bx, by, toleranceM)) return new double[] {0, 1};
    TimeIntervals.Builder within = new TimeIntervals.Builder();
    double[] in = inside(ax, ay, bx, by);
    for (int k = 0; k < in.length; k += 2) within.add(in[k], in[k + 1]);
    double dx = bx - ax;
    double dy = by - ay;
    double minX = Math.min(ax, bx) - toleranceM;
    double maxX = Math.max(ax, bx) + toleranceM;
    double minY = Math.min(ay, by) - toleranceM;
    double maxY = Math.max(ay, by) + toleranceM;
    for (int r = 0; r < ringX.length; r++) {
      double[] xs = ringX[r];
      double[] ys = ringY[r];
      for (int i = 0; i + 1 < xs.length; i++) {
        double px = xs[i];
        double py = ys[i];
        double qx = xs[i + 1];
        double qy = ys[i + 1];
        if (Math.max(px, qx) < minX || Math.min(px, qx) > maxX || Math.max(py, qy) < minY || Math.min(py, qy) > maxY) {
          continue;
        }
        addCapsule(within, ax - px, ay - py, dx, dy, qx - px, qy - py, toleranceM);
      }
    }
    TimeIntervals covered = within.build();
    TimeIntervals.Builder outside = new TimeIntervals.Builder();
    double lo = 0;
    for (int k = 0; k < covered.size(); k++) {
      if (covered.from(k) > lo) outside.add(lo, covered.from(k));
      lo = Math.max(lo, covered.to(k));
    }
    if (lo < 1) outside.add(lo, 1);
    if (covered.size() == 0) return new double[] {0, 1};
    TimeIntervals out = outside.build();
    double[] flat = new double[out.size() * 2];
    for (int k = 0; k < out.size(); k++) {
      flat[2 * k] = out.from(k);
      flat[2 * k + 1] = out.to(k);
    }
    return flat;
  }

  /**
   * Adds the parameters where the segment (start {@code w} relative to the edge start, direction
   * {@code d}) is within {@code tol} of the edge from the origin to {@code e}: the capsule is the
   * union of the discs at both ends and the rectangle along the edge.
   */
  private static void addCapsule(TimeIntervals.Builder into, double wx, double wy, double dx, double dy,
      double ex, double ey, double tol) {
    addDisc(into, wx, wy, dx, dy, tol);
    addDisc(into, wx - ex, wy - ey, dx, dy, tol);
    double edgeLength = Math.sqrt(ex * ex + ey * ey);
    if (edgeLength == 0) return;
    double ux = ex / edgeLength;
    double uy = ey / edgeLength;
    // Along the edge: s(u) = w.e^ + u d.e^ in [0, L]; across it: h(u) = w.n^ + u d.n^ in [-tol, tol].
    double[] along = linearWithin(wx * ux + wy * uy, dx * ux + dy * uy, 0, edgeLength);
    if (along == null) return;
    double[] across = linearWithin(-wx * uy + wy * ux, -dx * uy + dy * ux, -tol, tol);
    if (across == null) return;
    double lo = Math.max(along[0], across[0]);
    double hi = Math.min(along[1], across[1]);
    if (lo <= hi) into.add(lo, hi);
  }

  /** The parameters in [0, 1] where {@code |w + u d| <= r}. */
  private static void addDisc(TimeIntervals.Builder into, double wx, double wy, double dx, double dy, double r) {
    double qa = dx * dx + dy * dy;
    double qc = wx * wx + wy * wy - r * r;
    if (qa == 0) {
      if (qc <= 0) into.add(0, 1);
      return;
    }
    double qb = 2 * (wx * dx + wy * dy);
    double disc = qb * qb - 4 * qa * qc;
    if (disc < 0) return;
    double q = -0.5 * (qb + Math.copySign(Math.sqrt(disc), qb));
    double root1 = q / qa;
    double root2 = q != 0 ? qc / q : root1;
    double lo = Math.max(Math.min(root1, root2), 0);
    double hi = Math.min(Math.max(root1, root2), 1);
    if (lo <= hi) into.add(lo, hi);
  }

  /** The parameters in [0, 1] where {@code c0 + u c1} lies in {@code [lo, hi]}, or null. */
  private static double[] linearWithin(double c0, double c1, double lo, double hi) {
    double uLo;
    double uHi;
    if (c1 == 0) {
      if (c0 < lo || c0 > hi) return null;
      uLo = 0;
      uHi = 1;
    } else {
      double u1 = (lo - c0) / c1;
      double u2 = (hi - c0) / c1;
      uLo = Math.max(Math.min(u1, u2), 0);
      uHi = Math.min(Math.max(u1, u2), 1);
    }
    return uLo <= uHi ? new double[] {uLo, uHi} : null;
  }

  private double[] classifyPieces(double[] cuts, int n, double ax, double ay, double dx, double dy) {
    TimeIntervals.Builder inside = new TimeIntervals.Builder();
    for (int k = 0; k < n; k++) {
      double u = cuts[k];
      if (k + 1 < n && cuts[k + 1] > u) {
        double mid = 0.5 * (u + cuts[k + 1]);
        if (covers(ax + mid * dx, ay + mid * dy)) inside.add(u, cuts[k + 1]);
      }
      if (covers(ax + u * dx, ay + u * dy)) inside.add(u, u);
    }
    TimeIntervals set = inside.build();
    double[] flat = new double[set.size() * 2];
    for (int k = 0; k < set.size(); k++) {
      flat[2 * k] = set.from(k);
      flat[2 * k + 1] = set.to(k);
    }
    return flat;
  }

  private boolean nearEnvelope(double ax, double ay, double bx, double by, double margin) {
    return Math.max(ax, bx) >= envelope.getMinX() - margin && Math.min(ax, bx) <= envelope.getMaxX() + margin
        && Math.max(ay, by) >= envelope.getMinY() - margin && Math.min(ay, by) <= envelope.getMaxY() + margin;
  }

  private static double clamp01(double u) {
    return u < 0 ? 0 : u > 1 ? 1 : u;
  }

  private static double distanceToEdge(double x, double y, double px, double py, double qx, double qy) {
    double ex = qx - px;
    double ey = qy - py;
    double ee = ex * ex + ey * ey;
    double s = ee == 0 ? 0 : Math.max(0, Math.min(1, ((x - px) * ex + (y - py) * ey) / ee));
    double cx = px + s * ex - x;
    double cy = py + s * ey - y;
    return Math.sqrt(cx * cx + cy * cy);
  }
}
