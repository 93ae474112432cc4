package org.iom.correlator.access;

/** The access store contract on PostgreSQL: a fresh database per test. */
class PostgresAccessStoreTest extends AccessStoreContract {
  private PgSchema schema;

  @Override
  AccessStore newStore() {
    schema = new PgSchema("accessstore");
    return new PgAccessStore(schema.store.pool());
  }

  @Override
  void release() {
    if (schema != null) schema.close();
  }
}
