package org.iom.correlator.index;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.iom.correlator.match.CrimeMatcher;
import org.iom.correlator.match.MatchRule;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.TagAssignment;

/**
 * The space-time index of all tags' trails: the primary filter in front of the exact rule.
 *
 * <p><b>Layout.</b> Time is cut into fixed UTC slots of {@link #slotLength()} (default 1 h,
 * never shorter than max gap). Each slot holds, column-wise, one entry per tag present: the tag's
 * fixes in the slot packed as {@code int} triples (millisecond offset, easting cm, northing cm;
 * positions rounded to 1 cm of EPSG:27700), the bounding box of every trail position at times in
 * the slot (its segments into and out of the slot included), and, when gaps overlap the slot, the
 * bounding box of those gaps' edge fixes. A gap longer than a slot puts a fixless "spanning"
 * entry, holding both edges, in each slot it covers, so a window inside a long gap finds the gap's
 * edges wherever they lie in time. About 12 bytes per fix plus ~40 per (tag, slot); no object per
 * fix.
 *
 * <p><b>Assignments</b> are applied at query time ({@link #setAssignments}), so a late or
 * corrected assignment needs no rebuild.
 *
 * <p><b>Writes.</b> {@link #append} accepts fixes in any order, late ones included: it rebuilds
 * the affected (tag, slot) entries, copy-on-write, and publishes a new immutable snapshot. Writes
 * are serialised (one writer at a time, any thread); cost is proportional to the fixes in the
 * slots touched, plus one slot per hour of any gap the new fixes fall into. A fix with the same
 * {@code (tag, time)} as a stored one is ignored (first kept): detecting conflicts is the store's
 * job. Bulk loading goes through {@link #builder()}.
 *
 * <p><b>Reads.</b> Queries ({@link #matcher}) read one snapshot without locks and may run
 * concurrently with each other and with writes; each sees the index as of some completed write.
 *
 * <p>Times are epoch milliseconds UTC (sub-millisecond parts dropped); coordinates are metres
 * EPSG:27700.
 */
public final class TrailIndex {
  public static final Duration DEFAULT_SLOT_LENGTH = Duration.ofHours(1);

  private final long slotMillis;
  private final long maxGapMillis;
  private final Object writeLock = new Object();
  private final Map<String, Integer> ordinals = new HashMap<>();
  private volatile Snapshot snapshot;

