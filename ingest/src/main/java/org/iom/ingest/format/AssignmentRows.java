package org.iom.ingest.format;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iom.ingest.model.TagAssignment;

/**
 * Assignments: {@code offender_id, tag_id, fitted_at}; optional {@code removed_at} (empty = still
 * fitted). Two assignments of one tag in the same file must not overlap: the later row is
 * rejected naming the line of the earlier. An identical repeated row is accepted (the store
 * treats it as the same assignment). Overlaps with assignments already stored are the store's
 * check, not the reader's.
 */
final class AssignmentRows extends RowKind<TagAssignment> {
  static final int OFFENDER_ID = 0, TAG_ID = 1, FITTED_AT = 2, REMOVED_AT = 3;
  static final AssignmentRows INSTANCE = new AssignmentRows();

  private AssignmentRows() {
    super("assignments", List.of("offender_id", "tag_id", "fitted_at", "removed_at"),
        List.of("offender_id", "tag_id", "fitted_at"), false);
  }

  @Override
  RowDecoder<TagAssignment> newDecoder(ReadOptions options) {
    return new Decoder();
  }

  private record Seen(TagAssignment assignment, long line) {}

  private static final class Decoder implements RowDecoder<TagAssignment> {
    private final Map<String, List<Seen>> byTag = new HashMap<>();

    @Override
    public TagAssignment decode(Fields row, long line, List<String> warnings) {
      String offenderId = Values.required(row, OFFENDER_ID);
      String tagId = Values.required(row, TAG_ID);
      Instant fitted = Values.requiredInstant(row, FITTED_AT);
      Instant removed = Values.optionalInstant(row, REMOVED_AT);
      if (removed != null && !removed.isAfter(fitted)) {
        throw new BadRowException(row.name(REMOVED_AT) + " " + removed + " is "
            + (removed.equals(fitted) ? "equal to " : "before ") + row.name(FITTED_AT) + " " + fitted
            + (removed.equals(fitted) ? " (an assignment must last some time)" : ""));
      }
      TagAssignment a = new TagAssignment(offenderId, tagId, fitted, removed);
      List<Seen> earlier = byTag.computeIfAbsent(a.tagId(), t -> new ArrayList<>(2));
      for (Seen s : earlier) {
        if (s.assignment().equals(a)) return a;
        if (s.assignment().overlaps(a)) {
          TagAssignment o = s.assignment();
          throw new BadRowException("tag " + a.tagId() + " is already assigned to " + o.offenderId() + " from "
              + o.fittedAt() + (o.removedAt() == null ? " (still fitted)" : " to " + o.removedAt())
              + " on line " + s.line() + "; assignments of one tag must not overlap");
        }
      }
      earlier.add(new Seen(a, line));
      return a;
    }
  }
}
