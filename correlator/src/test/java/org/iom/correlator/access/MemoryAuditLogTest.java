package org.iom.correlator.access;

class MemoryAuditLogTest extends AuditLogContract {
  @Override
  AuditLog newLog() {
    return new MemoryAuditLog();
  }
}
