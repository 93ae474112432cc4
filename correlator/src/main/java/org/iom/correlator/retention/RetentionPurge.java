package org.iom.correlator.retention;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.iom.correlator.alert.Alert;
import org.iom.correlator.alert.AlertQuery;
import org.iom.correlator.alert.AlertStore;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.store.EvidenceSpan;
import org.iom.ingest.store.postgres.FixRetention;
import org.iom.ingest.store.postgres.PostgresStore;

/**
 * Purges fixes older than the retention period, month by month (a month goes once all of it is
 * older than {@code now - retention}), keeping as evidence every fix of an alerted offender's
 * tags from {@link #EVIDENCE_MARGIN} before to {@link #EVIDENCE_MARGIN} after the alert's window
 * (a crime alert's search window; for other alerts the time it occurred). Withdrawn alerts keep
 * their evidence too: their history still refers to it.
 */
public final class RetentionPurge {
  public static final Period DEFAULT_RETENTION = Period.ofMonths(12);
  /** Beyond the window: the gap edges and the approach that evidence is read with. */
  public static final Duration EVIDENCE_MARGIN = Duration.ofHours(1);

  private final PostgresStore store;
  private final AlertStore alerts;
  private final Period retention;
  private final InstantSource clock;

  public RetentionPurge(PostgresStore store, AlertStore alerts, Period retention, InstantSource clock) {
    if (retention.isNegative() || retention.isZero()) throw new IllegalArgumentException("retention must be positive");
    this.store = store;
    this.alerts = alerts;
    this.retention = retention;
    this.clock = clock;
  }

  /** Fixes recorded before this instant are beyond retention. */
  public static Instant horizon(Instant now, Period retention) {
    return now.atOffset(ZoneOffset.UTC).minus(retention).toInstant();
  }

  /** The months purged (or, on a dry run, that would be), oldest first. */
  public Future<List<FixRetention.MonthPurge>> run(boolean dryRun) {
    YearMonth firstKept = YearMonth.from(horizon(clock.instant(), retention).atOffset(ZoneOffset.UTC));
    FixRetention months = store.retention();
    return months.monthsBefore(firstKept).compose(due -> {
      if (due.isEmpty()) return Future.succeededFuture(List.<FixRetention.MonthPurge>of());
      return evidence().compose(keep -> {
        List<FixRetention.MonthPurge> done = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (YearMonth m : due) chain = chain.compose(v -> months.purge(m, keep, dryRun).map(r -> {
          done.add(r);
          return null;
        }));
        return chain.map(v -> done);
      });
    });
  }

  /** Every alert's evidence spans, per tag assigned to the alerted offender during them. */
  Future<List<EvidenceSpan>> evidence() {
    return store.assignments().compose(assignments -> allAlerts(0, new ArrayList<>()).map(all -> {
      List<EvidenceSpan> spans = new ArrayList<>();
      for (Alert a : all) {
        Instant from = instant(a, "window_from", a.occurredAt()).minus(EVIDENCE_MARGIN);
        Instant to = instant(a, "window_to", a.occurredAt()).plus(EVIDENCE_MARGIN);
        for (TagAssignment t : assignments) {
          if (!t.offenderId().equals(a.offenderId())) continue;
          Instant start = t.fittedAt().isAfter(from) ? t.fittedAt() : from;
          Instant end = t.removedAt() != null && t.removedAt().isBefore(to) ? t.removedAt() : to;
          if (!end.isBefore(start)) spans.add(new EvidenceSpan(t.tagId(), start, end));
        }
      }
      return spans;
    }));
  }

  private Future<List<Alert>> allAlerts(int offset, List<Alert> soFar) {
    AlertQuery page = new AlertQuery(null, null, null, null, null, null, AlertQuery.MAX_LIMIT, offset);
    return alerts.find(page).compose(found -> {
      soFar.addAll(found);
      return found.size() < AlertQuery.MAX_LIMIT ? Future.succeededFuture(soFar)
          : allAlerts(offset + AlertQuery.MAX_LIMIT, soFar);
    });
  }

  private static Instant instant(Alert a, String field, Instant fallback) {
    String text = a.evidence().getString(field);
    return text == null ? fallback : Instant.parse(text);
  }
}
