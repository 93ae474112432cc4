package org.iom.correlator.access;

import io.vertx.core.Future;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Users and token hashes in PostgreSQL (tables {@code access_users}, {@code access_tokens} of
 * migration {@code V3__access_and_audit.sql}), through a pool shared with the ingest store.
 * Thread-safe; futures complete on the pool's context.
 */
public final class PgAccessStore implements AccessStore {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String FOREIGN_KEY_VIOLATION = "23503";
  private static final String TOKEN_COLUMNS = "id, token_sha256, user_name, created_at, revoked_at";

  private final Pool pool;

  public PgAccessStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Optional<User>> createUser(User user) {
    // A second statement (not a CTE) reads the existing row: under READ COMMITTED it sees a row
    // that a concurrent insert committed while this insert waited on the conflict.
    return pool.preparedQuery("INSERT INTO access_users (name, role) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
        .execute(Tuple.of(user.name(), user.role().name()))
        .compose(rows -> rows.rowCount() > 0 ? Future.succeededFuture(Optional.<User>empty()) : user(user.name()));
  }

  @Override
  public Future<Optional<User>> user(String name) {
    return pool.preparedQuery("SELECT name, role FROM access_users WHERE name = $1")
        .execute(Tuple.of(name))
        .map(rows -> rows.size() == 0 ? Optional.<User>empty() : Optional.of(user(rows.iterator().next())));
  }

  @Override
  public Future<List<User>> users() {
    return pool.query("SELECT name, role FROM access_users ORDER BY name").execute().map(rows -> {
      List<User> users = new ArrayList<>(rows.size());
      for (Row r : rows) users.add(user(r));
      return users;
    });
  }

  @Override
  public Future<Void> addToken(StoredToken t) {
    return pool.preparedQuery("INSERT INTO access_tokens (" + TOKEN_COLUMNS + ") VALUES ($1, $2, $3, $4, $5)")
        .execute(Tuple.of(t.id(), t.hash().sha256Hex(), t.user(), PgTimes.utc(t.createdAt()), PgTimes.utc(t.revokedAt())))
        .<Void>mapEmpty()
        .recover(e -> {
          if (e instanceof DatabaseException de && UNIQUE_VIOLATION.equals(de.getSqlState())) {
            return Future.failedFuture(new IllegalArgumentException("token " + t.id() + " or its hash is already stored"));
          }
          if (e instanceof DatabaseException de && FOREIGN_KEY_VIOLATION.equals(de.getSqlState())) {
            return Future.failedFuture(new IllegalArgumentException("no user '" + t.user() + "'"));
          }
          return Future.failedFuture(e);
        });
  }

  @Override
  public Future<Optional<StoredToken>> token(TokenHash hash) {
    return pool.preparedQuery("SELECT " + TOKEN_COLUMNS + " FROM access_tokens WHERE token_sha256 = $1")
        .execute(Tuple.of(hash.sha256Hex()))
        .map(rows -> rows.size() == 0 ? Optional.<StoredToken>empty() : Optional.of(token(rows.iterator().next())));
  }

  @Override
  public Future<List<StoredToken>> tokens(String user) {
    return pool.preparedQuery("SELECT " + TOKEN_COLUMNS + " FROM access_tokens WHERE user_name = $1 ORDER BY created_at, id")
        .execute(Tuple.of(user))
        .map(rows -> {
          List<StoredToken> tokens = new ArrayList<>(rows.size());
          for (Row r : rows) tokens.add(token(r));
          return tokens;
        });
  }

  @Override
  public Future<Optional<User>> authenticate(TokenHash hash) {
    return pool.preparedQuery("""
            SELECT u.name, u.role FROM access_tokens t JOIN access_users u ON u.name = t.user_name
            WHERE t.token_sha256 = $1 AND t.revoked_at IS NULL""")
        .execute(Tuple.of(hash.sha256Hex()))
        .map(rows -> rows.size() == 0 ? Optional.<User>empty() : Optional.of(user(rows.iterator().next())));
  }

  @Override
  public Future<Boolean> revoke(String tokenId, Instant at) {
    return pool.preparedQuery("UPDATE access_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL")
        .execute(Tuple.of(tokenId, PgTimes.utc(at)))
        .map(rows -> rows.rowCount() > 0);
  }

  private static User user(Row r) {
    return new User(r.getString("name"), Role.valueOf(r.getString("role")));
  }

  private static StoredToken token(Row r) {
    return new StoredToken(r.getString("id"), new TokenHash(r.getString("token_sha256")), r.getString("user_name"),
        PgTimes.instant(r.getOffsetDateTime("created_at")), PgTimes.instant(r.getOffsetDateTime("revoked_at")));
  }
}
