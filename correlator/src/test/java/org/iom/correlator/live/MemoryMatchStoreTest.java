package org.iom.correlator.live;

class MemoryMatchStoreTest extends MatchStoreContract {
  @Override
  MatchStore newEmptyStore() {
    return new MemoryMatchStore();
  }
}
