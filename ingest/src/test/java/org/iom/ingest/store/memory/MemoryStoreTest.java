package org.iom.ingest.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.iom.ingest.model.Fix;
import org.iom.ingest.store.Store;
import org.iom.ingest.store.StoreContractTest;
import org.junit.jupiter.api.Test;

class MemoryStoreTest extends StoreContractTest {
  @Override
  protected Store newEmptyStore(InstantSource clock) {
    return new MemoryStore(clock);
  }

  @Test
  void isVolatile() {
    assertThat(store.isVolatile()).isTrue();
  }

  @Test
  void scanFixesSplitsALongTrailIntoBoundedBatchesInOrder() {
    List<Fix> batch = new ArrayList<>();
    for (int i = 0; i < MemoryStore.SCAN_BATCH * 2 + 5; i++) batch.add(fix("T1", T0.plusSeconds(i), DERBY));
    await(store.putFixes(batch));
    List<Integer> sizes = new ArrayList<>();
    List<Fix> seen = new ArrayList<>();
    long n = await(store.scanFixes(Instant.EPOCH, T0.plusSeconds(1_000_000), b -> {
      sizes.add(b.size());
      seen.addAll(b);
    }));
    assertThat(n).isEqualTo(batch.size());
    assertThat(sizes).containsExactly(MemoryStore.SCAN_BATCH, MemoryStore.SCAN_BATCH, 5);
    assertThat(seen).containsExactlyElementsOf(batch);
  }

  @Test
  void lateFixesArrivingWhileAScanIsUnderWayDoNotMakeItRepeatOrSkip() {
    List<Fix> batch = new ArrayList<>();
    for (int i = 0; i < MemoryStore.SCAN_BATCH + 10; i++) batch.add(fix("T1", T0.plusSeconds(2L * i), DERBY));
    await(store.putFixes(batch));
    List<Fix> seen = new ArrayList<>();
    await(store.scanFixes(Instant.EPOCH, T0.plusSeconds(1_000_000), b -> {
      if (seen.isEmpty()) await(store.putFixes(List.of(fix("T1", T0.plusSeconds(1), DERBY)))); // before the cursor
      seen.addAll(b);
    }));
    assertThat(seen).containsExactlyElementsOf(batch);
  }
}
