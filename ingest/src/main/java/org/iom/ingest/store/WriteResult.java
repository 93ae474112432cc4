package org.iom.ingest.store;

import java.util.List;

/**
 * What a store did with one batch. Every input row is counted exactly once:
 * {@code accepted + duplicates + conflicts.size() == batch size}.
 *
 * @param accepted   rows newly stored or that changed a stored record (e.g. a removed_at added)
 * @param duplicates rows identical to what was already stored (no-ops)
 * @param conflicts  rows refused by the store, by index into the batch, with the reason
 */
public record WriteResult(int accepted, int duplicates, List<Conflict> conflicts) {
  public WriteResult {
    conflicts = List.copyOf(conflicts);
  }

  public static final WriteResult EMPTY = new WriteResult(0, 0, List.of());

  /** A row the store refused: the same fix key at another place, or an overlapping assignment. */
  public record Conflict(int index, String reason) {}

  public WriteResult plus(WriteResult other, int indexOffset) {
    var all = new java.util.ArrayList<>(conflicts);
    for (Conflict c : other.conflicts) all.add(new Conflict(c.index + indexOffset, c.reason));
    return new WriteResult(accepted + other.accepted, duplicates + other.duplicates, all);
  }
}
