package org.iom.correlator.zones;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.TagAssignment;

/**
 * One offender's trail as the licence-condition detector reads it: the offender's assignments and,
 * per tag, its fixes as primitive columns (epoch ms UTC; easting, northing in metres on
 * EPSG:27700), split into one {@link Run} per assignment by the matching rule's attribution
 * ({@code fitted_at <= t < removed_at}; fixes outside every assignment of this offender are
 * dropped).
 *
 * <p><b>Coverage contract.</b> The trail is loaded for a closed interval {@code [dataFrom, dataTo]}:
 * for every tag it must hold all the tag's fixes with {@code dataFrom <= t <= dataTo}, plus the
 * tag's last fix before {@code dataFrom} and first fix after {@code dataTo} when they exist (the
 * edges, as {@code Store.lastFixBefore} and {@code Store.firstFixFrom} give them); more fixes do no
 * harm. That is what lets the detector tell a run's true first or last fix from a cut one and so
 * know which episodes it sees whole. {@link #builder(String)} without {@code covering} means the
 * trail holds all the data there is.
 *
 * <p>Of several fixes of one tag at the same millisecond the first one added is kept (the
 * store's first-kept rule). Immutable and thread-safe once built. Memory: 24 bytes a fix.
 */
public final class OffenderTrail {
  private final String offenderId;
  private final long dataFromMs;
  private final long dataToMs;
  private final List<Run> runs;

  private OffenderTrail(String offenderId, long dataFromMs, long dataToMs, List<Run> runs) {
    this.offenderId = offenderId;
    this.dataFromMs = dataFromMs;
    this.dataToMs = dataToMs;
    this.runs = List.copyOf(runs);
  }

  public static Builder builder(String offenderId) {
    return new Builder(offenderId);
  }

  public String offenderId() {
    return offenderId;
  }

  /** Start of the coverage interval, epoch ms ({@link Long#MIN_VALUE} when everything is loaded). */
  public long dataFromMs() {
    return dataFromMs;
  }

  /** End of the coverage interval, epoch ms ({@link Long#MAX_VALUE} when everything is loaded). */
  public long dataToMs() {
    return dataToMs;
  }

  /** One run per assignment that overlaps the coverage, ordered by fitted_at then tag. */
  public List<Run> runs() {
    return runs;
  }

  /**
   * The fixes of one assignment, in strictly increasing time.
   *
   * @param cutAtStart the first fix is the edge fix before {@code dataFrom} and the assignment
   *                   began earlier: what came before it is not loaded
   * @param cutAtEnd   the last fix is the edge fix after {@code dataTo}: what follows is not loaded
   */
  public record Run(TagAssignment assignment, long[] epochMillis, double[] easting, double[] northing,
      boolean cutAtStart, boolean cutAtEnd) {
    public Run {
      if (epochMillis.length != easting.length || epochMillis.length != northing.length) {
        throw new IllegalArgumentException("fix columns differ in length");
      }
    }

    public int size() {
      return epochMillis.length;
    }

    public String tagId() {
      return assignment.tagId();
    }

    /** Whether the assignment is still in force at {@code nowMs} (no removal, or a removal after it). */
    boolean openAt(long nowMs) {
      return assignment.removedAt() == null || assignment.removedAt().toEpochMilli() > nowMs;
    }
  }

  /** Collects assignments and fixes; not thread-safe. */
  public static final class Builder {
    private final String offenderId;
    private final List<TagAssignment> assignments = new ArrayList<>();
    private final Map<String, Columns> fixesByTag = new LinkedHashMap<>();
    private long dataFromMs = Long.MIN_VALUE;
    private long dataToMs = Long.MAX_VALUE;

    private Builder(String offenderId) {
      if (offenderId == null || offenderId.isBlank()) throw new IllegalArgumentException("offender_id is required");
      this.offenderId = offenderId.strip();
    }

    /** Declares the coverage interval (see the class comment); both ends inclusive. */
    public Builder covering(Instant dataFrom, Instant dataTo) {
      if (dataTo.isBefore(dataFrom)) throw new IllegalArgumentException("coverage ends before it starts");
      this.dataFromMs = dataFrom.toEpochMilli();
      this.dataToMs = dataTo.toEpochMilli();
      return this;
    }

