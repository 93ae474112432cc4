package org.iom.correlator.report.cohort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.iom.correlator.report.cohort.Coverage.Piece;
import org.iom.ingest.model.Fix;

/**
 * Running fix counts per {@link Piece}, fed one fix at a time so a month of fixes never has to be
 * held in memory (a few numbers per piece).
 *
 * <p>Feed contract: fixes of one tag arrive in time order (tags may come in any order, as
 * {@code Store.scanFixes} delivers them: by tag then time). A fix with the same tag and instant
 * as the previous one is a re-sent duplicate and is ignored; an earlier one is a feed error
 * ({@link IllegalStateException}). Fixes of tags without pieces are ignored. To see the gaps
 * that cross a piece's ends, the feed includes, per tag, the last fix before the period and the
 * first at or after its end ({@code Store.lastFixBefore} / {@code firstFixFrom}), or simply
 * every fix of the tag.
 *
 * <p>Per piece {@code [s, e)} of assignment {@code [fitted, removed)}, times to the millisecond:
 * <ul>
 *   <li>received: fixes with {@code s <= t < e};
 *   <li>a gap: two consecutive fixes of the assignment (the fix before {@code s}, those inside,
 *       the fix after {@code e}, all within the assignment) more than {@code maxGap} apart; its
 *       hours are the part of {@code [a, b]} inside the piece;
 *   <li>silent edge: the stretch of the piece before the assignment's first fix or after its last
 *       (no fix on that side, so by SPEC.md not a gap), counted when longer than {@code maxGap};
 *       a piece with no fix at all and no gap around it is silent throughout.
 * </ul>
 * Not thread-safe: one feed at a time.
 */
public final class FixTally {
  private final Map<String, List<PieceTally>> byTag = new HashMap<>();
  private final Map<Piece, PieceTally> byPiece = new IdentityHashMap<>();
  private final Map<String, Long> lastSeen = new HashMap<>();
  private final long maxGapMs;

  public FixTally(Coverage coverage, Duration maxGap) {
    this.maxGapMs = maxGap.toMillis();
    for (String tag : coverage.tags()) {
      List<PieceTally> list = new ArrayList<>();
      for (Piece p : coverage.pieces(tag)) {
        PieceTally t = new PieceTally(p);
        list.add(t);
        byPiece.put(p, t);
      }
      byTag.put(tag, list);
    }
  }

  /** Tallies every fix of the list (sorted by tag and time here, so any order will do). */
  public static FixTally of(Coverage coverage, Duration maxGap, List<Fix> fixes) {
    FixTally tally = new FixTally(coverage, maxGap);
    List<Fix> sorted = new ArrayList<>(fixes);
    sorted.sort(Comparator.comparing(Fix::tagId).thenComparing(Fix::recordedAt));
    sorted.forEach(tally::accept);
    return tally;
  }

  public void accept(Fix fix) {
    List<PieceTally> pieces = byTag.get(fix.tagId());
    if (pieces == null) return;
    long t = fix.recordedAt().toEpochMilli();
    Long previous = lastSeen.get(fix.tagId());
    if (previous != null) {
      if (t == previous) return;
      if (t < previous) {
        throw new IllegalStateException("fixes of tag " + fix.tagId() + " are out of time order at "
            + fix.recordedAt() + ": the feed must deliver each tag's fixes in time order");
      }
    }
    lastSeen.put(fix.tagId(), t);
    for (PieceTally p : pieces) p.accept(t);
  }

  public void acceptAll(List<Fix> fixes) {
    fixes.forEach(this::accept);
  }

  /** The piece's figures from the fixes seen so far. */
  public PieceStats stats(Piece piece) {
    PieceTally t = byPiece.get(piece);
    if (t == null) throw new IllegalArgumentException("not a piece of this tally's coverage: " + piece);
    return t.stats();
  }

  /**
   * @param received  fixes inside the piece
   * @param gaps      gaps overlapping the piece
   * @param gapMs     milliseconds of the piece inside gaps
   * @param silentMs  milliseconds of the piece before the assignment's first fix or after its last
   */
  public record PieceStats(long received, int gaps, long gapMs, long silentMs) {}

  private final class PieceTally {
    final long start;
    final long end;
    final long fitted;
    final long removed;
    boolean hasPrev;
    long prev;
    boolean hasFirst;
    long first;
    long last;
    boolean hasNext;
    long next;
    long received;
    int gaps;
    long gapMs;

    PieceTally(Piece p) {
      start = p.span().start().toEpochMilli();
      end = p.span().end().toEpochMilli();
      fitted = p.assignment().fittedAt().toEpochMilli();
      removed = p.assignment().removedAt() == null ? Long.MAX_VALUE : p.assignment().removedAt().toEpochMilli();
    }

    void accept(long t) {
      if (t < start) {
        if (t >= fitted) {
          hasPrev = true;
          prev = t;
        }
      } else if (t < end) {
        received++;
        if (hasFirst) {
          pair(last, t);
        } else {
          hasFirst = true;
          first = t;
        }
        last = t;
      } else if (t < removed && !hasNext) {
        hasNext = true;
        next = t;
      }
    }

    private void pair(long a, long b) {
      if (b - a > maxGapMs) {
        gaps++;
        gapMs += Math.max(0, Math.min(b, end) - Math.max(a, start));
      }
    }

    PieceStats stats() {
      int g = gaps;
      long inGaps = gapMs;
      long silent = 0;
      if (hasFirst) {
        if (hasPrev) {
          if (first - prev > maxGapMs) {
            g++;
            inGaps += first - start;
          }
        } else if (first - start > maxGapMs) {
          silent += first - start;
        }
        if (hasNext) {
          if (next - last > maxGapMs) {
            g++;
            inGaps += end - last;
          }
        } else if (end - last > maxGapMs) {
          silent += end - last;
        }
      } else if (hasPrev && hasNext && next - prev > maxGapMs) {
        g++;
        inGaps += end - start;
      } else if (!(hasPrev && hasNext) && end - start > maxGapMs) {
        silent += end - start;
      }
      return new PieceStats(received, g, inGaps, silent);
    }
  }
}