  private TrailIndex(long slotMillis, long maxGapMillis, Snapshot initial, Map<String, Integer> ordinals) {
    this.slotMillis = slotMillis;
    this.maxGapMillis = maxGapMillis;
    this.snapshot = initial;
    this.ordinals.putAll(ordinals);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The segment/gap threshold the envelopes were built with; matchers must use the same. */
  public Duration maxGap() {
    return Duration.ofMillis(maxGapMillis);
  }

  public Duration slotLength() {
    return Duration.ofMillis(slotMillis);
  }

  /** Distinct fixes held (duplicates collapsed). */
  public long fixCount() {
    return snapshot.fixCount;
  }

  /**
   * A matcher over this index (current and future contents) for the rule. Thread-safe.
   *
   * @throws IllegalArgumentException when the rule's max gap differs from the index's
   */
  public CrimeMatcher matcher(MatchRule rule) {
    if (rule.maxGapMillis() != maxGapMillis) {
      throw new IllegalArgumentException("rule max_gap " + rule.maxGap() + " differs from the index's " + maxGap());
    }
    return new IndexedCrimeMatcher(this, rule);
  }

  Snapshot snapshot() {
    return snapshot;
  }

  long slotMillis() {
    return slotMillis;
  }

  /**
   * Replaces all tag assignments. Validated (a tag's assignments must not overlap) before anything
   * changes; then visible to queries that start afterwards.
   */
  public void setAssignments(Collection<TagAssignment> assignments) {
    synchronized (writeLock) {
      Snapshot s = snapshot;
      Map<String, Integer> added = new LinkedHashMap<>();
      AssignmentTable table = AssignmentTable.of(assignments, id -> ordinalFor(id, added));
      ordinals.putAll(added);
      snapshot = s.with(withTags(s.tagIds, added), table);
    }
  }

  /** Appends fixes of any tags; returns the changes, one per tag that gained fixes. */
  public List<TrailChange> appendFixes(Collection<Fix> fixes) {
    Map<String, List<Fix>> byTag = new LinkedHashMap<>();
    for (Fix f : fixes) byTag.computeIfAbsent(f.tagId(), k -> new ArrayList<>()).add(f);
    List<TrailChange> changes = new ArrayList<>();
    byTag.forEach((tag, list) -> {
      Columns c = Columns.of(list);
      append(tag, c.t, c.x, c.y, c.t.length).ifPresent(changes::add);
    });
    return changes;
  }

  /**
   * Appends fixes {@code [0, n)} of one tag, in any time order; stored fixes win over new ones at
   * the same time.
   *
   * @param epochMillis fix times, epoch milliseconds UTC
   * @param easting     metres EPSG:27700
   * @param northing    metres EPSG:27700
   * @return the trail interval that changed, empty when every fix was already stored
   * @throws IllegalArgumentException for a coordinate that is not finite or beyond +-21,474 km
   */
  public Optional<TrailChange> append(String tagId, long[] epochMillis, double[] easting, double[] northing, int n) {
    SlotBlocks incoming = new SlotBlocks(tagId, slotMillis, maxGapMillis, null);
    incoming.add(epochMillis, easting, northing, n);
    if (incoming.isEmpty()) return Optional.empty();
    synchronized (writeLock) {
      Snapshot s = snapshot;
      Map<String, Integer> added = new LinkedHashMap<>();
      int ord = ordinalFor(tagId, added);
      incoming.finishAll();
      long[] newSlots = incoming.slots();
      int[][] newBlocks = new int[newSlots.length][];
      for (int i = 0; i < newSlots.length; i++) newBlocks[i] = incoming.exact(i);

      long[] range = affectedRange(s, ord, newSlots[0], newSlots[newSlots.length - 1]);
      long lo = range[0];
      long hi = range[1];
      int span = Math.toIntExact(hi - lo + 1);
      long[] mergedSlots = new long[span];
      int[][] mergedBlocks = new int[span][];
      int m = 0;
      int inserted = 0;
      long firstNew = Long.MAX_VALUE, lastNew = Long.MIN_VALUE;
      long beforeFirstNew = Long.MIN_VALUE, afterLastNew = 0;
      long previousTime = Long.MIN_VALUE;
      boolean awaitingAfter = false;
      for (long k = lo; k <= hi; k++) {
        int[] existing = existingFixes(s, ord, k);
        int idx = Arrays.binarySearch(newSlots, k);
        int[] merged = idx >= 0 ? PackedFixes.merge(existing, newBlocks[idx]) : existing;
        if (merged.length == 0) continue;
        long base = k * slotMillis;
        for (int p = 0; p < merged.length; p += PackedFixes.STRIDE) {
          long t = base + merged[p];
          boolean isNew = merged != existing && !containsTime(existing, merged[p]);
          if (isNew) {
            inserted++;
            if (firstNew == Long.MAX_VALUE) {
              firstNew = t;
              beforeFirstNew = previousTime;
            }
            lastNew = t;
            awaitingAfter = true;
          } else if (awaitingAfter) {
            afterLastNew = t;
            awaitingAfter = false;
          }
          previousTime = t;
        }
        mergedSlots[m] = k;
        mergedBlocks[m] = merged;
        m++;
      }
      if (inserted == 0) return Optional.empty();
      EdgeFix pred = neighbour(s, ord, lo - 1, false);
      EdgeFix succ = neighbour(s, ord, hi + 1, true);
      // The change runs from the fix before the first new one to the fix after the last new one.
      long changeFrom = beforeFirstNew != Long.MIN_VALUE ? beforeFirstNew : pred != null ? pred.epochMillis() : firstNew;
      long changeTo = !awaitingAfter ? afterLastNew : succ != null ? succ.epochMillis() : lastNew;

      List<TrailAssembler.SlotEntry> entries =
          TrailAssembler.assemble(ord, mergedSlots, mergedBlocks, m, pred, succ, slotMillis, maxGapMillis);
      Snapshot next = s.withSlotsReplaced(ord, lo, hi, entries, slotMillis, inserted);
      ordinals.putAll(added);
      snapshot = next.with(withTags(next.tagIds, added), next.assignments);
      return Optional.of(new TrailChange(tagId, Instant.ofEpochMilli(changeFrom), Instant.ofEpochMilli(changeTo), inserted));
    }
  }

  /**
   * The slot range whose entries of the tag must be reassembled when slots {@code [newMin, newMax]}
   * gain fixes: out to the tag's nearest slot with fixes on each side (through spanning entries,
   * or across empty slots when the new fixes extend the trail's ends), because those neighbours'
   * envelopes and the gaps between change.
   */
  private static long[] affectedRange(Snapshot s, int ord, long newMin, long newMax) {
    long lo = walkToFixes(s, ord, newMin, -1);
    long hi = walkToFixes(s, ord, newMax, +1);
    if (ord < s.tagLastSlot.length && s.tagLastSlot[ord] != Long.MIN_VALUE) {
      if (s.tagLastSlot[ord] < lo) lo = s.tagLastSlot[ord];
      if (s.tagFirstSlot[ord] > hi) hi = s.tagFirstSlot[ord];
    }
    return new long[] {lo, hi};
  }

  private static long walkToFixes(Snapshot s, int ord, long start, int step) {
    for (long k = start + step; ; k += step) {
      Slot slot = s.slot(k);
      int i = slot == null ? -1 : slot.find(ord);
      if (i < 0) {
        if (k == start + step) return start;
        throw new IllegalStateException("index invariant broken: a spanning gap of tag " + s.tagIds[ord] + " ends nowhere");
      }
      if (!slot.isSpanning(i)) return k;
    }
  }

  private static int[] existingFixes(Snapshot s, int ord, long k) {
    Slot slot = s.slot(k);
    int i = slot == null ? -1 : slot.find(ord);
    return i < 0 ? PackedFixes.NONE : slot.exactFixes(i);
  }

  /** The tag's fix adjacent to a range: in slot {@code k}, the last (looking back) or first (forward). */
  static EdgeFix neighbour(Snapshot s, int ord, long k, boolean forward) {
    Slot slot = s.slot(k);
    int i = slot == null ? -1 : slot.find(ord);
    if (i < 0) return null;
    return forward ? slot.firstFixOrGapEnd(i) : slot.lastFixOrGapStart(i);
  }

  private static boolean containsTime(int[] block, int offset) {
    int lo = 0, hi = PackedFixes.count(block) - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int t = block[mid * PackedFixes.STRIDE];
      if (t < offset) lo = mid + 1;
      else if (t > offset) hi = mid - 1;
      else return true;
    }
    return false;
  }

