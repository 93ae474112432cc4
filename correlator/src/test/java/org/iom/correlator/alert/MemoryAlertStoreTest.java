package org.iom.correlator.alert;

class MemoryAlertStoreTest extends AlertStoreContract {
  @Override
  AlertStore newEmptyStore() {
    return new MemoryAlertStore();
  }
}
