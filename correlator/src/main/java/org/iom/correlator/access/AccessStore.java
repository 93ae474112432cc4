package org.iom.correlator.access;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Users and their tokens. Users are never deleted (the audit log names them); tokens are revoked,
 * never deleted. Only token hashes are stored ({@link TokenHash} says why SHA-256 suffices).
 *
 * <p>Implementations are thread-safe; futures complete on a Vert.x context or at once.
 */
public interface AccessStore {
  /**
   * Creates the user unless one of that name exists.
   *
   * @return empty when created; otherwise the user already stored under that name (whose role
   *     may differ from the one asked for: the caller decides whether that is a conflict)
   */
  Future<Optional<User>> createUser(User user);

  Future<Optional<User>> user(String name);

  /** All users, by name. */
  Future<List<User>> users();

  /**
   * Stores a new token. Fails with {@link IllegalArgumentException} when its user does not exist
   * or a token with the same id or hash is already stored.
   */
  Future<Void> addToken(StoredToken token);

  /** The token stored with this hash, active or revoked. */
  Future<Optional<StoredToken>> token(TokenHash hash);

  /** The tokens of one user, oldest first. */
  Future<List<StoredToken>> tokens(String user);

  /**
   * The user an <em>active</em> token with this hash authenticates; empty for an unknown or a
   * revoked token. Called once per request.
   */
  Future<Optional<User>> authenticate(TokenHash hash);

  /**
   * Marks the token revoked at {@code at} (it stops authenticating at once).
   *
   * @return false when there is no such token or it was already revoked (its revocation time is kept)
   */
  Future<Boolean> revoke(String tokenId, Instant at);
}
