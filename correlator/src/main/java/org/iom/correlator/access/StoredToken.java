package org.iom.correlator.access;

import java.time.Instant;
import java.util.Objects;

/**
 * A token as the store keeps it: its public id (safe to show and log, used to revoke it), the
 * hash of the secret, the user it authenticates, when it was made and, once revoked, when.
 *
 * @param revokedAt null while the token is valid
 */
public record StoredToken(String id, TokenHash hash, String user, Instant createdAt, Instant revokedAt) {
  public StoredToken {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(createdAt, "createdAt");
    if (id == null || id.isBlank()) throw new IllegalArgumentException("a token id is required");
    if (user == null || user.isBlank()) throw new IllegalArgumentException("a token belongs to a user");
    if (revokedAt != null && revokedAt.isBefore(createdAt)) {
      throw new IllegalArgumentException("token " + id + " revoked at " + revokedAt + ", before it was made at " + createdAt);
    }
  }

  public boolean isActive() {
    return revokedAt == null;
  }
}
