package org.iom.correlator.report.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iom.correlator.alert.Alert;
import org.iom.correlator.alert.AlertDraft;
import org.iom.correlator.alert.AlertStatus;
import org.iom.correlator.alert.AlertStore;
import org.iom.correlator.live.MatchStore;
import org.iom.correlator.match.Match;
import org.iom.correlator.report.CohortScope;
import org.iom.ingest.store.Store;
import org.junit.jupiter.api.Test;

/**
 * The report gathered from stores (fixes streamed by {@code scanFixes} plus the edge fixes either
 * side of the period) is the report computed from the same data as lists.
 */
abstract class CohortReportSourceContract {
  /** Empty stores of one kind: records, matches beside them, alerts. */
  record Stores(Store records, MatchStore matches, AlertStore alerts) {}

  abstract Stores emptyStores();

  private static final Instant NOW = Instant.parse("2025-03-25T00:00:00Z");

  @Test
  void storesGiveTheSameReportAsLists() {
    Stores stores = emptyStores();
    Store store = stores.records();
    join(store.putMemberships(CohortSample.memberships()));
    join(store.putOffenders(CohortSample.offenders()));
    join(store.putAssignments(CohortSample.assignments()));
    join(store.putFixes(CohortSample.fixes()));
    join(store.putCrimes(CohortSample.crimes()));
    MatchStore matches = stores.matches();
    Map<String, List<Match>> byCrime = new TreeMap<>();
    for (Match m : CohortSample.matches()) byCrime.computeIfAbsent(m.crimeRef(), k -> new ArrayList<>()).add(m);
    join(matches.replace(byCrime));
    AlertStore alerts = stores.alerts();
    for (Alert a : CohortSample.alerts()) store(alerts, a);

    for (CohortScope scope : CohortScope.values()) {
      CohortRequest request = CohortSample.request(scope);
      CohortReport fromStores = join(new CohortReportSource(store, matches, alerts).report(request));
      CohortReport fromLists = new CohortCalculator().compute(request, CohortSample.inputs(), CohortSample.fixes());
      assertThat(new CohortJsonWriter().toTree(CohortView.full(fromStores)))
          .as(scope.name()).isEqualTo(new CohortJsonWriter().toTree(CohortView.full(fromLists)));
    }
    // guard against comparing two empty reports
    CohortReport fixed = join(new CohortReportSource(store, matches, alerts).report(CohortSample.request(CohortScope.FIXED)));
    assertThat(fixed.completeness().gapMs()).isEqualTo(8 * 3_600_000L);
    assertThat(fixed.alerts().crime().total()).isEqualTo(4);
  }

  @Test
  void withoutAnAlertStoreAlertsAreUnavailable() {
    Stores stores = emptyStores();
    join(stores.records().putMemberships(CohortSample.memberships()));
    CohortReport r = join(new CohortReportSource(stores.records(), stores.matches(), null)
        .report(CohortSample.request(CohortScope.FIXED)));
    assertThat(r.alerts().available()).isFalse();
    assertThat(r.people().onScheme()).isEqualTo(4);
  }

  /** Re-creates a sample alert through the workflow (its id and times differ; the report shows neither). */
  private static void store(AlertStore alerts, Alert a) {
    join(alerts.apply(List.of(new AlertDraft(a.key(), a.kind(), a.offenderId(), a.crimeRef(), a.zoneId(),
        a.occurredAt(), new JsonObject())), List.of(), NOW));
    long id = join(alerts.find(org.iom.correlator.alert.AlertQuery.all())).stream()
        .filter(s -> s.key().equals(a.key())).findFirst().orElseThrow().alertId();
    if (a.status() != AlertStatus.NEW) join(alerts.transition(id, AlertStatus.ACKNOWLEDGED, "test", "seen", NOW));
    if (a.status() != AlertStatus.NEW && a.status() != AlertStatus.ACKNOWLEDGED) {
      join(alerts.transition(id, a.status(), "test", "outcome", NOW));
    }
    if (a.withdrawnAt() != null) join(alerts.apply(List.of(), List.of(a.key()), NOW));
  }

  static <T> T join(Future<T> f) {
    return f.toCompletionStage().toCompletableFuture().join();
  }
}
