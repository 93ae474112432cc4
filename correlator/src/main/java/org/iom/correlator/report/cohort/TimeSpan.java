package org.iom.correlator.report.cohort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A half-open span of UTC instants {@code [start, end)}; may be empty ({@code start == end}). */
public record TimeSpan(Instant start, Instant end) {
  public TimeSpan {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) throw new IllegalArgumentException("span ends " + end + " before it starts " + start);
  }

  public long millis() {
    return end.toEpochMilli() - start.toEpochMilli();
  }

  public boolean isEmpty() {
    return start.equals(end);
  }

  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }

  /** The common part, or null when they share no instant. */
  public TimeSpan intersect(Instant otherStart, Instant otherEnd) {
    Instant s = start.isAfter(otherStart) ? start : otherStart;
    Instant e = otherEnd == null || end.isBefore(otherEnd) ? end : otherEnd;
    return s.isBefore(e) ? new TimeSpan(s, e) : null;
  }

  /** Milliseconds of {@code [a, b]} inside this span (a closed and a half-open span overlap the same length). */
  public long overlapMillis(long a, long b) {
    long s = Math.max(a, start.toEpochMilli());
    long e = Math.min(b, end.toEpochMilli());
    return Math.max(0, e - s);
  }

  /** Sorted, with touching or overlapping spans merged and empty spans dropped. */
  public static List<TimeSpan> union(List<TimeSpan> spans) {
    List<TimeSpan> sorted = new ArrayList<>(spans);
    sorted.removeIf(TimeSpan::isEmpty);
    sorted.sort(Comparator.comparing(TimeSpan::start));
    List<TimeSpan> out = new ArrayList<>();
    for (TimeSpan s : sorted) {
      if (!out.isEmpty() && !s.start().isAfter(out.get(out.size() - 1).end())) {
        TimeSpan last = out.remove(out.size() - 1);
        out.add(new TimeSpan(last.start(), last.end().isAfter(s.end()) ? last.end() : s.end()));
      } else {
        out.add(s);
      }
    }
    return out;
  }
}
