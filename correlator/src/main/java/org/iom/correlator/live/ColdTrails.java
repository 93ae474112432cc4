package org.iom.correlator.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.iom.ingest.model.Fix;
import org.iom.ingest.store.Store;

/**
 * Trails older than the in-memory window, read from the store on demand by tag and UTC day and
 * kept in a Caffeine cache bounded by the number of fixes it holds (about 28 bytes a cached fix).
 * Blocking: call from the correlator's thread, never from an event loop.
 */
final class ColdTrails {
  static final long DAY_MILLIS = 86_400_000L;

  private record SliceKey(String tagId, long day) {}

  private final Store store;
  private final Cache<SliceKey, TrailColumns> slices;

  /** @param maxCachedFixes the cache's bound, in fixes */
  ColdTrails(Store store, long maxCachedFixes) {
    this.store = store;
    this.slices = Caffeine.newBuilder()
        .maximumWeight(maxCachedFixes)
        .weigher((SliceKey k, TrailColumns v) -> Math.max(1, v.size()))
        .recordStats()
        .build();
  }

  /**
   * The tag's fixes with {@code from <= t <= to} (epoch ms, closed), plus its last fix before
   * {@code from} and its first after {@code to}: everything the rule needs to know about the
   * tag's trail over that interval, gap edges included.
   */
  TrailColumns around(String tagId, long from, long to) {
    TrailColumns.Builder out = new TrailColumns.Builder();
    Optional<Fix> before = Await.of(store.lastFixBefore(tagId, Instant.ofEpochMilli(from)));
    before.ifPresent(out::add);
    for (long day = Math.floorDiv(from, DAY_MILLIS); day <= Math.floorDiv(to, DAY_MILLIS); day++) {
      TrailColumns slice = slices.get(new SliceKey(tagId, day), this::load);
      out.addRange(slice, from, to);
    }
    Optional<Fix> after = Await.of(store.firstFixFrom(tagId, Instant.ofEpochMilli(to + 1)));
    after.ifPresent(out::add);
    return out.build();
  }

  /** Forgets the cached day holding {@code epochMillis} for the tag (new fixes arrived there). */
  void invalidate(String tagId, long epochMillis) {
    slices.invalidate(new SliceKey(tagId, Math.floorDiv(epochMillis, DAY_MILLIS)));
  }

  CacheStats stats() {
    return slices.stats();
  }

  long cachedFixes() {
    return slices.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
  }

  private TrailColumns load(SliceKey key) {
    Instant from = Instant.ofEpochMilli(key.day() * DAY_MILLIS);
    List<Fix> fixes = Await.of(store.fixes(key.tagId(), from, from.plusMillis(DAY_MILLIS)));
    TrailColumns.Builder b = new TrailColumns.Builder();
    fixes.forEach(b::add);
    return b.build();
  }
}
