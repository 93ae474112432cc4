package org.iom.correlator.report.cohort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.iom.ingest.model.CohortMembership;
import org.iom.ingest.model.TagAssignment;

/**
 * Who a cohort report counts and over which time.
 *
 * <ul>
 *   <li><b>On the scheme</b>: offenders with a membership in scope whose days {@code [joined_on,
 *       left_on)} overlap the period's days {@code [from, to)} (no {@code left_on}: still on). A
 *       membership left on the day it began covers no day and is not counted.
 *   <li><b>On-scheme time</b>: per such offender the union of those memberships as instants
 *       (Europe/London midnights), cut to {@code [periodStart, countedEnd)}.
 *   <li><b>Pieces</b>: each tag assignment of such an offender cut to their on-scheme time. Every
 *       time-based figure (tag-days, expected fixes, gaps) is measured on pieces, so a tag worn
 *       before joining or after leaving the cohort does not count.
 * </ul>
 *
 * Immutable; built once per report.
 */
public final class Coverage {
  /** One assignment cut to one stretch of its offender's on-scheme time. */
  public record Piece(String offenderId, TagAssignment assignment, TimeSpan span) {
    public String tagId() {
      return assignment.tagId();
    }
  }

  private final List<CohortMembership> memberships;
  private final Map<String, List<TimeSpan>> onScheme;
  private final Map<String, List<Piece>> piecesByTag;

  private Coverage(List<CohortMembership> memberships, Map<String, List<TimeSpan>> onScheme,
      Map<String, List<Piece>> piecesByTag) {
    this.memberships = List.copyOf(memberships);
    this.onScheme = Collections.unmodifiableMap(onScheme);
    this.piecesByTag = Collections.unmodifiableMap(piecesByTag);
  }

  /** Identical memberships and identical assignments count once. */
  public static Coverage of(CohortRequest request, List<CohortMembership> memberships, List<TagAssignment> assignments) {
    List<CohortMembership> counted = new ArrayList<>();
    for (CohortMembership m : new LinkedHashSet<>(memberships)) {
      if (request.scope().includes(m.cohort()) && m.joinedOn().isBefore(request.to())
          && (m.leftOn() == null || m.leftOn().isAfter(request.from()))
          && (m.leftOn() == null || m.leftOn().isAfter(m.joinedOn()))) {
        counted.add(m);
      }
    }
    Instant start = request.periodStart();
    Instant end = request.countedEnd();
    TimeSpan period = new TimeSpan(start, end);
    Map<String, List<TimeSpan>> spans = new TreeMap<>();
    for (CohortMembership m : counted) {
      Instant joined = m.joinedOn().atStartOfDay(CohortRequest.LONDON).toInstant();
      Instant left = m.leftOn() == null ? null : m.leftOn().atStartOfDay(CohortRequest.LONDON).toInstant();
      TimeSpan cut = period.intersect(joined, left);
      List<TimeSpan> list = spans.computeIfAbsent(m.offenderId(), k -> new ArrayList<>());
      if (cut != null) list.add(cut);
    }
    Map<String, List<TimeSpan>> onScheme = new TreeMap<>();
    spans.forEach((offender, list) -> onScheme.put(offender, List.copyOf(TimeSpan.union(list))));

    Map<String, List<Piece>> pieces = new TreeMap<>();
    for (TagAssignment a : new LinkedHashSet<>(assignments)) {
      for (TimeSpan s : onScheme.getOrDefault(a.offenderId(), List.of())) {
        TimeSpan cut = s.intersect(a.fittedAt(), a.removedAt());
        if (cut != null) pieces.computeIfAbsent(a.tagId(), k -> new ArrayList<>()).add(new Piece(a.offenderId(), a, cut));
      }
    }
    pieces.replaceAll((tag, list) -> List.copyOf(list));
    return new Coverage(counted, onScheme, pieces);
  }

  /** Memberships in scope overlapping the period, each once. */
  public List<CohortMembership> memberships() {
    return memberships;
  }

  /** Offenders on the scheme in the period, sorted. */
  public Set<String> offenders() {
    return Collections.unmodifiableSet(new TreeSet<>(onScheme.keySet()));
  }

  public boolean onScheme(String offenderId) {
    return onScheme.containsKey(offenderId);
  }

  /** The offender's on-scheme time in the counted period (sorted, disjoint; empty if not on the scheme). */
  public List<TimeSpan> onSchemeTime(String offenderId) {
    return onScheme.getOrDefault(offenderId, List.of());
  }

  /** True when the offender was on the scheme at some instant of the closed span {@code [from, to]}. */
  public boolean onSchemeDuring(String offenderId, Instant from, Instant to) {
    for (TimeSpan s : onSchemeTime(offenderId)) {
      if (from.isBefore(s.end()) && !to.isBefore(s.start())) return true;
    }
    return false;
  }

  /** True when the offender was on the scheme at instant {@code t}. */
  public boolean onSchemeAt(String offenderId, Instant t) {
    for (TimeSpan s : onSchemeTime(offenderId)) if (s.contains(t)) return true;
    return false;
  }

  /** Tags with at least one piece, sorted. */
  public Set<String> tags() {
    return Collections.unmodifiableSet(new TreeSet<>(piecesByTag.keySet()));
  }

  public List<Piece> pieces(String tagId) {
    return piecesByTag.getOrDefault(tagId, List.of());
  }

  public List<Piece> allPieces() {
    List<Piece> all = new ArrayList<>();
    piecesByTag.values().forEach(all::addAll);
    return all;
  }
}
