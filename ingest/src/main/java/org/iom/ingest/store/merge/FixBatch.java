package org.iom.ingest.store.merge;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.iom.ingest.geo.Position;
import org.iom.ingest.model.Fix;
import org.iom.ingest.store.WriteResult;

/**
 * One batch of fixes made ready for a store: times truncated to {@link StoredTime microseconds},
 * repeats of a key inside the batch settled (the first row wins; a later row at the same place,
 * within 1 cm on the grid, is a duplicate, elsewhere a conflict), and the remaining unique rows
 * sorted by {@code (tag_id, recorded_at)}. Sorting gives every writer the same lock order on the
 * primary key, so two concurrent batches that share keys cannot deadlock each other.
 *
 * <p>A batch with a time outside the years {@value #MIN_YEAR}-{@value #MAX_YEAR} is refused
 * whole ({@link IllegalArgumentException}): that is a validation bug upstream, not a row to count.
 *
 * <p>A store then settles each unique row against what it holds, through {@link #accept},
 * {@link #against}; {@link #result()} counts every input row exactly once. Not thread-safe: one
 * batch belongs to one write.
 */
public final class FixBatch {
  private static final Comparator<Fix> BY_KEY =
      Comparator.comparing(Fix::tagId).thenComparing(Fix::recordedAt);

  private final List<Fix> unique;
  private final int[] batchIndex;
  private final List<WriteResult.Conflict> conflicts = new ArrayList<>();
  private int accepted;
  private int duplicates;

  private FixBatch(List<Fix> unique, int[] batchIndex) {
    this.unique = unique;
    this.batchIndex = batchIndex;
  }

  /** Settles repeats inside {@code fixes}; the list is not changed. */
  public static FixBatch of(List<Fix> fixes) {
    Map<FixKey, Integer> first = new HashMap<>(fixes.size() * 2);
    List<Integer> firstRows = new ArrayList<>(fixes.size());
    Fix[] truncated = new Fix[fixes.size()];
    List<WriteResult.Conflict> repeatConflicts = new ArrayList<>();
    int repeatDuplicates = 0;
    for (int i = 0; i < fixes.size(); i++) {
      Fix fix = StoredTime.truncate(fixes.get(i));
      checkYear(fix, i);
      truncated[i] = fix;
      Integer earlier = first.putIfAbsent(new FixKey(fix.tagId(), fix.recordedAt()), i);
      if (earlier == null) {
        firstRows.add(i);
      } else if (fix.position().samePlaceAs(truncated[earlier].position())) {
        repeatDuplicates++;
      } else {
        repeatConflicts.add(new WriteResult.Conflict(i, conflictReason(fix, truncated[earlier].position(), false)));
      }
    }
    firstRows.sort(Comparator.comparing(i -> truncated[i], BY_KEY));
    List<Fix> unique = new ArrayList<>(firstRows.size());
    int[] index = new int[firstRows.size()];
    for (int k = 0; k < firstRows.size(); k++) {
      index[k] = firstRows.get(k);
      unique.add(truncated[index[k]]);
    }
    FixBatch batch = new FixBatch(unique, index);
    batch.duplicates = repeatDuplicates;
    batch.conflicts.addAll(repeatConflicts);
    return batch;
  }

  /** Rows with distinct keys, sorted by tag then time. */
  public List<Fix> unique() {
    return unique;
  }

  /** Position of {@code unique().get(k)} in the original batch. */
  public int batchIndex(int k) {
    return batchIndex[k];
  }

  /** The UTC calendar months the unique rows fall in, ascending. */
  public SortedSet<YearMonth> months() {
    SortedSet<YearMonth> months = new TreeSet<>();
    for (Fix f : unique) months.add(YearMonth.from(f.recordedAt().atOffset(ZoneOffset.UTC)));
    return months;
  }

  /** The distinct tags named, ascending. */
  public SortedSet<String> tagIds() {
    SortedSet<String> tags = new TreeSet<>();
    for (Fix f : unique) tags.add(f.tagId());
    return tags;
  }

  /** Records that {@code count} unique rows were newly stored. */
  public void accept(int count) {
    accepted += count;
  }

  /** Records that {@code count} unique rows were already stored at the same place. */
  public void duplicates(int count) {
    duplicates += count;
  }

  /** Settles unique row {@code k}, which the store refused because it already holds {@code stored}. */
  public void against(int k, Position stored) {
    Fix fix = unique.get(k);
    if (fix.position().samePlaceAs(stored)) {
      duplicates++;
    } else {
      conflicts.add(new WriteResult.Conflict(batchIndex[k], conflictReason(fix, stored, true)));
    }
  }

  /** The counts so far; complete once every unique row went through accept or against. */
  public WriteResult result() {
    List<WriteResult.Conflict> sorted = new ArrayList<>(conflicts);
    sorted.sort(Comparator.comparingInt(WriteResult.Conflict::index));
    return new WriteResult(accepted, duplicates, sorted);
  }

  /** The years a {@code timestamptz} partition name and both stores handle; a parser should never pass others. */
  public static final int MIN_YEAR = 1000, MAX_YEAR = 9999;

  private static void checkYear(Fix fix, int index) {
    int year = fix.recordedAt().atOffset(ZoneOffset.UTC).getYear();
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new IllegalArgumentException("fix " + index + " of the batch (tag " + fix.tagId() + "): recorded_at "
          + fix.recordedAt() + " is outside the years " + MIN_YEAR + "-" + MAX_YEAR + " the store accepts");
    }
  }

  static String conflictReason(Fix fix, Position kept, boolean stored) {
    return String.format(Locale.ROOT,
        "a fix for tag %s at %s is already %s at another place (%.6f,%.6f), %.1f m from this one (%.6f,%.6f); "
            + "the first one is kept",
        fix.tagId(), fix.recordedAt(), stored ? "stored" : "in this batch",
        kept.lat(), kept.lon(), kept.distanceTo(fix.position()), fix.position().lat(), fix.position().lon());
  }

  /** The identity of a fix: tag and time (already truncated to microseconds). */
  public record FixKey(String tagId, Instant recordedAt) {}
}
