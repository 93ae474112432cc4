package org.iom.correlator.alert;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Alerts in maps; volatile. Thread-safe (one lock). */
public final class MemoryAlertStore implements AlertStore {
  private final TreeMap<Long, Alert> byId = new TreeMap<>();
  private final Map<String, Long> idByKey = new HashMap<>();
  private final List<AlertTransition> transitions = new ArrayList<>();
  private final List<AlertEvent> events = new ArrayList<>();
  private long nextAlertId = 1;

  @Override
  public synchronized Future<List<AlertEvent>> apply(List<AlertDraft> drafts, List<String> withdrawnKeys, Instant now) {
    List<AlertEvent> appended = new ArrayList<>();
    for (AlertDraft d : drafts) {
      Long id = idByKey.get(d.key());
      if (id == null) {
        Alert created = new Alert(nextAlertId++, d.key(), d.kind(), d.offenderId(), d.crimeRef(), d.zoneId(),
            AlertStatus.NEW, d.occurredAt(), d.evidence(), now, now, null);
        idByKey.put(d.key(), created.alertId());
        appended.add(record(AlertEvent.Type.CREATED, created));
        continue;
      }
      Alert old = byId.get(id);
      if (AlertChange.sameEvidence(old, d) && old.withdrawnAt() == null) continue;
      Alert updated = new Alert(id, d.key(), d.kind(), d.offenderId(), d.crimeRef(), d.zoneId(), old.status(),
          d.occurredAt(), d.evidence(), old.raisedAt(), now, null);
      appended.add(record(AlertEvent.Type.UPDATED, updated));
    }
    for (String key : withdrawnKeys) {
      Long id = idByKey.get(key);
      if (id == null || byId.get(id).withdrawnAt() != null) continue;
      Alert old = byId.get(id);
      Alert withdrawn = new Alert(id, key, old.kind(), old.offenderId(), old.crimeRef(), old.zoneId(), old.status(),
          old.occurredAt(), old.evidence(), old.raisedAt(), now, now);
      appended.add(record(AlertEvent.Type.WITHDRAWN, withdrawn));
    }
    return Future.succeededFuture(appended);
  }

  @Override
  public synchronized Future<List<AlertEvent>> syncCrimes(Map<String, List<AlertDraft>> draftsByCrime, Instant now) {
    List<AlertEvent> appended = new ArrayList<>();
    draftsByCrime.forEach((crimeRef, drafts) -> {
      java.util.Set<String> keep = new java.util.HashSet<>();
      drafts.forEach(d -> keep.add(d.key()));
      List<String> gone = byId.values().stream()
          .filter(a -> crimeRef.equals(a.crimeRef()) && a.kind().isCrime() && !keep.contains(a.key()))
          .map(Alert::key).toList();
      appended.addAll(apply(drafts, gone, now).result());
    });
    return Future.succeededFuture(appended);
  }

  @Override
  public synchronized Future<List<AlertEvent>> syncLicenceAlerts(String offenderId, Instant from, Instant to,
      List<AlertDraft> drafts, Instant now) {
    LicenceSync.check(offenderId, from, to, drafts);
    java.util.Set<String> keep = new java.util.HashSet<>();
    drafts.forEach(d -> keep.add(d.key()));
    List<String> gone = byId.values().stream()
        .filter(a -> a.offenderId().equals(offenderId) && !a.kind().isCrime() && !keep.contains(a.key())
            && !a.occurredAt().isBefore(from) && a.occurredAt().isBefore(to))
        .map(Alert::key).toList();
    return apply(drafts, gone, now);
  }

  private AlertEvent record(AlertEvent.Type type, Alert alert) {
    byId.put(alert.alertId(), alert);
    AlertEvent event = new AlertEvent(events.size() + 1L, type, alert);
    events.add(event);
    return event;
  }

  @Override
  public synchronized Future<Optional<Alert>> get(long alertId) {
    return Future.succeededFuture(Optional.ofNullable(byId.get(alertId)));
  }

  @Override
  public synchronized Future<List<Alert>> find(AlertQuery query) {
    return Future.succeededFuture(byId.values().stream()
        .filter(query::accepts)
        .sorted(Comparator.comparing(Alert::raisedAt).reversed().thenComparing(Alert::alertId))
        .skip(query.offset()).limit(query.limit()).toList());
  }

  @Override
  public synchronized Future<AlertEvent> transition(long alertId, AlertStatus to, String actor, String reason, Instant now) {
    Alert old = byId.get(alertId);
    if (old == null) return Future.failedFuture(new NoSuchElementException("no alert " + alertId));
    try {
      old.status().requireCanMoveTo(to);
    } catch (IllegalTransitionException e) {
      return Future.failedFuture(e);
    }
    transitions.add(new AlertTransition(alertId, old.status(), to, Objects.requireNonNull(actor), reason, now));
    Alert moved = new Alert(alertId, old.key(), old.kind(), old.offenderId(), old.crimeRef(), old.zoneId(), to,
        old.occurredAt(), old.evidence(), old.raisedAt(), now, old.withdrawnAt());
    return Future.succeededFuture(record(AlertEvent.Type.TRANSITION, moved));
  }

  @Override
  public synchronized Future<List<AlertTransition>> transitions(long alertId) {
    return Future.succeededFuture(transitions.stream().filter(t -> t.alertId() == alertId).toList());
  }

  @Override
  public synchronized Future<List<AlertEvent>> eventsAfter(long afterEventId, int limit) {
    int from = (int) Math.max(0, Math.min(events.size(), afterEventId));
    return Future.succeededFuture(List.copyOf(events.subList(from, Math.min(events.size(), from + limit))));
  }
}