    /** Adds assignments; those of other offenders are ignored, so all of a tag's may be passed. */
    public Builder assignments(List<TagAssignment> list) {
      for (TagAssignment a : list) if (a.offenderId().equals(offenderId)) assignments.add(a);
      return this;
    }

    public Builder fix(Fix fix) {
      return fix(fix.tagId(), fix.recordedAt().toEpochMilli(), fix.position().easting(), fix.position().northing());
    }

    public Builder fixes(List<Fix> list) {
      for (Fix f : list) fix(f);
      return this;
    }

    /** Adds one fix of a tag; any order (sorted on build). */
    public Builder fix(String tagId, long epochMs, double easting, double northing) {
      if (!Double.isFinite(easting) || !Double.isFinite(northing)) {
        throw new IllegalArgumentException("fix of tag " + tagId + " at " + Instant.ofEpochMilli(epochMs) + " has no finite position");
      }
      fixesByTag.computeIfAbsent(tagId, t -> new Columns()).add(epochMs, easting, northing);
      return this;
    }

    /** Adds a tag's fixes as columns, e.g. from {@code Scenario.forEachTagTrail} (seconds to ms by the caller). */
    public Builder fixes(String tagId, long[] epochMs, double[] easting, double[] northing, int count) {
      for (int i = 0; i < count; i++) fix(tagId, epochMs[i], easting[i], northing[i]);
      return this;
    }

    public OffenderTrail build() {
      List<TagAssignment> ordered = new ArrayList<>(assignments);
      ordered.sort(Comparator.comparing(TagAssignment::fittedAt).thenComparing(TagAssignment::tagId));
      List<Run> runs = new ArrayList<>();
      for (TagAssignment a : ordered) {
        long fitted = a.fittedAt().toEpochMilli();
        long removed = a.removedAt() == null ? Long.MAX_VALUE : a.removedAt().toEpochMilli();
        // Entirely outside the coverage: its fixes are not loaded, so it is left out, not misread.
        if (removed <= dataFromMs || fitted > dataToMs) continue;
        Columns columns = fixesByTag.getOrDefault(a.tagId(), new Columns()).sorted();
        runs.add(columns.run(a, fitted, removed, dataFromMs, dataToMs));
      }
      return new OffenderTrail(offenderId, dataFromMs, dataToMs, runs);
    }
  }

  private static final class Columns {
    private long[] t = new long[16];
    private double[] x = new double[16];
    private double[] y = new double[16];
    private int n;
    private boolean ordered = true;

    void add(long ms, double e, double north) {
      if (n == t.length) {
        t = Arrays.copyOf(t, n * 2);
        x = Arrays.copyOf(x, n * 2);
        y = Arrays.copyOf(y, n * 2);
      }
      if (n > 0 && ms < t[n - 1]) ordered = false;
      t[n] = ms;
      x[n] = e;
      y[n] = north;
      n++;
    }

    /** Sorted by time (stable, so the first-added of equal instants comes first). */
    Columns sorted() {
      if (ordered) return this;
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) order[i] = i;
      Arrays.sort(order, Comparator.comparingLong(i -> t[i]));
      Columns out = new Columns();
      for (int i : order) out.add(t[i], x[i], y[i]);
      return out;
    }

    Run run(TagAssignment a, long fitted, long removed, long dataFrom, long dataTo) {
      int lo = 0;
      while (lo < n && t[lo] < fitted) lo++;
      long[] rt = new long[n - lo];
      double[] rx = new double[n - lo];
      double[] ry = new double[n - lo];
      int m = 0;
      for (int i = lo; i < n && t[i] < removed; i++) {
        if (m > 0 && t[i] == rt[m - 1]) continue;
        rt[m] = t[i];
        rx[m] = x[i];
        ry[m] = y[i];
        m++;
      }
      boolean cutAtStart = m > 0 && rt[0] < dataFrom && fitted < rt[0];
      boolean cutAtEnd = m > 0 && rt[m - 1] > dataTo;
      return new Run(a, Arrays.copyOf(rt, m), Arrays.copyOf(rx, m), Arrays.copyOf(ry, m), cutAtStart, cutAtEnd);
    }
  }
}
