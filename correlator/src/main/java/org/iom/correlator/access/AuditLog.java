package org.iom.correlator.access;

import io.vertx.core.Future;
import java.util.List;

/**
 * The append-only record of who read what ({@link AuditEntry}). There is no update or delete;
 * the PostgreSQL table refuses them even to its owner (a trigger; see {@code docs/access.md}).
 *
 * <p>Implementations are thread-safe; futures complete on a Vert.x context or at once.
 */
public interface AuditLog {
  /** Appends one entry; a succeeded future means it is stored (committed, for PostgreSQL). */
  Future<AuditRecord> append(AuditEntry entry);

  /** The entries matching the query's filters with ids after its cursor, in id order, at most its limit. */
  Future<List<AuditRecord>> find(AuditQuery query);
}
