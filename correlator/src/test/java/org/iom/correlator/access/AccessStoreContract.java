package org.iom.correlator.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AccessStore} does; run against memory and PostgreSQL (subclasses). */
abstract class AccessStoreContract {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  AccessStore store;

  /** A fresh, empty store. */
  abstract AccessStore newStore();

  void release() {}

  @BeforeEach
  void open() {
    store = newStore();
  }

  @AfterEach
  void close() {
    release();
  }

  static StoredToken token(String id, String secret, String user, Instant at) {
    return new StoredToken(id, TokenHash.of(secret), user, at, null);
  }

  @Test
  void aCreatedUserIsFoundAndListedByName() {
    assertThat(Await.result(store.createUser(new User("mgr.patel", Role.IOM_MANAGER)))).isEmpty();
    assertThat(Await.result(store.createUser(new User("admin", Role.ADMIN)))).isEmpty();

    assertThat(Await.result(store.user("mgr.patel"))).contains(new User("mgr.patel", Role.IOM_MANAGER));
    assertThat(Await.result(store.user("nobody"))).isEmpty();
    assertThat(Await.result(store.users())).containsExactly(new User("admin", Role.ADMIN), new User("mgr.patel", Role.IOM_MANAGER));
  }

  @Test
  void creatingAnExistingNameAnswersTheStoredUserAndChangesNothing() {
    Await.result(store.createUser(new User("p1", Role.PARTNER)));

    Optional<User> existing = Await.result(store.createUser(new User("p1", Role.ADMIN)));

    assertThat(existing).contains(new User("p1", Role.PARTNER));
    assertThat(Await.result(store.user("p1"))).contains(new User("p1", Role.PARTNER));
  }

  @Test
  void anActiveTokenAuthenticatesItsUserUntilRevoked() {
    Await.result(store.createUser(new User("inv", Role.INVESTIGATOR)));
    Await.result(store.addToken(token("t1", "secret-one", "inv", T0)));

    assertThat(Await.result(store.authenticate(TokenHash.of("secret-one")))).contains(new User("inv", Role.INVESTIGATOR));
    assertThat(Await.result(store.revoke("t1", T0.plusSeconds(60)))).isTrue();
    assertThat(Await.result(store.authenticate(TokenHash.of("secret-one")))).isEmpty();
    assertThat(Await.result(store.revoke("t1", T0.plusSeconds(120)))).as("already revoked").isFalse();
    assertThat(Await.result(store.token(TokenHash.of("secret-one"))))
        .hasValueSatisfying(t -> assertThat(t.revokedAt()).isEqualTo(T0.plusSeconds(60)));
  }

  @Test
  void anUnknownTokenAuthenticatesNobodyAndAnUnknownIdCannotBeRevoked() {
    assertThat(Await.result(store.authenticate(TokenHash.of("never-issued")))).isEmpty();
    assertThat(Await.result(store.revoke("no-such-id", T0))).isFalse();
  }

  @Test
  void aTokenForAnUnknownUserOrWithATakenIdOrHashIsRefused() {
    Await.result(store.createUser(new User("a", Role.ADMIN)));
    Await.result(store.addToken(token("t1", "s1", "a", T0)));

    assertThat(Await.failure(store.addToken(token("t2", "s2", "ghost", T0))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ghost");
    assertThat(Await.failure(store.addToken(token("t1", "s3", "a", T0)))).isInstanceOf(IllegalArgumentException.class);
    assertThat(Await.failure(store.addToken(token("t4", "s1", "a", T0)))).isInstanceOf(IllegalArgumentException.class);
    assertThat(Await.result(store.tokens("a"))).extracting(StoredToken::id).containsExactly("t1");
  }

  @Test
  void aUsersTokensAreListedOldestFirstWithTimesToTheMicrosecond() {
    Await.result(store.createUser(new User("a", Role.ADMIN)));
    Await.result(store.createUser(new User("b", Role.ADMIN)));
    Await.result(store.addToken(token("later", "s1", "a", T0.plusSeconds(5))));
    Await.result(store.addToken(token("earlier", "s2", "a", T0.plusNanos(1_234_567))));
    Await.result(store.addToken(token("other", "s3", "b", T0)));

    assertThat(Await.result(store.tokens("a"))).extracting(StoredToken::id).containsExactly("earlier", "later");
    assertThat(Await.result(store.tokens("a")).get(0).createdAt()).isEqualTo(T0.plusNanos(1_234_000));
    assertThat(Await.result(store.tokens("a")).get(0).hash()).isEqualTo(TokenHash.of("s2"));
  }
}
