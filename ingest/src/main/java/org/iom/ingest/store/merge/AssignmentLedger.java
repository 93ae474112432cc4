package org.iom.ingest.store.merge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.store.WriteResult;

/**
 * Settles a batch of tag assignments against the stored ones of the same tags, row by row in
 * batch order (a row sees the rows accepted before it):
 * <ul>
 *   <li>same key {@code (tag_id, fitted_at)} and equal: duplicate;</li>
 *   <li>same key, another {@code removed_at} or offender: accepted as an update, unless the
 *       changed interval overlaps another assignment of the tag, then a conflict;</li>
 *   <li>new key overlapping any assignment of the tag ({@code [fitted_at, removed_at)} half-open,
 *       open-ended when removed_at is null): conflict naming the other one's fitted_at;</li>
 *   <li>otherwise accepted.</li>
 * </ul>
 * Shared by both stores. Stateless and thread-safe; the caller holds a lock on the tags so the
 * stored assignments cannot change between planning and writing.
 */
public final class AssignmentLedger {
  private AssignmentLedger() {}

  /**
   * @param storedByTag every stored assignment of each tag the batch names
   * @return counts and conflicts by batch index, plus the final record of every key to insert
   *     or update
   */
  public static KeyedUpsert.Plan<TagAssignment> plan(
      List<TagAssignment> batch, Map<String, List<TagAssignment>> storedByTag) {
    Map<String, Map<Instant, TagAssignment>> current = new HashMap<>();
    Map<List<Object>, TagAssignment> changed = new LinkedHashMap<>();
    List<WriteResult.Conflict> conflicts = new ArrayList<>();
    int accepted = 0;
    int duplicates = 0;
    for (int i = 0; i < batch.size(); i++) {
      TagAssignment row = StoredTime.truncate(batch.get(i));
      Map<Instant, TagAssignment> ofTag = current.computeIfAbsent(row.tagId(), t -> byFittedAt(storedByTag.get(t)));
      TagAssignment same = ofTag.get(row.fittedAt());
      if (row.equals(same)) {
        duplicates++;
        continue;
      }
      TagAssignment clash = firstOverlap(row, ofTag);
      if (clash != null) {
        conflicts.add(new WriteResult.Conflict(i, overlapReason(row, clash)));
        continue;
      }
      ofTag.put(row.fittedAt(), row);
      changed.put(List.of(row.tagId(), row.fittedAt()), row);
      accepted++;
    }
    return new KeyedUpsert.Plan<>(
        new WriteResult(accepted, duplicates, conflicts), new ArrayList<>(changed.values()));
  }

  private static Map<Instant, TagAssignment> byFittedAt(List<TagAssignment> stored) {
    Map<Instant, TagAssignment> map = new HashMap<>();
    if (stored != null) for (TagAssignment a : stored) map.put(a.fittedAt(), a);
    return map;
  }

  private static TagAssignment firstOverlap(TagAssignment row, Map<Instant, TagAssignment> ofTag) {
    TagAssignment first = null;
    for (TagAssignment other : ofTag.values()) {
      if (other.fittedAt().equals(row.fittedAt()) || !row.overlaps(other)) continue;
      if (first == null || other.fittedAt().isBefore(first.fittedAt())) first = other;
    }
    return first;
  }

  static String overlapReason(TagAssignment row, TagAssignment clash) {
    return "assignment of tag " + row.tagId() + " to offender " + row.offenderId()
        + " over [" + row.fittedAt() + ", " + until(row.removedAt()) + ") overlaps the stored assignment"
        + " fitted_at " + clash.fittedAt() + " (offender " + clash.offenderId() + ", "
        + (clash.removedAt() == null ? "still fitted" : "removed_at " + clash.removedAt())
        + "); a tag is fitted to one offender at a time";
  }

  private static String until(Instant removedAt) {
    return removedAt == null ? "still fitted" : removedAt.toString();
  }
}
