package org.iom.correlator.access;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.iom.ingest.store.merge.StoredTime;

/**
 * Users and token hashes in memory, for the demo and tests; lost when the process stops. Times
 * are kept to the microsecond, as PostgreSQL keeps them.
 * Thread-safe (every method holds the instance lock for a few map operations).
 */
public final class MemoryAccessStore implements AccessStore {
  private final Map<String, User> users = new TreeMap<>();
  private final Map<TokenHash, StoredToken> tokensByHash = new HashMap<>();
  private final Map<String, TokenHash> hashById = new HashMap<>();

  @Override
  public synchronized Future<Optional<User>> createUser(User user) {
    User existing = users.putIfAbsent(user.name(), user);
    return Future.succeededFuture(Optional.ofNullable(existing));
  }

  @Override
  public synchronized Future<Optional<User>> user(String name) {
    return Future.succeededFuture(Optional.ofNullable(users.get(name)));
  }

  @Override
  public synchronized Future<List<User>> users() {
    return Future.succeededFuture(List.copyOf(users.values()));
  }

  @Override
  public synchronized Future<Void> addToken(StoredToken token) {
    if (!users.containsKey(token.user())) {
      return Future.failedFuture(new IllegalArgumentException("no user '" + token.user() + "'"));
    }
    if (hashById.containsKey(token.id()) || tokensByHash.containsKey(token.hash())) {
      return Future.failedFuture(new IllegalArgumentException("token " + token.id() + " or its hash is already stored"));
    }
    StoredToken kept = new StoredToken(token.id(), token.hash(), token.user(),
        StoredTime.truncate(token.createdAt()), StoredTime.truncate(token.revokedAt()));
    tokensByHash.put(kept.hash(), kept);
    hashById.put(kept.id(), kept.hash());
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Optional<StoredToken>> token(TokenHash hash) {
    return Future.succeededFuture(Optional.ofNullable(tokensByHash.get(hash)));
  }

  @Override
  public synchronized Future<List<StoredToken>> tokens(String user) {
    List<StoredToken> found = new ArrayList<>();
    for (StoredToken t : tokensByHash.values()) {
      if (t.user().equals(user)) found.add(t);
    }
    found.sort(Comparator.comparing(StoredToken::createdAt).thenComparing(StoredToken::id));
    return Future.succeededFuture(found);
  }

  @Override
  public synchronized Future<Optional<User>> authenticate(TokenHash hash) {
    StoredToken token = tokensByHash.get(hash);
    return Future.succeededFuture(token == null || !token.isActive()
        ? Optional.empty()
        : Optional.ofNullable(users.get(token.user())));
  }

  @Override
  public synchronized Future<Boolean> revoke(String tokenId, Instant at) {
    TokenHash hash = hashById.get(tokenId);
    StoredToken token = hash == null ? null : tokensByHash.get(hash);
    if (token == null || !token.isActive()) return Future.succeededFuture(false);
    try {
      tokensByHash.put(hash, new StoredToken(token.id(), hash, token.user(), token.createdAt(), StoredTime.truncate(at)));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return Future.succeededFuture(true);
  }
}
