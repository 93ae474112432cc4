package org.iom.correlator.access;

import java.util.Objects;

/**
 * An {@link AuditEntry} as stored, with the id the log gave it: ids grow in append order, start
 * at 1 and serve as the paging cursor ({@link AuditQuery#afterId()}).
 */
public record AuditRecord(long id, AuditEntry entry) {
  public AuditRecord {
    Objects.requireNonNull(entry, "entry");
    if (id < 1) throw new IllegalArgumentException("audit ids start at 1, got " + id);
  }
}
