package org.iom.correlator.live;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iom.correlator.match.Match;

/** Sorts a crime's new matches against its stored ones into created, updated, withdrawn, unchanged. */
final class MatchDiff {
  private final List<Match> created = new ArrayList<>();
  private final List<Match> updated = new ArrayList<>();
  private final List<Match> withdrawn = new ArrayList<>();
  private int unchanged;

  /**
   * @param stored the crime's stored matches by offender id
   * @param next   its matches now (one per offender)
   */
  void compare(String crimeRef, Map<String, Match> stored, List<Match> next) {
    Set<String> kept = new HashSet<>();
    for (Match m : next) {
      if (!m.crimeRef().equals(crimeRef)) {
        throw new IllegalArgumentException("match of crime " + m.crimeRef() + " listed under " + crimeRef);
      }
      if (!kept.add(m.offenderId())) {
        throw new IllegalArgumentException("two matches for crime " + crimeRef + " and offender " + m.offenderId());
      }
      Match old = stored.get(m.offenderId());
      if (old == null) created.add(m);
      else if (old.equals(m)) unchanged++;
      else updated.add(m);
    }
    for (Match old : stored.values()) if (!kept.contains(old.offenderId())) withdrawn.add(old);
  }

  List<Match> toDelete() {
    return withdrawn;
  }

  List<Match> toWrite() {
    List<Match> all = new ArrayList<>(created);
    all.addAll(updated);
    return all;
  }

  MatchChanges changes() {
    return new MatchChanges(created, updated, withdrawn, unchanged);
  }
}
