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
 * whose entry is near the crime or has a gap (far, gapless entries are skipped: see
 * {@link #readTag}), each run with the fix on either side. An offender who matches has its other assignments' tags in the
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
    Near near = new Near(search);
    for (int ord : candidates) readTag(snap, ord, k0, k1, near, run, collector);
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
    for (int ord : sortedDistinct(extra, extras)) readTag(snap, ord, k0, k1, near, run, collector);
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
   * Reads the tag's fixes of slots {@code [k0, k1]} and hands them to the collector in runs, each
   * with the fix before and after it (a spanning entry supplies its gap's edges), attributed to
   * assignments.
   *
   * <p>Entries that can change no evidence are skipped: an entry with fixes, no gap, and a
   * presence envelope farther than r from the crime. Everything in it (its fixes, its segments, the
   * segments joining it to its neighbours, all covered by that envelope) is farther than r, so it
   * adds no fix or minute within r and cannot be the closest approach of a PRESENT match; having no
   * gap, it adds no gap minutes or gap edges. A skipped entry splits the tag's slots into separate
   * runs; the runs overlap only in the skipped entry's edge fixes, never in a segment, so nothing
   * is counted twice. Long windows over a town centre then read a few hours' fixes of the tags that
   * were near, not the whole window of every tag whose path crossed the area once.
   */
  private static void readTag(TrailIndex.Snapshot snap, int ord, long k0, long k1, Near near, Run run,
      EvidenceCollector collector) {
    String[] offenders = snap.assignments.offendersOf(ord);
    if (offenders == null) return;
    run.n = 0;
    boolean inRun = false;
    EdgeFix pendingEnd = null;
    long lastK = k0;
    for (long k = k0; k <= k1; k++) {
      Slot slot = snap.slot(k);
      int i = slot == null ? -1 : slot.find(ord);
      if (i < 0) continue;
      if (!slot.isSpanning(i) && !near.touches(slot, i)) {
        if (inRun) {
          run.add(pendingEnd != null ? pendingEnd : slot.firstFixOrGapEnd(i));
          flush(snap, ord, offenders, run, near, collector);
          inRun = false;
          pendingEnd = null;
        }
        continue;
      }
      if (slot.isSpanning(i)) {
        if (!inRun) run.add(slot.spanStart(i));
        pendingEnd = slot.spanEnd(i);
      } else {
        if (!inRun) {
          EdgeFix before = TrailIndex.neighbour(snap, ord, k - 1, false);
          if (before != null) run.add(before);
        }
        run.addBlock(slot.fixData[i], slot.fixFrom[i], slot.fixCount[i], slot.baseMillis);
        pendingEnd = null;
      }
      inRun = true;
      lastK = k;
    }
    if (!inRun) return;
    EdgeFix after = pendingEnd != null ? pendingEnd : TrailIndex.neighbour(snap, ord, lastK + 1, true);
    if (after != null) run.add(after);
    flush(snap, ord, offenders, run, near, collector);
  }

  /**
   * Hands the collected run to the exact stage, minus its far stretches: a pair of consecutive
   * fixes at most max gap apart whose two ends lie beyond the same side of the crime's r-box is a
   * segment (or, across assignments, nothing) that stays farther than r; a fix both of whose pairs
   * are such is dropped, and the run is cut there. As for skipped slot entries, what is dropped
   * adds no fix or minute within r and cannot be a PRESENT match's closest approach; gaps (pairs
   * further apart) are always kept. Four comparisons a fix instead of the exact segment geometry.
   */
  private static void flush(TrailIndex.Snapshot snap, int ord, String[] offenders, Run run, Near near,
      EvidenceCollector collector) {
    int n = run.n;
    run.n = 0;
    if (!snap.assignments.attribute(ord, run.t, n, run.assignment)) return;
    long maxGap = collector.search().maxGapMillis();
    int start = 0;
    boolean previousPairFar = false; // pair (i - 1, i)
    for (int i = 0; i < n; i++) {
      boolean nextPairFar = i + 1 < n && run.t[i + 1] - run.t[i] <= maxGap
          && near.beyondSameSide(run.x[i], run.y[i], run.x[i + 1], run.y[i + 1]);
      if (previousPairFar && nextPairFar) {
        if (i > start) hand(snap, ord, offenders, run, start, i, collector); // the run up to the fix before i
        start = i + 1;
      }
      previousPairFar = nextPairFar;
    }
    if (start < n) hand(snap, ord, offenders, run, start, n, collector);
  }

  /** Fixes {@code [from, to)} of the run, as one run of the exact stage. */
  private static void hand(TrailIndex.Snapshot snap, int ord, String[] offenders, Run run, int from, int to,
      EvidenceCollector collector) {
    if (from == 0) {
      collector.addRun(snap.tagIds[ord], run.t, run.x, run.y, run.assignment, offenders, to);
      return;
    }
    int m = to - from;
    run.ensureScratch(m);
    System.arraycopy(run.t, from, run.st, 0, m);
    System.arraycopy(run.x, from, run.sx, 0, m);
    System.arraycopy(run.y, from, run.sy, 0, m);
    System.arraycopy(run.assignment, from, run.sa, 0, m);
    collector.addRun(snap.tagIds[ord], run.st, run.sx, run.sy, run.sa, offenders, m);
  }

  /** The crime's radius box in centimetres (widened by 1 cm for rounding), for entry envelopes. */
  private static final class Near {
    final double loX, hiX, loY, hiY;

    Near(CrimeSearch s) {
      // An area target reaches extentM from its centre: the box must cover r around all of it.
      double cx = s.easting() * 100, cy = s.northing() * 100, r = (s.radiusM() + s.extentM()) * 100 + 1;
      loX = cx - r;
      hiX = cx + r;
      loY = cy - r;
      hiY = cy + r;
    }

    /** Both points (metres) lie beyond the same side of the box: the segment between them stays outside it. */
    boolean beyondSameSide(double ax, double ay, double bx, double by) {
      double axc = ax * 100, ayc = ay * 100, bxc = bx * 100, byc = by * 100;
      return (axc < loX && bxc < loX) || (axc > hiX && bxc > hiX) || (ayc < loY && byc < loY) || (ayc > hiY && byc > hiY);
    }

    /** True unless the entry (not spanning) has no gap and a presence envelope outside the box. */
    boolean touches(Slot slot, int i) {
      if (slot.maxX[i] >= loX && slot.minX[i] <= hiX && slot.maxY[i] >= loY && slot.minY[i] <= hiY) return true;
      return Arrays.binarySearch(slot.gapEntry, i) >= 0;
    }
  }

  /** Reusable columns of one tag's unpacked run (metres, epoch ms). */
  private static final class Run {
    long[] t = new long[256];
    double[] x = new double[256];
    double[] y = new double[256];
    int[] assignment = new int[256];
    int n;
    long[] st = new long[0];
    double[] sx = new double[0], sy = new double[0];
    int[] sa = new int[0];

    /** Scratch columns for a stretch of the run handed on its own. */
    void ensureScratch(int capacity) {
      if (capacity <= st.length) return;
      int size = Math.max(capacity, t.length);
      st = new long[size];
      sx = new double[size];
      sy = new double[size];
      sa = new int[size];
    }

    void add(EdgeFix f) {
      ensure(n + 1);
      t[n] = f.epochMillis();
      x[n] = PackedFixes.toMetres(f.xCm());
      y[n] = PackedFixes.toMetres(f.yCm());
      n++;
    }

    void addBlock(int[] block, int from, int count, long base) {
      ensure(n + count);
      for (int p = from, end = from + count * PackedFixes.STRIDE; p < end; p += PackedFixes.STRIDE) {
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