  private int ordinalFor(String tagId, Map<String, Integer> added) {
    Integer ord = ordinals.get(tagId);
    if (ord == null) ord = added.get(tagId);
    if (ord == null) {
      ord = ordinals.size() + added.size();
      added.put(tagId, ord);
    }
    return ord;
  }

  private static String[] withTags(String[] tagIds, Map<String, Integer> added) {
    if (added.isEmpty()) return tagIds;
    String[] out = Arrays.copyOf(tagIds, tagIds.length + added.size());
    added.forEach((id, ord) -> out[ord] = id);
    return out;
  }

  /** An immutable, consistent view of the whole index: what one query reads. */
  static final class Snapshot {
    final long firstSlot;
    final Slot[] slots;
    final String[] tagIds;
    final AssignmentTable assignments;
    final long fixCount;
    /** Per tag ordinal, first and last slot holding its fixes; MAX/MIN_VALUE when none. */
    final long[] tagFirstSlot;
    final long[] tagLastSlot;

    Snapshot(long firstSlot, Slot[] slots, String[] tagIds, AssignmentTable assignments, long fixCount,
        long[] tagFirstSlot, long[] tagLastSlot) {
      this.firstSlot = firstSlot;
      this.slots = slots;
      this.tagIds = tagIds;
      this.assignments = assignments;
      this.fixCount = fixCount;
      this.tagFirstSlot = tagFirstSlot;
      this.tagLastSlot = tagLastSlot;
    }

    Slot slot(long k) {
      long i = k - firstSlot;
      return i >= 0 && i < slots.length ? slots[(int) i] : null;
    }

    long lastSlot() {
      return firstSlot + slots.length - 1;
    }

    Snapshot with(String[] newTagIds, AssignmentTable newAssignments) {
      return new Snapshot(firstSlot, slots, newTagIds, newAssignments, fixCount, tagFirstSlot, tagLastSlot);
    }

