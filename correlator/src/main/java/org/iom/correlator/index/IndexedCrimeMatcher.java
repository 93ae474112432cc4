package org.iom.correlator.index;

import java.util.Arrays;
import java.util.List;
import org.iom.correlator.match.CrimeMatcher;
import org.iom.correlator.match.CrimeSearch;
import org.iom.correlator.match.EvidenceCollector;
import org.iom.correlator.match.Match;
import org.iom.correlator.match.MatchRule;
import org.iom.correlator.match.SearchTarget;
import org.iom.ingest.model.Crime;

/**
 * The crime-proximity rule of SPEC.md over a {@link TrailIndex}: envelopes pick candidate tags,
 * then {@link EvidenceCollector} computes the exact evidence on their packed trails (the semantics
 * are written there and in docs/matching.md).
 *
 * <p>Per crime: one pass over the entries of the slots the window overlaps (four int comparisons
 * per entry, plus the sparse gap envelopes), then, per candidate tag, the fixes of those slots
 * and the fix on either side. An offender who matches has its other assignments' tags in the
 * window read too, so that gap minutes are complete. Cost grows with window length, tags per slot
 * and candidates, not with the total number of fixes.
 *
 * <p>Thread-safe: each call reads one immutable snapshot of the index and allocates its own
 * buffers; calls may run concurrently with each other and with appends. Re-running a crime is
 * the way to refresh it after new data (see {@link TrailChange}).
 */
final class IndexedCrimeMatcher implements CrimeMatcher {
  private final TrailIndex index;
  private final MatchRule rule;

  IndexedCrimeMatcher(TrailIndex index, MatchRule rule) {
    this.index = index;
    this.rule = rule;
  }

  @Override
  public List<Match> match(Crime crime) {
    return match(CrimeSearch.of(crime, rule));
  }

  @Override
  public List<Match> match(Crime crime, SearchTarget target, double extentM) {
    return match(CrimeSearch.of(crime, rule, target, extentM));
  }

  private List<Match> match(CrimeSearch search) {
    TrailIndex.Snapshot snap = index.snapshot();
    long slotMillis = index.slotMillis();
    long k0 = Math.max(Math.floorDiv(search.fromMillis(), slotMillis), snap.firstSlot);
    long k1 = Math.min(Math.floorDiv(search.toMillis(), slotMillis), snap.lastSlot());
    if (k0 > k1) return List.of();

    int[] candidates = candidateTags(snap, search, k0, k1);
    EvidenceCollector collector = new EvidenceCollector(search);
    Run run = new Run();
    for (int ord : candidates) readTag(snap, ord, k0, k1, run, collector);
    List<Match> matches = collector.matches();
    if (matches.isEmpty()) return matches;

    int[] extra = new int[4];
    int extras = 0;
    for (Match m : matches) {
      for (AssignmentTable.Span span : snap.assignments.spansOf(m.offenderId())) {
        boolean touchesWindow = span.fromMillis() <= search.toMillis() && span.toMillis() > search.fromMillis();
        if (!touchesWindow || Arrays.binarySearch(candidates, span.tagOrd()) >= 0) continue;
        if (extras == extra.length) extra = Arrays.copyOf(extra, extras * 2);
        extra[extras++] = span.tagOrd();
      }
    }
    if (extras == 0) return matches;
    for (int ord : sortedDistinct(extra, extras)) readTag(snap, ord, k0, k1, run, collector);
    return collector.matches();
  }

