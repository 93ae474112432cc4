package org.iom.correlator.index;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iom.correlator.match.BruteForceMatcher;
import org.iom.correlator.match.CrimeMatcher;
import org.iom.correlator.match.MatchRule;
import org.iom.ingest.geo.Position;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.TagAssignment;

/**
 * Test data in a few words: fixes, assignments and crimes around a grid origin, and the two
 * matchers (index and brute force) over the same data. Positions carry a fixed WGS84 pair: the
 * rule only reads the grid metres, and this keeps tests free of projection cost.
 */
final class Scenario {
  static final double E0 = 430_000, N0 = 340_000;

  final List<Fix> fixes = new ArrayList<>();
  final List<TagAssignment> assignments = new ArrayList<>();

  static Position grid(double dx, double dy) {
    return new Position(52.9, -1.5, E0 + dx, N0 + dy);
  }

  static Instant t(String iso) {
    return Instant.parse(iso);
  }

  Scenario fix(String tag, Instant at, double dx, double dy) {
    fixes.add(Fix.of(tag, at, grid(dx, dy)));
    return this;
  }

  Scenario fix(String tag, String iso, double dx, double dy) {
    return fix(tag, t(iso), dx, dy);
  }

  /** Fixes every {@code step} from {@code start}, moving linearly from (x0,y0) by (vx,vy) per step. */
  Scenario walk(String tag, Instant start, Duration step, int count, double x0, double y0, double vx, double vy) {
    for (int i = 0; i < count; i++) fix(tag, start.plus(step.multipliedBy(i)), x0 + i * vx, y0 + i * vy);
    return this;
  }

  Scenario assign(String offender, String tag, String fitted, String removed) {
    assignments.add(new TagAssignment(offender, tag, t(fitted), removed == null ? null : t(removed)));
    return this;
  }

  static Crime crime(String ref, String from, String to, double dx, double dy) {
    return new Crime(ref, "28E", t(from), to == null ? null : t(to), grid(dx, dy), null, null);
  }

  static Crime crime(String ref, String from, String to, double dx, double dy, Double radius) {
    return new Crime(ref, "28E", t(from), to == null ? null : t(to), grid(dx, dy), null, radius);
  }

  CrimeMatcher indexed(MatchRule rule) {
    return TrailIndex.builder().maxGap(rule.maxGap()).addFixes(fixes).assignments(assignments).build().matcher(rule);
  }

  CrimeMatcher bruteForce(MatchRule rule) {
    return new BruteForceMatcher(fixes, assignments, rule);
  }

  /** Both matchers, named, for tests that must hold for each. */
  List<Named> matchers(MatchRule rule) {
    return List.of(new Named("index", indexed(rule)), new Named("brute force", bruteForce(rule)));
  }

  record Named(String name, CrimeMatcher matcher) {}
}
