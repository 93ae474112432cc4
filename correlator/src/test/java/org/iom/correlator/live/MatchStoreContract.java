package org.iom.correlator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.iom.correlator.match.Match;
import org.iom.correlator.match.MatchKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One behaviour for every match store: replace-per-crime, idempotent, with exact change reports. */
abstract class MatchStoreContract {
  static final Instant T = Instant.parse("2025-03-30T00:59:59.123Z");

  private MatchStore store;

  abstract MatchStore newEmptyStore();

  @BeforeEach
  void open() {
    store = newEmptyStore();
  }

  static Match present(String crime, String offender, double closestM) {
    return new Match(crime, offender, "TAG-" + offender, MatchKind.PRESENT, closestM, T, 12.345678, 9, 1.5, 100,
        T.minusSeconds(1800), T.plusSeconds(1800));
  }

  static Match gap(String crime, String offender) {
    return new Match(crime, offender, "TAG-" + offender, MatchKind.GAP, 812.25, T.minusSeconds(4000), 0, 0, 47.25, 150,
        T.minusSeconds(1800), T.plusSeconds(1800));
  }

  @Test
  void storesAndReadsBackEveryFieldExactly() {
    Match m = present("C1", "O1", 3.141592653589793);
    MatchChanges changes = await(store.replace(Map.of("C1", List.of(m))));
    assertThat(changes.created()).containsExactly(m);
    assertThat(await(store.ofCrime("C1"))).containsExactly(m);
    assertThat(await(store.ofCrime("C2"))).isEmpty();
  }

  @Test
  void replacingWithTheSameMatchesChangesNothing() {
    List<Match> matches = List.of(present("C1", "O2", 4), gap("C1", "O1"));
    await(store.replace(Map.of("C1", matches)));
    MatchChanges again = await(store.replace(Map.of("C1", matches)));
    assertThat(again.isEmpty()).isTrue();
    assertThat(again.unchanged()).isEqualTo(2);
    assertThat(await(store.ofCrime("C1"))).extracting(Match::offenderId).containsExactly("O1", "O2");
  }

  @Test
  void lateDataUpdatesEvidenceAddsAndWithdrawsMatches() {
    await(store.replace(Map.of("C1", List.of(present("C1", "O1", 40), gap("C1", "O2")), "C2", List.of(gap("C2", "O3")))));
    Match closer = present("C1", "O1", 12.5);
    Match nowPresent = present("C1", "O4", 80);
    MatchChanges changes = await(store.replace(Map.of("C1", List.of(closer, nowPresent))));
    assertThat(changes.updated()).containsExactly(closer);
    assertThat(changes.created()).containsExactly(nowPresent);
    assertThat(changes.withdrawn()).containsExactly(gap("C1", "O2"));
    assertThat(await(store.ofCrime("C1"))).containsExactly(closer, nowPresent);
    assertThat(await(store.ofCrime("C2"))).containsExactly(gap("C2", "O3"));
    MatchChanges cleared = await(store.replace(Map.of("C2", List.of())));
    assertThat(cleared.withdrawn()).containsExactly(gap("C2", "O3"));
    assertThat(await(store.all())).containsExactly(closer, nowPresent);
  }

  @Test
  void twoMatchesForOneOffenderAreRefusedAndNothingChanges() {
    await(store.replace(Map.of("C1", List.of(present("C1", "O1", 40)))));
    assertThatThrownBy(() -> await(store.replace(Map.of("C1", List.of(present("C1", "O1", 1), gap("C1", "O1"))))))
        .hasMessageContaining("two matches for crime C1 and offender O1");
    assertThat(await(store.ofCrime("C1"))).containsExactly(present("C1", "O1", 40));
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
