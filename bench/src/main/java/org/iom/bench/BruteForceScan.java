package org.iom.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iom.correlator.match.CrimeMatcher;
import org.iom.correlator.match.CrimeSearch;
import org.iom.correlator.match.EvidenceCollector;
import org.iom.correlator.match.Match;
import org.iom.correlator.match.MatchRule;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.TagAssignment;

/**
 * Our floor: the rule with no index at all. For each crime, every tag's time-sorted columns are
 * binary-searched for the window, and every fix in the window (plus the one before and the one
 * after, which close segments and gaps) is attributed to its assignment and handed to the same
 * exact stage ({@link EvidenceCollector}) the index uses. So the difference with the index is
 * purely the spatial filter: this scans every tag's fixes in the window, the index only the
 * candidates its envelopes admit. Thread-safe (reads immutable columns; per-call buffers).
 */
final class BruteForceScan implements CrimeMatcher {
  private final TrailColumns data;
  private final MatchRule rule;
  /** Per tag: assignment spans sorted by fitted_at; offender names per span. */
  private final long[][] spanFrom;
  private final long[][] spanTo;
  private final String[][] spanOffender;

  BruteForceScan(TrailColumns data, MatchRule rule) {
    this.data = data;
    this.rule = rule;
    int tags = data.tagIds.length;
    Map<String, Integer> ordinal = new HashMap<>();
    for (int i = 0; i < tags; i++) ordinal.put(data.tagIds[i], i);
    List<List<TagAssignment>> byTag = new ArrayList<>();
    for (int i = 0; i < tags; i++) byTag.add(new ArrayList<>());
    for (TagAssignment a : data.assignments) {
      Integer ord = ordinal.get(a.tagId());
      if (ord != null) byTag.get(ord).add(a);
    }
    spanFrom = new long[tags][];
    spanTo = new long[tags][];
    spanOffender = new String[tags][];
    for (int i = 0; i < tags; i++) {
      List<TagAssignment> list = byTag.get(i);
      list.sort(Comparator.comparing(TagAssignment::fittedAt));
      spanFrom[i] = new long[list.size()];
      spanTo[i] = new long[list.size()];
      spanOffender[i] = new String[list.size()];
      for (int s = 0; s < list.size(); s++) {
        spanFrom[i][s] = list.get(s).fittedAt().toEpochMilli();
        spanTo[i][s] = list.get(s).removedAt() == null ? Long.MAX_VALUE : list.get(s).removedAt().toEpochMilli();
        spanOffender[i][s] = list.get(s).offenderId();
      }
    }
  }

  @Override
  public List<Match> match(Crime crime) {
    CrimeSearch search = CrimeSearch.of(crime, rule);
    EvidenceCollector collector = new EvidenceCollector(search);
    int[] assignment = new int[64];
    for (int tag = 0; tag < data.tagIds.length; tag++) {
      if (spanOffender[tag].length == 0) continue;
      long[] t = data.epochMillis[tag];
      int from = Math.max(0, TrailColumns.lowerBound(t, search.fromMillis()) - 1);
      int to = Math.min(t.length, TrailColumns.lowerBound(t, search.toMillis() + 1) + 1);
      int n = to - from;
      if (n <= 0) continue;
      if (assignment.length < n) assignment = new int[n * 2];
      for (int i = 0; i < n; i++) assignment[i] = spanOf(tag, t[from + i]);
      collector.addRun(data.tagIds[tag], Arrays.copyOfRange(t, from, to), Arrays.copyOfRange(data.easting[tag], from, to),
          Arrays.copyOfRange(data.northing[tag], from, to), assignment, spanOffender[tag], n);
    }
    return collector.matches();
  }

  private int spanOf(int tag, long millis) {
    long[] f = spanFrom[tag], t = spanTo[tag];
    for (int s = 0; s < f.length; s++) if (f[s] <= millis && millis < t[s]) return s;
    return -1;
  }
}
