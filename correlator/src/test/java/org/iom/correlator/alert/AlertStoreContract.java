package org.iom.correlator.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One behaviour for every alert store: idempotent keys, withdrawals, the workflow, the event log. */
abstract class AlertStoreContract {
  static final Instant T0 = Instant.parse("2025-03-24T10:00:00Z");
  static final Instant NOW = Instant.parse("2025-03-25T08:00:00Z");

  private AlertStore store;

  abstract AlertStore newEmptyStore();

  @BeforeEach
  void open() {
    store = newEmptyStore();
  }

  static AlertDraft crimeDraft(String crime, String offender, AlertKind kind, double closestM) {
    return new AlertDraft("crime:" + crime + ":" + offender, kind, offender, crime, null, T0,
        new JsonObject().put("closest_m", closestM).put("kind", kind.name()).put("window_from", T0.toString()));
  }

  @Test
  void aDraftRaisesOneNewAlertAndReRunningChangesNothing() {
    AlertDraft d = crimeDraft("C1", "O1", AlertKind.CRIME_PROXIMITY, 12.5);
    List<AlertEvent> first = await(store.syncCrimes(Map.of("C1", List.of(d)), NOW));
    assertThat(first).extracting(AlertEvent::type).containsExactly(AlertEvent.Type.CREATED);
    Alert alert = first.get(0).alert();
    assertThat(alert.status()).isEqualTo(AlertStatus.NEW);
    assertThat(alert.evidence().getDouble("closest_m")).isEqualTo(12.5);
    assertThat(await(store.syncCrimes(Map.of("C1", List.of(d)), NOW.plusSeconds(60)))).isEmpty();
    assertThat(await(store.find(AlertQuery.all()))).hasSize(1);
  }

