package org.iom.correlator.access;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.iom.ingest.store.merge.StoredTime;

/**
 * The audit log in memory, for the demo and tests; lost when the process stops. Entry {@code i}
 * (from 0) has id {@code i + 1}, so a page is a scan from the cursor. Times are kept to the
 * microsecond, as PostgreSQL keeps them. Thread-safe (one lock).
 */
public final class MemoryAuditLog implements AuditLog {
  private final List<AuditEntry> entries = new ArrayList<>();

  @Override
  public synchronized Future<AuditRecord> append(AuditEntry e) {
    AuditEntry kept = new AuditEntry(StoredTime.truncate(e.at()), e.user(), e.role(), e.endpoint(),
        e.offenderId(), e.crimeRef(), e.purpose(), e.rowCount());
    entries.add(kept);
    return Future.succeededFuture(new AuditRecord(entries.size(), kept));
  }

  @Override
  public synchronized Future<List<AuditRecord>> find(AuditQuery query) {
    List<AuditRecord> page = new ArrayList<>();
    for (int i = (int) Math.min(query.afterId(), entries.size()); i < entries.size() && page.size() < query.limit(); i++) {
      AuditEntry e = entries.get(i);
      if (query.matches(e)) page.add(new AuditRecord(i + 1L, e));
    }
    return Future.succeededFuture(page);
  }
}
