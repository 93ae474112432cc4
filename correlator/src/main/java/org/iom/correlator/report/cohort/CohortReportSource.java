package org.iom.correlator.report.cohort;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iom.correlator.alert.Alert;
import org.iom.correlator.alert.AlertQuery;
import org.iom.correlator.alert.AlertStore;
import org.iom.correlator.live.MatchStore;
import org.iom.correlator.match.Match;
import org.iom.ingest.model.CohortMembership;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.Offender;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.store.Store;

/**
 * Gathers a cohort report's inputs from the stores and computes it. Fixes are streamed with
 * {@link Store#scanFixes} over {@code [periodStart, countedEnd)} into a {@link FixTally} (running
 * counts per piece, never a list of fixes), with each covered tag's last fix before the period and
 * first fix after it ({@link Store#lastFixBefore}, {@link Store#firstFixFrom}) so that gaps
 * crossing the period's ends are seen.
 *
 * <p>Alerts are read in pages of {@link AlertQuery#MAX_LIMIT} for the offenders on the scheme;
 * an alert raised while paging may shift a page (duplicates are dropped by id; a missed one
 * appears on the next run). Without an alert store ({@code null}) the report says alerts are
 * not available.
 *
 * <p>With PostgreSQL the scan's batches are tallied on the Vert.x context that delivers them (a
 * few map look-ups per fix); the rest runs wherever the futures complete. Safe for concurrent
 * reports: each builds its own tally.
 */
public final class CohortReportSource {
  private final Store store;
  private final MatchStore matches;
  private final AlertStore alerts;
  private final CohortCalculator calculator = new CohortCalculator();

  /** @param alerts the alert store, or null where none exists (batch CLI) */
  public CohortReportSource(Store store, MatchStore matches, AlertStore alerts) {
    this.store = store;
    this.matches = matches;
    this.alerts = alerts;
  }

  public Future<CohortReport> report(CohortRequest request) {
    Future<List<CohortMembership>> memberships = store.memberships();
    Future<List<Offender>> offenders = store.offenders();
    Future<List<TagAssignment>> assignments = store.assignments();
    Future<List<Crime>> crimes = store.crimes(request.periodStart(), request.periodEnd());
    Future<List<Match>> allMatches = matches.all();
    return Future.all(memberships, offenders, assignments, crimes, allMatches).compose(v -> {
      Coverage coverage = Coverage.of(request, memberships.result(), assignments.result());
      Future<List<Alert>> stored = alerts == null ? Future.succeededFuture(List.of())
          : alertsOf(new java.util.HashSet<>(coverage.offenders()), 0, new ArrayList<>());
      return stored.compose(alertList -> tally(request, coverage).map(tally -> calculator.compute(request,
          new CohortInputs(memberships.result(), offenders.result(), assignments.result(), crimes.result(),
              allMatches.result(), alertList, alerts != null), coverage, tally)));
    });
  }

  private Future<List<Alert>> alertsOf(java.util.Set<String> offenders, int offset, List<Alert> sofar) {
    if (offenders.isEmpty()) return Future.succeededFuture(sofar);
    AlertQuery query = new AlertQuery(null, null, offenders, null, null, null, AlertQuery.MAX_LIMIT, offset);
    return alerts.find(query).compose(page -> {
      sofar.addAll(page);
      if (page.size() < AlertQuery.MAX_LIMIT) return Future.succeededFuture(sofar);
      return alertsOf(offenders, offset + page.size(), sofar);
    });
  }

  private Future<FixTally> tally(CohortRequest request, Coverage coverage) {
    FixTally tally = new FixTally(coverage, request.maxGap());
    List<String> tags = new ArrayList<>(coverage.tags());
    if (tags.isEmpty()) return Future.succeededFuture(tally);
    Instant start = request.periodStart();
    Instant end = request.countedEnd();
    List<Future<Optional<Fix>>> before = new ArrayList<>();
    for (String tag : tags) before.add(store.lastFixBefore(tag, start));
    return Future.all(before)
        .compose(v -> {
          before.forEach(f -> f.result().ifPresent(tally::accept));
          return store.scanFixes(start, end, tally::acceptAll);
        })
        .compose(n -> {
          List<Future<Optional<Fix>>> after = new ArrayList<>();
          for (String tag : tags) after.add(store.firstFixFrom(tag, end));
          return Future.all(after).map(v -> {
            after.forEach(f -> f.result().ifPresent(tally::accept));
            return tally;
          });
        });
  }
}
