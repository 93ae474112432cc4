package org.iom.ingest.store;

import java.util.Map;
import org.iom.ingest.model.RecordKind;

/** Stored rows per kind, plus rejected rows kept. */
public record StoreCounts(Map<RecordKind, Long> rows, long rejections) {
  public StoreCounts {
    rows = Map.copyOf(rows);
  }

  public long of(RecordKind kind) {
    return rows.getOrDefault(kind, 0L);
  }
}
