package org.iom.correlator.index;

import java.lang.management.ManagementFactory;

/**
 * Hands out stretches of large {@code int[]} slabs for packed fixes, so that a bulk build
 * allocates a few large arrays instead of millions of small ones. Not thread-safe.
 *
 * <p>Slab size: by default exactly one G1 heap region (less the array header). An array of at
 * least half a region is "humongous" in G1: allocated directly in the old generation (never
 * copied by young collections, the point of slabs) but given whole regions, so a slab of 1.5
 * regions would waste a quarter of its space. A region-sized slab wastes only the tail that no
 * run fitted in (a run never straddles two slabs). Under another collector the region size is
 * unknown and 4 MB slabs are used.
 */
final class Slabs {
  /** Ints per slab for this JVM (see the class comment). */
  static final int DEFAULT_CAPACITY = regionInts();

  private final int capacity;
  private int[] current;
  private int used;
  private int lastPosition;

  /** @param capacity ints per slab; a request larger than this gets an array of its own size */
  Slabs(int capacity) {
    this.capacity = capacity;
  }

  /** Room for {@code ints} consecutive ints: returns the slab; they start at {@link #lastPosition()}. */
  int[] reserve(int ints) {
    if (current == null || current.length - used < ints) {
      current = new int[Math.max(capacity, ints)];
      used = 0;
    }
    lastPosition = used;
    used += ints;
    return current;
  }

  /** Where the last {@link #reserve} starts in its slab. */
  int lastPosition() {
    return lastPosition;
  }

  private static int regionInts() {
    long bytes = 0;
    try {
      var bean = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
      boolean g1 = ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(gc -> gc.getName().startsWith("G1"));
      if (bean != null && g1) bytes = Long.parseLong(bean.getVMOption("G1HeapRegionSize").getValue());
    } catch (RuntimeException | LinkageError e) {
      bytes = 0; // not HotSpot, or the option is unknown: use the default below
    }
    if (bytes < (1 << 20)) bytes = 4 << 20;
    return (int) ((bytes - 64) / Integer.BYTES);
  }
}
