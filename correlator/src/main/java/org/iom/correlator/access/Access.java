package org.iom.correlator.access;

import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.iom.ingest.store.Store;
import org.iom.ingest.store.postgres.PostgresStore;

/**
 * The access-control side of the service, wired once: the user and token store, the audit log,
 * the clock that stamps both and the random source for new tokens. On a {@link PostgresStore}
 * both live in the same database, through its pool; on any other store, in memory.
 *
 * <p>Thread-safe.
 */
public final class Access {
  private final AccessStore store;
  private final AuditLog audit;
  private final InstantSource clock;
  private final SecureRandom random;

  public Access(AccessStore store, AuditLog audit, InstantSource clock, SecureRandom random) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.random = random;
  }

  /** PostgreSQL tables beside a {@link PostgresStore}, memory beside any other store. */
  public static Access beside(Store records, InstantSource clock) {
    if (records instanceof PostgresStore pg) {
      return new Access(new PgAccessStore(pg.pool()), new PgAuditLog(pg.pool()), clock, new SecureRandom());
    }
    return new Access(new MemoryAccessStore(), new MemoryAuditLog(), clock, new SecureRandom());
  }

  public AccessStore store() {
    return store;
  }

  public AuditLog audit() {
    return audit;
  }

  public InstantSource clock() {
    return clock;
  }

  /** A fresh random token (not stored: see {@link #issue}). */
  public AccessToken newToken() {
    return AccessToken.generate(random);
  }

  /**
   * Makes a new token for an existing user, stores its hash and returns it with the secret, which
   * is never available again.
   */
  public Future<Issued> issue(String user) {
    AccessToken token = newToken();
    StoredToken stored = new StoredToken(UUID.randomUUID().toString(), token.hash(), user, clock.instant(), null);
    return store.addToken(stored).map(v -> new Issued(stored, token));
  }

  /**
   * Makes sure each grant's user exists with its role and its token is stored and active. Safe
   * to repeat at every start (a token already stored for the same user is left as it is, even
   * if revoked: restarting with a revoked token does not bring it back).
   *
   * @return fails with {@link IllegalStateException} when a user exists with another role or a
   *     token is stored for another user
   */
  public Future<Void> ensure(List<Grant> grants) {
    Future<Void> done = Future.succeededFuture();
    for (Grant g : grants) done = done.compose(v -> ensure(g));
    return done;
  }

  private Future<Void> ensure(Grant g) {
    return store.createUser(g.user())
        .compose(existing -> {
          if (existing.isPresent() && existing.get().role() != g.user().role()) {
            return Future.failedFuture(new IllegalStateException("user '" + g.user().name() + "' exists with role "
                + existing.get().role() + ", not " + g.user().role()));
          }
          return store.token(g.token().hash());
        })
        .compose(stored -> {
          if (stored.isEmpty()) {
            return store.addToken(new StoredToken(UUID.randomUUID().toString(), g.token().hash(), g.user().name(),
                clock.instant(), null));
          }
          if (!stored.get().user().equals(g.user().name())) {
            return Future.failedFuture(new IllegalStateException("the token given for '" + g.user().name()
                + "' already belongs to another user"));
          }
          return Future.succeededFuture();
        });
  }

  /** A token just made: its stored form and, this once, its secret. */
  public record Issued(StoredToken stored, AccessToken token) {}
}