  @Test
  void lateDataUpdatesTheSameAlertKeepingItsStatusAndWithdrawsWhatWentAway() {
    List<AlertEvent> created = await(store.syncCrimes(Map.of("C1", List.of(
        crimeDraft("C1", "O1", AlertKind.CRIME_GAP, 700), crimeDraft("C1", "O2", AlertKind.CRIME_PROXIMITY, 40))), NOW));
    long o1 = created.stream().filter(e -> e.alert().offenderId().equals("O1")).findFirst().orElseThrow().alert().alertId();
    await(store.transition(o1, AlertStatus.ACKNOWLEDGED, "manager-1", "looking", NOW.plusSeconds(1)));

    List<AlertEvent> late = await(store.syncCrimes(Map.of("C1", List.of(crimeDraft("C1", "O1", AlertKind.CRIME_PROXIMITY, 30))),
        NOW.plusSeconds(120)));

    assertThat(late).extracting(AlertEvent::type).containsExactly(AlertEvent.Type.UPDATED, AlertEvent.Type.WITHDRAWN);
    Alert updated = await(store.get(o1)).orElseThrow();
    assertThat(updated.kind()).isEqualTo(AlertKind.CRIME_PROXIMITY);
    assertThat(updated.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    assertThat(updated.withdrawnAt()).isNull();
    Alert gone = late.get(1).alert();
    assertThat(gone.offenderId()).isEqualTo("O2");
    assertThat(gone.withdrawnAt()).isEqualTo(NOW.plusSeconds(120));
    assertThat(await(store.find(AlertQuery.all()))).hasSize(2);
  }

  @Test
  void theWorkflowMovesOnlyForwardAndRecordsWhoWhenWhy() {
    long id = await(store.syncCrimes(Map.of("C1", List.of(crimeDraft("C1", "O1", AlertKind.CRIME_PROXIMITY, 5))), NOW))
        .get(0).alert().alertId();
    assertThatThrownBy(() -> await(store.transition(id, AlertStatus.ELIMINATED, "m", "skip", NOW)))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("NEW cannot become ELIMINATED");
    await(store.transition(id, AlertStatus.ACKNOWLEDGED, "manager-1", "seen", NOW.plusSeconds(10)));
    AlertEvent done = await(store.transition(id, AlertStatus.ELIMINATED, "manager-1", "alibi: CCTV at work", NOW.plusSeconds(20)));
    assertThat(done.alert().status()).isEqualTo(AlertStatus.ELIMINATED);
    assertThatThrownBy(() -> await(store.transition(id, AlertStatus.ACKNOWLEDGED, "m", "undo", NOW)))
        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("final outcome");
    assertThat(await(store.transitions(id))).containsExactly(
        new AlertTransition(id, AlertStatus.NEW, AlertStatus.ACKNOWLEDGED, "manager-1", "seen", NOW.plusSeconds(10)),
        new AlertTransition(id, AlertStatus.ACKNOWLEDGED, AlertStatus.ELIMINATED, "manager-1", "alibi: CCTV at work",
            NOW.plusSeconds(20)));
    assertThatThrownBy(() -> await(store.transition(999_999, AlertStatus.ACKNOWLEDGED, "m", "x", NOW)))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void eventsReplayInOrderAfterAnId() {
    await(store.syncCrimes(Map.of("C1", List.of(crimeDraft("C1", "O1", AlertKind.CRIME_PROXIMITY, 5))), NOW));
    await(store.syncCrimes(Map.of("C2", List.of(crimeDraft("C2", "O2", AlertKind.CRIME_GAP, 500))), NOW));
    List<AlertEvent> all = await(store.eventsAfter(0, 100));
    assertThat(all).extracting(e -> e.alert().crimeRef()).containsExactly("C1", "C2");
    assertThat(all.get(1).eventId()).isGreaterThan(all.get(0).eventId());
    assertThat(await(store.eventsAfter(all.get(0).eventId(), 100))).extracting(AlertEvent::eventId)
        .containsExactly(all.get(1).eventId());
    assertThat(all.get(1).alert().kind()).isEqualTo(AlertKind.CRIME_GAP);
  }

  @Test
  void findFiltersByStatusKindOffenderAndCrime() {
    await(store.syncCrimes(Map.of(
        "C1", List.of(crimeDraft("C1", "O1", AlertKind.CRIME_PROXIMITY, 5), crimeDraft("C1", "O2", AlertKind.CRIME_GAP, 600)),
        "C2", List.of(crimeDraft("C2", "O1", AlertKind.CRIME_GAP, 700))), NOW));
    assertThat(await(store.find(new AlertQuery(null, AlertKind.CRIME_GAP, null, null, null, null, 10, 0)))).hasSize(2);
    assertThat(await(store.find(new AlertQuery(null, null, Set.of("O1"), null, null, null, 10, 0)))).hasSize(2);
    assertThat(await(store.find(new AlertQuery(null, null, Set.of(), null, null, null, 10, 0)))).isEmpty();
    assertThat(await(store.find(new AlertQuery(AlertStatus.NEW, null, Set.of("O1"), "C2", null, null, 10, 0))))
        .extracting(Alert::crimeRef).containsExactly("C2");
    assertThat(await(store.find(new AlertQuery(null, null, null, null, NOW.plusSeconds(1), null, 10, 0)))).isEmpty();
    assertThat(await(store.find(new AlertQuery(null, null, null, null, null, null, 2, 1)))).hasSize(2);
  }

  @Test
  void licenceAlertsAreSyncedPerOffenderAndInterval() {
    AlertDraft entry = new AlertDraft("zone:Z1:O1:2025-03-24T21:00:00Z", AlertKind.ZONE_EXCLUSION, "O1", null, "Z1",
        Instant.parse("2025-03-24T21:00:00Z"), new JsonObject().put("entered_at", "2025-03-24T21:00:00Z"));
    AlertDraft silent = new AlertDraft("silent:T1:2025-03-24T23:00:00Z", AlertKind.TAG_SILENT, "O1", null, null,
        Instant.parse("2025-03-24T23:00:00Z"), new JsonObject().put("hours", 4));
    Instant from = Instant.parse("2025-03-24T00:00:00Z");
    Instant to = Instant.parse("2025-03-25T00:00:00Z");
    await(store.syncCrimes(Map.of("C1", List.of(crimeDraft("C1", "O1", AlertKind.CRIME_PROXIMITY, 5))), NOW));
    assertThat(await(store.syncLicenceAlerts("O1", from, to, List.of(entry, silent), NOW)))
        .extracting(AlertEvent::type).containsExactly(AlertEvent.Type.CREATED, AlertEvent.Type.CREATED);
    assertThat(await(store.syncLicenceAlerts("O1", from, to, List.of(entry, silent), NOW))).isEmpty();

    List<AlertEvent> later = await(store.syncLicenceAlerts("O1", from, to, List.of(entry), NOW.plusSeconds(5)));

    assertThat(later).extracting(AlertEvent::type).containsExactly(AlertEvent.Type.WITHDRAWN);
    assertThat(later.get(0).alert().kind()).isEqualTo(AlertKind.TAG_SILENT);
    assertThat(await(store.find(new AlertQuery(null, AlertKind.CRIME_PROXIMITY, null, null, null, null, 10, 0))).get(0).withdrawnAt())
        .isNull();
    assertThatThrownBy(() -> await(store.syncLicenceAlerts("O2", from, to, List.of(entry), NOW)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
