package org.iom.correlator.live;

import java.util.List;
import org.iom.correlator.match.Match;

/**
 * What replacing some crimes' matches did: matches that are new, matches whose evidence changed
 * (the new values), and matches that late data withdrew (the old values). Unchanged matches are
 * only counted.
 */
public record MatchChanges(List<Match> created, List<Match> updated, List<Match> withdrawn, int unchanged) {
  public static final MatchChanges NONE = new MatchChanges(List.of(), List.of(), List.of(), 0);

  public MatchChanges {
    created = List.copyOf(created);
    updated = List.copyOf(updated);
    withdrawn = List.copyOf(withdrawn);
  }

  public boolean isEmpty() {
    return created.isEmpty() && updated.isEmpty() && withdrawn.isEmpty();
  }
}
