package org.iom.correlator.report.cohort;

import org.iom.correlator.alert.MemoryAlertStore;
import org.iom.correlator.live.MemoryMatchStore;
import org.iom.ingest.store.memory.MemoryStore;

class MemoryCohortReportSourceTest extends CohortReportSourceContract {
  @Override
  Stores emptyStores() {
    return new Stores(new MemoryStore(), new MemoryMatchStore(), new MemoryAlertStore());
  }
}
