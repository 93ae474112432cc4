package org.iom.correlator.access;

class MemoryAccessStoreTest extends AccessStoreContract {
  @Override
  AccessStore newStore() {
    return new MemoryAccessStore();
  }
}
