package org.iom.correlator.live;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iom.correlator.match.Match;

/** Matches in a sorted map; volatile. Thread-safe (one lock). */
public final class MemoryMatchStore implements MatchStore {
  private final TreeMap<String, TreeMap<String, Match>> byCrime = new TreeMap<>();

  @Override
  public synchronized Future<MatchChanges> replace(Map<String, List<Match>> matchesByCrime) {
    MatchDiff diff = new MatchDiff();
    matchesByCrime.forEach((crimeRef, matches) -> {
      TreeMap<String, Match> stored = byCrime.getOrDefault(crimeRef, new TreeMap<>());
      diff.compare(crimeRef, stored, matches);
      TreeMap<String, Match> next = new TreeMap<>();
      for (Match m : matches) next.put(m.offenderId(), m);
      if (next.isEmpty()) byCrime.remove(crimeRef);
      else byCrime.put(crimeRef, next);
    });
    return Future.succeededFuture(diff.changes());
  }

  @Override
  public synchronized Future<List<Match>> ofCrime(String crimeRef) {
    return Future.succeededFuture(List.copyOf(byCrime.getOrDefault(crimeRef, new TreeMap<>()).values()));
  }

  @Override
  public synchronized Future<List<Match>> all() {
    List<Match> all = new ArrayList<>();
    byCrime.values().forEach(m -> all.addAll(m.values()));
    return Future.succeededFuture(all);
  }
}
