package org.iom.correlator.alert;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iom.correlator.live.LiveCorrelator;
import org.iom.correlator.live.MatchChanges;
import org.iom.correlator.match.Match;
import org.iom.correlator.match.MatchFormat;
import org.iom.correlator.match.MatchKind;

/**
 * Keeps one crime alert per stored match (key {@code crime:<crime_ref>:<offender_id>}): a new
 * match raises a NEW alert, changed evidence (a GAP that became PRESENT, a closer approach)
 * updates it in place keeping its workflow status, and a match late data removed marks its alert
 * withdrawn. Events go to the live feed. Runs on the correlator's thread (blocking).
 */
public final class CrimeAlerts implements LiveCorrelator.MatchListener {
  private final AlertStore alerts;
  private final AlertFeed feed;
  private final InstantSource clock;

  public CrimeAlerts(AlertStore alerts, AlertFeed feed, InstantSource clock) {
    this.alerts = alerts;
    this.feed = feed;
    this.clock = clock;
  }

  public static String key(String crimeRef, String offenderId) {
    return "crime:" + crimeRef + ":" + offenderId;
  }

  @Override
  public void matched(Map<String, List<Match>> matchesByCrime, MatchChanges changes) {
    Map<String, List<AlertDraft>> drafts = new TreeMap<>();
    matchesByCrime.forEach((crime, matches) -> {
      List<AlertDraft> list = new ArrayList<>();
      for (Match m : matches) list.add(draft(m));
      drafts.put(crime, list);
    });
    List<AlertEvent> events = alerts.syncCrimes(drafts, clock.instant()).toCompletionStage().toCompletableFuture().join();
    feed.publish(events);
  }

  static AlertDraft draft(Match m) {
    AlertKind kind = m.kind() == MatchKind.PRESENT ? AlertKind.CRIME_PROXIMITY : AlertKind.CRIME_GAP;
    return new AlertDraft(key(m.crimeRef(), m.offenderId()), kind, m.offenderId(), m.crimeRef(), null, m.closestAt(),
        MatchFormat.toJson(m));
  }
}
