package org.iom.correlator.access;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person (or system) that calls the API. For an {@link Role#IOM_MANAGER} the name is also the
 * {@code manager_id} that puts offenders on their caseload, so names use the same alphabet as
 * manager ids: letters, digits and {@code . _ @ -}, 1 to 100 characters.
 */
public record User(String name, Role role) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

  public User {
    Objects.requireNonNull(role, "role");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("user name '" + name
          + "' must be 1 to 100 letters, digits or . _ @ -");
    }
  }
}
