package org.iom.correlator.alert;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persisted alerts, their workflow history and the ordered event log the live stream replays.
 * Two implementations held to one contract: PostgreSQL and memory.
 */
public interface AlertStore {

  /**
   * Creates or updates an alert per draft (by key; an unchanged draft is a no-op), and marks the
   * alerts of {@code withdrawnKeys} withdrawn. Atomic. Returns the events appended, in order.
   */
  Future<List<AlertEvent>> apply(List<AlertDraft> drafts, List<String> withdrawnKeys, Instant now);

  /**
   * Makes each listed crime's crime alerts match its current matches: one draft per match
   * (created or updated by key), and every other not-yet-withdrawn crime alert of that crime
   * withdrawn. Idempotent: re-running with the same drafts appends no event. Atomic.
   */
  Future<List<AlertEvent>> syncCrimes(Map<String, List<AlertDraft>> draftsByCrime, Instant now);

  /**
   * Creates or updates the offender's licence-condition alerts from the drafts (by key; a draft
   * may have started before {@code from}), and withdraws every other such alert of the offender
   * that occurred in {@code [from, to)} and is not withdrawn yet. Idempotent. Atomic.
   */
  Future<List<AlertEvent>> syncLicenceAlerts(String offenderId, Instant from, Instant to, List<AlertDraft> drafts, Instant now);

  Future<Optional<Alert>> get(long alertId);

  Future<List<Alert>> find(AlertQuery query);

  /**
   * Moves an alert along the workflow and records who, when and why.
   *
   * @return the event appended; fails with {@link IllegalTransitionException} for a step that
   *     does not follow the current status, {@link java.util.NoSuchElementException} for no such alert
   */
  Future<AlertEvent> transition(long alertId, AlertStatus to, String actor, String reason, Instant now);

  /** The alert's workflow steps, oldest first. */
  Future<List<AlertTransition>> transitions(long alertId);

  /** Events with id greater than {@code afterEventId}, oldest first, at most {@code limit}. */
  Future<List<AlertEvent>> eventsAfter(long afterEventId, int limit);
}
