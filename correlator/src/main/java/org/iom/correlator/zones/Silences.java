package org.iom.correlator.zones;

import java.util.List;

/**
 * {@code TAG_SILENT}: an assigned tag heard nothing for at least the threshold. A tag is heard
 * when it is fitted and at each fix; a silence runs from one hearing to the next fix, or to the
 * tag's removal, or (still fitted) to {@code now}, where it is ongoing. The threshold is inclusive:
 * exactly {@code silentAfter} without a fix is silent. The stretch before a run's first loaded fix
 * when the run is cut there is not judged (unknown); nor after a cut last fix.
 *
 * <p>Stateless; thread-safe.
 */
final class Silences {
  private Silences() {}

  static void find(OffenderTrail trail, long silentMs, long nowMs, long fromMs, long toMs, List<LicenceEvent> out) {
    for (OffenderTrail.Run run : trail.runs()) {
      long[] t = run.epochMillis();
      int n = t.length;
      long removed = run.assignment().removedAt() == null ? Long.MAX_VALUE : run.assignment().removedAt().toEpochMilli();
      boolean known = !run.cutAtStart();
      long previous = run.assignment().fittedAt().toEpochMilli();
      for (int i = 0; i < n; i++) {
        if (known && t[i] - previous >= silentMs) add(trail, run, previous, t[i], false, fromMs, toMs, out);
        previous = t[i];
        known = true;
      }
      if (run.cutAtEnd()) continue;
      long end = Math.min(nowMs, removed);
      if (end - previous >= silentMs) add(trail, run, previous, end, run.openAt(nowMs), fromMs, toMs, out);
    }
  }

  private static void add(OffenderTrail trail, OffenderTrail.Run run, long start, long end, boolean ongoing,
      long fromMs, long toMs, List<LicenceEvent> out) {
    if (start > toMs || end < fromMs) return;
    out.add(LicenceEvent.of(LicenceEventKind.TAG_SILENT, trail.offenderId(), null, run.tagId(), start, end, ongoing));
  }
}