    /** A copy whose slots {@code [lo, hi]} carry the tag's new entries (one per slot in range). */
    Snapshot withSlotsReplaced(int ord, long lo, long hi, List<TrailAssembler.SlotEntry> entries, long slotMillis, int inserted) {
      long first = slots.length == 0 ? lo : Math.min(firstSlot, lo);
      long last = slots.length == 0 ? hi : Math.max(lastSlot(), hi);
      Slot[] out = new Slot[Math.toIntExact(last - first + 1)];
      if (slots.length > 0) System.arraycopy(slots, 0, out, (int) (firstSlot - first), slots.length);
      Map<Long, Entry> bySlot = new HashMap<>();
      for (TrailAssembler.SlotEntry se : entries) bySlot.put(se.slot(), se.entry());
      for (long k = lo; k <= hi; k++) {
        Slot old = slot(k);
        Entry replacement = bySlot.get(k);
        Slot updated;
        if (old == null) {
          updated = replacement == null ? null : new Slot(k, slotMillis, List.of(replacement));
        } else {
          updated = old.withEntry(ord, replacement, slotMillis);
          if (updated.size() == 0) updated = null;
        }
        out[(int) (k - first)] = updated;
      }
      int tags = Math.max(ord + 1, tagLastSlot.length);
      long[] firsts = Arrays.copyOf(tagFirstSlot, tags);
      long[] lasts = Arrays.copyOf(tagLastSlot, tags);
      for (int i = tagLastSlot.length; i < tags; i++) {
        firsts[i] = Long.MAX_VALUE;
        lasts[i] = Long.MIN_VALUE;
      }
      firsts[ord] = Math.min(firsts[ord], lo);
      lasts[ord] = Math.max(lasts[ord], hi);
      return new Snapshot(first, out, tagIds, assignments, fixCount + inserted, firsts, lasts);
    }
  }

