package org.iom.correlator.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.iom.ingest.model.TagAssignment;

/**
 * Tag assignments by tag ordinal, as sorted primitive intervals {@code [fitted, removed)} in epoch
 * milliseconds, applied to fixes at query time. Immutable.
 */
final class AssignmentTable {
  static final AssignmentTable EMPTY = new AssignmentTable(new PerTag[0], Map.of());

  private final PerTag[] byTag;
  private final Map<String, List<Span>> byOffender;

  private AssignmentTable(PerTag[] byTag, Map<String, List<Span>> byOffender) {
    this.byTag = byTag;
    this.byOffender = byOffender;
  }

  /**
   * @throws IllegalArgumentException when two assignments of one tag overlap in time
   */
  static AssignmentTable of(Collection<TagAssignment> assignments, ToIntFunction<String> ordinalOf) {
    Map<Integer, List<TagAssignment>> grouped = new HashMap<>();
    int maxOrd = -1;
    for (TagAssignment a : assignments) {
      int ord = ordinalOf.applyAsInt(a.tagId());
      maxOrd = Math.max(maxOrd, ord);
      grouped.computeIfAbsent(ord, k -> new ArrayList<>()).add(a);
    }
    PerTag[] byTag = new PerTag[maxOrd + 1];
    Map<String, List<Span>> byOffender = new HashMap<>();
    grouped.forEach((ord, list) -> {
      list.sort(Comparator.comparing(TagAssignment::fittedAt));
      int n = list.size();
      long[] from = new long[n];
      long[] to = new long[n];
      String[] offender = new String[n];
      for (int i = 0; i < n; i++) {
        TagAssignment a = list.get(i);
        if (i > 0 && a.overlaps(list.get(i - 1))) {
          throw new IllegalArgumentException("assignments of tag " + a.tagId() + " overlap: fitted "
              + list.get(i - 1).fittedAt() + " and " + a.fittedAt());
        }
        from[i] = a.fittedAt().toEpochMilli();
        to[i] = a.removedAt() == null ? Long.MAX_VALUE : a.removedAt().toEpochMilli();
        offender[i] = a.offenderId();
        byOffender.computeIfAbsent(a.offenderId(), k -> new ArrayList<>()).add(new Span(ord, from[i], to[i]));
      }
      byTag[ord] = new PerTag(from, to, offender);
    });
    return new AssignmentTable(byTag, byOffender);
  }

  /** The offenders of the tag's assignments, indexed as {@link #attribute} numbers them, or null. */
  String[] offendersOf(int tagOrd) {
    PerTag p = tagOrd < byTag.length ? byTag[tagOrd] : null;
    return p == null ? null : p.offender;
  }

  /**
   * Writes, for each of {@code n} ascending fix times, the index of the tag's assignment covering
   * it ({@code fitted <= t < removed}) or -1. Returns false when no fix is covered.
   */
  boolean attribute(int tagOrd, long[] epochMillis, int n, int[] out) {
    PerTag p = tagOrd < byTag.length ? byTag[tagOrd] : null;
    if (p == null) return false;
    boolean any = false;
    int a = 0;
    for (int i = 0; i < n; i++) {
      long t = epochMillis[i];
      while (a < p.from.length && p.to[a] <= t) a++;
      if (a < p.from.length && p.from[a] <= t) {
        out[i] = a;
        any = true;
      } else {
        out[i] = -1;
      }
    }
    return any;
  }

  /** The offender's assignments, as (tag ordinal, from, to); empty when unknown. */
  List<Span> spansOf(String offenderId) {
    return byOffender.getOrDefault(offenderId, List.of());
  }

  record Span(int tagOrd, long fromMillis, long toMillis) {}

  private record PerTag(long[] from, long[] to, String[] offender) {}
}
