package org.iom.correlator.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Start-up grants ({@link Access#ensure}): repeatable, and never silently re-grant or re-role. */
class AccessEnsureTest {
  private final Access access = new Access(new MemoryAccessStore(), new MemoryAuditLog(),
      InstantSource.fixed(Instant.parse("2025-03-01T10:00:00Z")), new SecureRandom());
  private final AccessToken token = AccessToken.of("first-admin-token-0123456789abcdefghij");

  @Test
  void ensuringTheSameGrantTwiceKeepsOneUserAndOneToken() {
    Await.result(access.ensure(List.of(Grant.admin(token))));
    Await.result(access.ensure(List.of(Grant.admin(token))));

    assertThat(Await.result(access.store().users())).containsExactly(new User("admin", Role.ADMIN));
    assertThat(Await.result(access.store().tokens("admin"))).hasSize(1);
    assertThat(Await.result(access.store().authenticate(token.hash()))).contains(new User("admin", Role.ADMIN));
  }

  @Test
  void aRevokedTokenStaysRevokedWhenGivenAgainAtStart() {
    Await.result(access.ensure(List.of(Grant.admin(token))));
    String id = Await.result(access.store().tokens("admin")).get(0).id();
    Await.result(access.store().revoke(id, Instant.parse("2025-03-01T11:00:00Z")));

    Await.result(access.ensure(List.of(Grant.admin(token))));

    assertThat(Await.result(access.store().authenticate(token.hash()))).isEmpty();
  }

  @Test
  void aUserOfTheSameNameWithAnotherRoleOrATokenOfAnotherUserStopsTheStart() {
    Await.result(access.store().createUser(new User("admin", Role.PARTNER)));
    assertThat(Await.failure(access.ensure(List.of(Grant.admin(token))))).hasMessageContaining("exists with role PARTNER");

    Await.result(access.ensure(List.of(new Grant(new User("p2", Role.PARTNER), token))));
    assertThat(Await.failure(access.ensure(List.of(new Grant(new User("p3", Role.PARTNER), token)))))
        .hasMessageContaining("another user");
  }

  @Test
  void anIssuedTokenAuthenticatesItsUser() {
    Await.result(access.store().createUser(new User("inv", Role.INVESTIGATOR)));
    Access.Issued issued = Await.result(access.issue("inv"));
    assertThat(issued.stored().hash()).isEqualTo(issued.token().hash());
    assertThat(Await.result(access.store().authenticate(TokenHash.of(issued.token().secret()))))
        .contains(new User("inv", Role.INVESTIGATOR));
  }
}
