package org.iom.ingest.store.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.iom.ingest.store.WriteResult;

/**
 * Upsert semantics for keyed reference records (offenders, crimes, zones, memberships, proven
 * offences): rows are applied in batch order; a row equal ({@code equals}) to the current record
 * of its key is a duplicate, otherwise it is accepted and replaces it. So {@code [A, A]} counts
 * one accepted and one duplicate, and {@code [A, A']} two accepted with {@code A'} kept.
 *
 * <p>Both stores use this one rule, so their counts agree. Stateless and thread-safe; the caller
 * must keep {@code stored} from changing while it plans and writes (a lock).
 */
public final class KeyedUpsert {
  private KeyedUpsert() {}

  /**
   * @param stored the records currently stored under the keys of the batch (others may be absent)
   * @return counts, and the final record of every key that changed, in first-change order
   */
  public static <K, V> Plan<V> plan(List<V> batch, Function<V, K> key, Map<K, V> stored) {
    Map<K, V> changed = new LinkedHashMap<>();
    int duplicates = 0;
    for (V row : batch) {
      K k = key.apply(row);
      V current = changed.containsKey(k) ? changed.get(k) : stored.get(k);
      if (row.equals(current)) {
        duplicates++;
      } else {
        changed.put(k, row);
      }
    }
    int accepted = batch.size() - duplicates;
    return new Plan<>(new WriteResult(accepted, duplicates, List.of()), new ArrayList<>(changed.values()));
  }

  /** What to report and what to write. */
  public record Plan<V>(WriteResult result, List<V> toWrite) {
    public Plan {
      toWrite = List.copyOf(toWrite);
    }
  }
}
