package org.iom.correlator.access;

import java.util.Objects;

/**
 * A user and a token to make sure exist when the service starts: the first admin from
 * {@code serve --admin-token}, the demo's users, a test's callers.
 */
public record Grant(User user, AccessToken token) {
  public Grant {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(token, "token");
  }

  /** The user {@code admin} (role ADMIN) with the operator's token. */
  public static Grant admin(AccessToken token) {
    return new Grant(new User("admin", Role.ADMIN), token);
  }
}
