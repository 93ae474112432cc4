package org.iom.correlator.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a user may do. Each user has exactly one role; routes name the roles that may call them
 * ({@code docs/access.md} has the table).
 */
public enum Role {
  /** Alerts, matches and trails of the offenders on their own caseload ({@code manager_id} = user name). */
  IOM_MANAGER,
  /** Enquiries and match evidence across all offenders, each read tied to a crime reference and a purpose. */
  INVESTIGATOR,
  /** Aggregate reports only; never a trail, match or alert. */
  PARTNER,
  /** Users, tokens, imports and the audit log; no location data. */
  ADMIN;

  /**
   * The role named {@code text} (case-insensitive, surrounding blanks ignored).
   *
   * @throws IllegalArgumentException naming the accepted values when it is none of them
   */
  public static Role parse(String text) {
    if (text != null) {
      String wanted = text.strip().toUpperCase(Locale.ROOT);
      for (Role r : values()) {
        if (r.name().equals(wanted)) return r;
      }
    }
    throw new IllegalArgumentException("role '" + text + "' is not one of "
        + Arrays.stream(values()).map(Role::name).collect(Collectors.joining(", ")));
  }
}
