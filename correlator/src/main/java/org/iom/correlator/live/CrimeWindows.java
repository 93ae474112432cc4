package org.iom.correlator.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.iom.correlator.match.MatchRule;
import org.iom.ingest.model.Crime;

/**
 * Every known crime with its search window {@code [committed_from - buffer, committed_to + buffer]}
 * (closed, epoch ms), found by the time intervals it touches. Not thread-safe: owned by the
 * correlator's one thread.
 */
final class CrimeWindows {
  private final long bufferMillis;
  private final Map<String, Crime> byRef = new HashMap<>();
  /** Window start -> crime refs starting there. */
  private final NavigableMap<Long, Set<String>> byStart = new TreeMap<>();
  /** The longest window held, so a start-ordered search knows how far back to look. */
  private long longestMillis;

  CrimeWindows(MatchRule rule) {
    this.bufferMillis = rule.buffer().toMillis();
  }

  /** Adds or replaces a crime (a re-sent crime may move in time). */
  void put(Crime crime) {
    Crime old = byRef.put(crime.crimeRef(), crime);
    if (old != null) {
      Set<String> refs = byStart.get(start(old));
      refs.remove(old.crimeRef());
      if (refs.isEmpty()) byStart.remove(start(old));
    }
    byStart.computeIfAbsent(start(crime), k -> new TreeSet<>()).add(crime.crimeRef());
    longestMillis = Math.max(longestMillis, end(crime) - start(crime));
  }

  Crime get(String crimeRef) {
    return byRef.get(crimeRef);
  }

  Collection<Crime> all() {
    return byRef.values();
  }

  int size() {
    return byRef.size();
  }

  /** Crimes whose window shares an instant with {@code [from, to]} (closed, epoch ms), by crime ref. */
  List<Crime> touching(long from, long to) {
    Set<String> refs = new LinkedHashSet<>();
    long earliestStart = from < Long.MIN_VALUE + longestMillis ? Long.MIN_VALUE : from - longestMillis;
    for (Set<String> starting : byStart.subMap(earliestStart, true, to, true).values()) {
      for (String ref : starting) {
        if (end(byRef.get(ref)) >= from) refs.add(ref);
      }
    }
    List<Crime> out = new ArrayList<>(refs.size());
    new TreeSet<>(refs).forEach(ref -> out.add(byRef.get(ref)));
    return out;
  }

  long start(Crime crime) {
    return crime.committedFrom().toEpochMilli() - bufferMillis;
  }

  long end(Crime crime) {
    return crime.committedTo().toEpochMilli() + bufferMillis;
  }

  Instant startInstant(Crime crime) {
    return Instant.ofEpochMilli(start(crime));
  }
}
