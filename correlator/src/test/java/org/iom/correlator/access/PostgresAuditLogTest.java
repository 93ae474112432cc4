package org.iom.correlator.access;

/** The audit log contract on PostgreSQL: a fresh database per test. */
class PostgresAuditLogTest extends AuditLogContract {
  private PgSchema schema;

  @Override
  AuditLog newLog() {
    schema = new PgSchema("auditlog");
    return new PgAuditLog(schema.store.pool());
  }

  @Override
  void release() {
    if (schema != null) schema.close();
  }
}