  /** Tags whose presence envelope comes within r, or gap-edge envelope within the gap radius. */
  private static int[] candidateTags(TrailIndex.Snapshot snap, CrimeSearch s, long k0, long k1) {
    // Centimetres, widened by 1 cm so rounding can never drop a true candidate.
    double cx = s.easting() * 100, cy = s.northing() * 100;
    double r = (s.radiusM() + s.extentM()) * 100 + 1, g = (s.gapRadiusM() + s.extentM()) * 100 + 1;
    double loX = cx - r, hiX = cx + r, loY = cy - r, hiY = cy + r;
    double gLoX = cx - g, gHiX = cx + g, gLoY = cy - g, gHiY = cy + g;
    int[] out = new int[8];
    int n = 0;
    for (long k = k0; k <= k1; k++) {
      Slot slot = snap.slot(k);
      if (slot == null) continue;
      int[] minX = slot.minX, maxX = slot.maxX, minY = slot.minY, maxY = slot.maxY;
      for (int i = 0, size = slot.size(); i < size; i++) {
        if (maxX[i] >= loX && minX[i] <= hiX && maxY[i] >= loY && minY[i] <= hiY) {
          if (n == out.length) out = Arrays.copyOf(out, n * 2);
          out[n++] = slot.tagOrd[i];
        }
      }
      for (int j = 0; j < slot.gapEntry.length; j++) {
        if (slot.gapMaxX[j] >= gLoX && slot.gapMinX[j] <= gHiX && slot.gapMaxY[j] >= gLoY && slot.gapMinY[j] <= gHiY) {
          if (n == out.length) out = Arrays.copyOf(out, n * 2);
          out[n++] = slot.tagOrd[slot.gapEntry[j]];
        }
      }
    }
    return sortedDistinct(out, n);
  }

  private static int[] sortedDistinct(int[] values, int n) {
    int[] v = Arrays.copyOf(values, n);
    Arrays.sort(v);
    int m = 0;
    for (int i = 0; i < n; i++) if (m == 0 || v[i] != v[m - 1]) v[m++] = v[i];
    return Arrays.copyOf(v, m);
  }

  /**
   * Reads the tag's fixes of slots {@code [k0, k1]} plus the fix before and after them (a spanning
   * entry supplies its gap's edges), attributes them to assignments and hands them to the collector.
   */
  private static void readTag(TrailIndex.Snapshot snap, int ord, long k0, long k1, Run run, EvidenceCollector collector) {
    String[] offenders = snap.assignments.offendersOf(ord);
    if (offenders == null) return;
    run.n = 0;
    boolean started = false;
    EdgeFix pendingEnd = null;
    long lastK = k0;
    for (long k = k0; k <= k1; k++) {
      Slot slot = snap.slot(k);
      int i = slot == null ? -1 : slot.find(ord);
      if (i < 0) continue;
      if (slot.isSpanning(i)) {
        if (!started) run.add(slot.spanStart(i));
        pendingEnd = slot.spanEnd(i);
      } else {
        if (!started) {
          EdgeFix before = TrailIndex.neighbour(snap, ord, k - 1, false);
          if (before != null) run.add(before);
        }
        run.addBlock(slot.fixes[i], slot.baseMillis);
        pendingEnd = null;
      }
      started = true;
      lastK = k;
    }
    if (!started) return;
    EdgeFix after = pendingEnd != null ? pendingEnd : TrailIndex.neighbour(snap, ord, lastK + 1, true);
    if (after != null) run.add(after);
    if (!snap.assignments.attribute(ord, run.t, run.n, run.assignment)) return;
    collector.addRun(snap.tagIds[ord], run.t, run.x, run.y, run.assignment, offenders, run.n);
  }

  /** Reusable columns of one tag's unpacked run (metres, epoch ms). */
  private static final class Run {
    long[] t = new long[256];
    double[] x = new double[256];
    double[] y = new double[256];
    int[] assignment = new int[256];
    int n;

    void add(EdgeFix f) {
      ensure(n + 1);
      t[n] = f.epochMillis();
      x[n] = PackedFixes.toMetres(f.xCm());
      y[n] = PackedFixes.toMetres(f.yCm());
      n++;
    }

    void addBlock(int[] block, long base) {
      int count = PackedFixes.count(block);
      ensure(n + count);
      for (int p = 0; p < block.length; p += PackedFixes.STRIDE) {
        t[n] = base + block[p];
        x[n] = PackedFixes.toMetres(block[p + 1]);
        y[n] = PackedFixes.toMetres(block[p + 2]);
        n++;
      }
    }

    private void ensure(int capacity) {
      if (capacity <= t.length) return;
      int size = Math.max(capacity, t.length * 2);
      t = Arrays.copyOf(t, size);
      x = Arrays.copyOf(x, size);
      y = Arrays.copyOf(y, size);
      assignment = Arrays.copyOf(assignment, size);
    }
  }
}