  /** Column copies of a list of fixes, in list order. */
  private record Columns(long[] t, double[] x, double[] y) {
    static Columns of(List<Fix> fixes) {
      int n = fixes.size();
      long[] t = new long[n];
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        Fix f = fixes.get(i);
        t[i] = f.recordedAt().toEpochMilli();
        x[i] = f.position().easting();
        y[i] = f.position().northing();
      }
      return new Columns(t, x, y);
    }
  }

  /**
   * Bulk loader: collects fixes (any order, any number of calls per tag) and builds the index in
   * one pass. Fixes already in time order per call take the fast path: packed once into large
   * region-sized arrays shared by all tags, which the slots then view (see {@code SlotBlocks} and
   * {@code Slabs}). Not thread-safe; single use.
   */
  public static final class Builder {
    private long slotMillis = DEFAULT_SLOT_LENGTH.toMillis();
    private long maxGapMillis = MatchRule.DEFAULT_MAX_GAP.toMillis();
    private final Map<String, Integer> ordinals = new LinkedHashMap<>();
    private final List<SlotBlocks> blocks = new ArrayList<>();
    private final Slabs slabs = new Slabs(Slabs.DEFAULT_CAPACITY);
    private Collection<TagAssignment> assignments = List.of();
    private boolean built;

    private Builder() {}

    /** Segment/gap threshold (default 10 min); the matching rule must use the same. */
    public Builder maxGap(Duration maxGap) {
      requireUnbuilt();
      if (maxGap.isNegative() || maxGap.isZero()) throw new IllegalArgumentException("max gap must be positive");
      this.maxGapMillis = maxGap.toMillis();
      return this;
    }

    /** Slot length (default 1 h): at least max gap, at most 24 h (offsets are int milliseconds). */
    public Builder slotLength(Duration slot) {
      requireUnbuilt();
      this.slotMillis = slot.toMillis();
      return this;
    }

    /** Adds fixes {@code [0, n)} of one tag from columns (epoch ms UTC, metres EPSG:27700); copies them. */
    public Builder add(String tagId, long[] epochMillis, double[] easting, double[] northing, int n) {
      requireUnbuilt();
      if (tagId == null || tagId.isBlank()) throw new IllegalArgumentException("tag_id is required");
      int ord = ordinals.computeIfAbsent(tagId, k -> {
        blocks.add(new SlotBlocks(k, slotMillis, maxGapMillis, slabs));
        return blocks.size() - 1;
      });
      blocks.get(ord).add(epochMillis, easting, northing, n);
      return this;
    }

    /** Adds fix records, grouped by tag in encounter order. */
    public Builder addFixes(Collection<Fix> fixes) {
      Map<String, List<Fix>> byTag = new LinkedHashMap<>();
      for (Fix f : fixes) byTag.computeIfAbsent(f.tagId(), k -> new ArrayList<>()).add(f);
      byTag.forEach((tag, list) -> {
        Columns c = Columns.of(list);
        add(tag, c.t, c.x, c.y, c.t.length);
      });
      return this;
    }

    public Builder assignments(Collection<TagAssignment> all) {
      requireUnbuilt();
      this.assignments = List.copyOf(all);
      return this;
    }

    /**
     * Builds the index. Work is spread over the common fork-join pool: tags are assembled in
     * parallel (each tag's entries: envelopes, gaps, spanning entries), then slots are packed in
     * parallel from the tags' entries; the result does not depend on the thread count. The packed
     * fixes are not copied: slots keep views of the arrays {@code add} packed.
     */
    public TrailIndex build() {
      requireUnbuilt();
      if (slotMillis < maxGapMillis) {
        throw new IllegalArgumentException("slot length must be at least max gap");
      }
      if (slotMillis > Duration.ofHours(24).toMillis()) throw new IllegalArgumentException("slot length must be at most 24 h");
      built = true;
      int tags = blocks.size();
      long[] tagFirst = new long[tags];
      long[] tagLast = new long[tags];
      long[] fixesOf = new long[tags];
      Entry[][] entriesOf = new Entry[tags][];
      IntStream.range(0, tags).parallel().forEach(ord -> {
        SlotBlocks b = blocks.get(ord);
        b.finishAll();
        int n = b.size();
        if (n == 0) {
          tagFirst[ord] = Long.MAX_VALUE;
          tagLast[ord] = Long.MIN_VALUE;
          entriesOf[ord] = new Entry[0];
          return;
        }
        long[] own = b.slots();
        int[][] data = new int[n][];
        int[] from = new int[n];
        int[] count = new int[n];
        long fixes = 0;
        for (int i = 0; i < n; i++) {
          data[i] = b.data(i);
          from[i] = b.from(i);
          count[i] = b.count(i);
          fixes += count[i];
        }
        // Envelopes were computed while packing, unless max gap was changed after this tag's add.
        int[] envelopes = b.maxGapMillis() == maxGapMillis ? b.envelopes() : null;
        List<TrailAssembler.SlotEntry> assembled =
            TrailAssembler.assemble(ord, own, data, from, count, envelopes, n, null, null, slotMillis, maxGapMillis);
        Entry[] entries = new Entry[assembled.size()]; // one per slot from own[0] to own[n-1]
        for (int i = 0; i < entries.length; i++) entries[i] = assembled.get(i).entry();
        tagFirst[ord] = own[0];
        tagLast[ord] = own[n - 1];
        fixesOf[ord] = fixes;
        entriesOf[ord] = entries;
      });
      blocks.clear();
      long first = Long.MAX_VALUE, last = Long.MIN_VALUE, fixCount = 0;
      for (int ord = 0; ord < tags; ord++) {
        first = Math.min(first, tagFirst[ord]);
        last = Math.max(last, tagLast[ord]);
        fixCount += fixesOf[ord];
      }
      Slot[] slots = new Slot[0];
      if (first <= last) {
        long base = first;
        slots = new Slot[Math.toIntExact(last - first + 1)];
        Slot[] out = slots;
        IntStream.range(0, slots.length).parallel().forEach(k -> {
          long slot = base + k;
          List<Entry> entries = new ArrayList<>();
          for (int ord = 0; ord < tags; ord++) {
            if (tagFirst[ord] <= slot && slot <= tagLast[ord]) entries.add(entriesOf[ord][(int) (slot - tagFirst[ord])]);
          }
          if (!entries.isEmpty()) out[k] = new Slot(slot, slotMillis, entries);
        });
      }
      String[] tagIds = ordinals.keySet().toArray(new String[0]);
      Snapshot initial = new Snapshot(
          first <= last ? first : 0, slots, tagIds, AssignmentTable.EMPTY, fixCount, tagFirst, tagLast);
      TrailIndex index = new TrailIndex(slotMillis, maxGapMillis, initial, ordinals);
      index.setAssignments(assignments);
      return index;
    }

    private void requireUnbuilt() {
      if (built) throw new IllegalStateException("builder already built");
    }
  }
}
